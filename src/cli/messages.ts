// How the CLI words problems: one line each, `planparse: FILE: message`, never
// a stack trace.
import { InputError } from '../errors.js';

/** A mistake on the command line: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The one-line reason for a failure: the user's input, or (rarely) a bug of ours. */
export function errorMessage(e: unknown): string {
  if (e instanceof InputError) return oneLine(e.message);
  if (e instanceof Error) return `internal error: ${oneLine(e.message)}`;
  return `internal error: ${oneLine(String(e))}`;
}

/** Why a file system call failed, in words (the errno code alone is cryptic). */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'EDQUOT': return 'disk quota exceeded';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a parent is not a directory';
    case 'EEXIST': return 'already exists';
    default: return oneLine(err?.message ?? String(e));
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

// ---------------------------------------------------------------- schema problems

// What `validate` says about a value the schema refuses: the value it found
// and what the schema allows there, read from the schema itself (zod's own
// message says "expected number, received undefined" for a field that may
// also be null, which sends the reader looking for the wrong fix).

/** The parts of a zod schema's definition read here (zod 4's `_zod.def`). */
interface SchemaDef {
  type: string;
  shape?: Record<string, SchemaNode>;
  element?: SchemaNode;
  innerType?: SchemaNode;
  options?: SchemaNode[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  format?: string;
  value?: number | bigint;
  inclusive?: boolean;
  pattern?: RegExp;
}

/** A zod schema as far as this module looks at it. */
export interface SchemaNode {
  _zod: { def: unknown };
}

/** The subset of a zod issue read here. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/** Issues about the value itself, which "found X; allowed: Y" describes fully. */
const VALUE_ISSUES = new Set(['invalid_type', 'invalid_value', 'too_small', 'too_big', 'invalid_format', 'not_multiple_of']);

const defOf = (s: SchemaNode): SchemaDef => s._zod.def as SchemaDef;

/** The schema of the value at `path`, or null when the path leaves the schema. */
export function schemaAt(root: SchemaNode, path: readonly PropertyKey[]): SchemaNode | null {
  let node: SchemaNode | null = root;
  for (const key of path) {
    node = node && step(node, key);
  }
  return node;
}

function step(node: SchemaNode, key: PropertyKey): SchemaNode | null {
  const def = defOf(node);
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return def.innerType ? step(def.innerType, key) : null;
    case 'object':
      return typeof key === 'string' ? (def.shape?.[key] ?? null) : null;
    case 'array':
      return typeof key === 'number' ? (def.element ?? null) : null;
    default:
      return null;
  }
}

function numberWords(def: SchemaDef): string {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const whole = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const bounds: string[] = [];
  for (const c of checks) {
    if (c.value === undefined) continue;
    const v = Number(c.value);
    if (c.check === 'greater_than') bounds.push(c.inclusive ? `≥ ${v}` : whole ? `≥ ${v + 1}` : `> ${v}`);
    if (c.check === 'less_than') bounds.push(c.inclusive ? `≤ ${v}` : whole ? `≤ ${v - 1}` : `< ${v}`);
  }
  return [whole ? 'a whole number' : 'a number', ...bounds].join(' ');
}

function stringWords(def: SchemaDef): string {
  const pattern = (def.checks ?? []).map((c) => c._zod.def).find((c) => c.pattern instanceof RegExp)?.pattern;
  if (pattern && pattern.source === '^\\d{4}-\\d{2}-\\d{2}$') return 'a date as YYYY-MM-DD';
  return pattern ? `a string matching /${pattern.source}/` : 'a string';
}

/** What a schema allows, in words: `a whole number ≥ 1, or null`. */
export function allowedWords(node: SchemaNode): string {
  const def = defOf(node);
  switch (def.type) {
    case 'nullable':
      return `${allowedWords(def.innerType!)}, or null`;
    case 'optional':
      return `${allowedWords(def.innerType!)}, or left out`;
    case 'default':
    case 'readonly':
      return allowedWords(def.innerType!);
    case 'number':
      return numberWords(def);
    case 'string':
      return stringWords(def);
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(def.entries ?? {}).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'literal':
      return (def.values ?? []).map((v) => JSON.stringify(v)).join(' or ');
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'union':
      return (def.options ?? []).map(allowedWords).join(', or ');
    default:
      return def.type;
  }
}

/** The value found, in words: `missing`, `null`, `the string "one"`. */
export function foundWords(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v = doc;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * One schema problem in words, without its JSON path (the caller puts it in
 * front): `missing; allowed: a whole number, or null`.
 */
export function schemaIssueMessage(issue: SchemaIssue, doc: unknown, root: SchemaNode): string {
  const node = VALUE_ISSUES.has(issue.code) ? schemaAt(root, issue.path) : null;
  if (!node) return oneLine(issue.message);
  return `${foundWords(valueAt(doc, issue.path))}; allowed: ${allowedWords(node)}`;
}
