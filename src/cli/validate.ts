// `planparse validate`: check JSON documents (planparse output, or anything
// claiming to be) against the same zod schema the parser validates with, and
// name every problem by file and JSON path.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { Plan, SCHEMA_VERSION } from '../schema.js';
import { expandInputs, displayName, emptyWarning, printablePath, recordedName } from './inputs.js';
import { makeReporter, type DocumentCount, type Finding, type ReporterName } from './reporters.js';
import { colourFor, formatElapsed } from './ui.js';
import { readStdin } from './io.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, fsReason, oneLine, schemaIssueMessage } from './messages.js';

export interface ValidateOptions {
  reporter: ReporterName;
  quiet?: boolean;
  color: boolean;
}

/** `$.sections[0].items[2].number`: the JSONPath of a zod issue. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The 1-based line of a JSON.parse error, when the engine says where it happened. */
function syntaxErrorLine(text: string, e: unknown): number | null {
  const message = e instanceof Error ? e.message : '';
  const m = /position (\d+)/.exec(message);
  // A truncated document fails at its end, which V8 does not number.
  if (!m && !/end of JSON input/.test(message)) return null;
  const at = m ? Math.min(Number(m[1]), text.length) : text.trimEnd().length;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const MAX_ISSUES = 100;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Paths of properties the schema does not know. Zod's objects drop unknown
 * keys while parsing, so they are the keys of the document missing from what
 * zod returned (the JSON Schema says additionalProperties: false).
 */
export function unknownProperties(doc: unknown, schema: SchemaNode = Plan as unknown as SchemaNode, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  const def = schema._zod.def;
  // optional, nullable, default…: the schema of the value inside
  if (def.innerType) return unknownProperties(doc, def.innerType, path, out);
  if (def.type === 'array' && def.element && Array.isArray(doc)) {
    doc.forEach((v, i) => unknownProperties(v, def.element!, [...path, i], out));
  } else if (def.type === 'object' && def.shape && isRecord(doc)) {
    for (const key of Object.keys(doc)) {
      const field = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      if (field === undefined) out.push([...path, key]);
      else unknownProperties(doc[key], field, [...path, key], out);
    }
  }
  return out;
}

/** What unknownProperties reads of a zod schema: its kind and the schemas inside it. */
interface SchemaNode {
  _zod: { def: { type: string; shape?: Record<string, SchemaNode>; element?: SchemaNode; innerType?: SchemaNode } };
}

/** Why a JSON object is no planparse document at all, or null when it claims to be one of this schema version. */
export function foreignDocument(doc: unknown): string | null {
  if (!isRecord(doc)) return null;
  if (!Object.hasOwn(doc, 'schemaVersion')) return `$: not a planparse document (no schemaVersion; this planparse writes and reads "${SCHEMA_VERSION}")`;
  const v = doc.schemaVersion;
  if (typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v) && v !== SCHEMA_VERSION) return `$.schemaVersion: "${v}", another schema version (this planparse reads "${SCHEMA_VERSION}")`;
  return null;
}

/** Problems of one JSON document; `line` places a JSON Lines record. */
export function documentProblems(file: string, text: string, line: number | null): Finding[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const at = line ?? syntaxErrorLine(text, e);
    let why = oneLine(e instanceof Error ? e.message : String(e));
    // A JSON Lines record is one line: where in it, as an editor counts (V8 says "position 8", 0-based).
    if (line !== null) why = why.replace(/\bat position (\d+)(?: \(line 1 column \d+\))?/, (_, n: string) => `at column ${Number(n) + 1}`);
    return [{ file, line: at, severity: 'error', message: `not valid JSON: ${why}`, code: 'json-syntax' }];
  }
  // JSON of another kind (a gold file, a config) or of another schema version:
  // one line that says so, not a problem for every field it lacks.
  const foreign = foreignDocument(doc);
  if (foreign) return [{ file, line, severity: 'error', message: foreign, code: 'schema' }];
  const result = Plan.safeParse(doc);
  // Read against the schema itself, so they are told even when other problems are (zod drops them silently).
  const unknown: Finding[] = unknownProperties(doc).map((path) => ({
    file,
    line,
    severity: 'error' as const,
    message: `${jsonPath(path)}: unknown property (the schema allows no additional properties)`,
    code: 'schema',
  }));
  if (result.success) return unknown.slice(0, MAX_ISSUES);
  const issues = result.error.issues;
  const findings: Finding[] = issues.slice(0, MAX_ISSUES).map((issue) => ({
    file,
    line,
    severity: 'error' as const,
    message: `${jsonPath(issue.path)}: ${schemaIssueMessage(issue, doc, Plan)}`,
    code: 'schema',
  }));
  findings.push(...unknown.slice(0, Math.max(0, MAX_ISSUES - findings.length)));
  const total = issues.length + unknown.length;
  if (total > findings.length) {
    findings.push({ file, line, severity: 'error', message: `… and ${total - findings.length} more schema problems`, code: 'schema' });
  }
  return findings;
}

export function fileProblems(file: string, text: string, jsonLines: boolean): Finding[] {
  if (!jsonLines) {
    if (text.trim() === '') return [{ file, line: null, severity: 'error', message: 'empty file, expected a JSON document', code: 'json-syntax' }];
    return documentProblems(file, text, null);
  }
  const findings: Finding[] = [];
  const lines = text.split('\n');
  lines.forEach((record, i) => {
    if (record.trim() !== '') findings.push(...documentProblems(file, record, i + 1));
  });
  return findings;
}

/** Problems kept per JSON Lines file; past it they are only counted (memory stays bounded). */
const MAX_FINDINGS_PER_FILE = 1000;

/** What validating one file found: its problems, and how many documents it held and how many failed. */
export interface FileVerdict extends DocumentCount {
  findings: Finding[];
}

/** JSON Lines records checked one at a time, each named by its line: memory holds one line. */
export async function linesVerdict(file: string, lines: AsyncIterable<string> | Iterable<string>): Promise<FileVerdict> {
  const findings: Finding[] = [];
  let more = 0;
  let no = 0;
  let documents = 0;
  let invalid = 0;
  for await (const raw of lines) {
    no++;
    const record = no === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (record.trim() === '') continue;
    documents++;
    const found = documentProblems(file, record.replace(/\r$/, ''), no);
    if (found.length) invalid++;
    for (const f of found) {
      if (findings.length < MAX_FINDINGS_PER_FILE) findings.push(f);
      else more++;
    }
  }
  if (more > 0) findings.push({ file, line: null, severity: 'error', message: `… and ${more} more problems`, code: 'schema' });
  // An empty export is no valid one, as an empty .json is not (a CI check must not pass on it).
  if (documents === 0) findings.push({ file, line: null, severity: 'error', message: 'empty file, expected JSON Lines (one document per line)', code: 'json-syntax' });
  return { findings, documents, invalid };
}

/**
 * A JSON Lines file validated as it is read, one record at a time: memory
 * holds one line, not the file (a corpus export can be gigabytes).
 */
export async function validateJsonLines(file: string, path: string): Promise<FileVerdict> {
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  return linesVerdict(file, createInterface({ input: createReadStream(path), crlfDelay: Infinity }));
}

/**
 * Whether text read from standard input is JSON Lines (`planparse dir --jsonl
 * | planparse validate -`): more than one line, the first a whole JSON object
 * on its own. An indented document's first line is only `{`.
 */
export function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines[0]!.trimStart().startsWith('{')) return false;
  try {
    JSON.parse(lines[0]!);
    return true;
  } catch {
    return false;
  }
}

export interface ValidateTally {
  files: number;
  /** Files with a problem, or that could not be read. */
  invalidFiles: number;
  unreadable: number;
  documents: number;
  invalidDocuments: number;
  problems: number;
  /** Some file held other than one document (JSON Lines): the summary counts documents. */
  jsonLines: boolean;
}

/**
 * The summary: files when each file is one document (`3 files validated: 2
 * valid, 1 invalid`); documents when JSON Lines are among them (`120
 * documents in 2 files validated: 118 valid, 2 invalid`).
 */
export function validateSummary(t: ValidateTally, c: ChalkInstance): string {
  const problems = `${t.problems} problem${t.problems === 1 ? '' : 's'}`;
  if (!t.jsonLines) {
    const n = t.files;
    return `${n} file${n === 1 ? '' : 's'} validated: ${n - t.invalidFiles} valid, ${t.invalidFiles ? c.red(`${t.invalidFiles} invalid`) : '0 invalid'}; ${problems}`;
  }
  const d = t.documents;
  const unreadable = t.unreadable ? `, ${c.red(`${t.unreadable} file${t.unreadable === 1 ? '' : 's'} unreadable`)}` : '';
  return (
    `${d} document${d === 1 ? '' : 's'} in ${t.files} file${t.files === 1 ? '' : 's'} validated: ${d - t.invalidDocuments} valid, ` +
    `${t.invalidDocuments ? c.red(`${t.invalidDocuments} invalid`) : '0 invalid'}${unreadable}; ${problems}`
  );
}

export async function runValidate(operands: string[], opts: ValidateOptions): Promise<number> {
  const c = colourFor(process.stderr, opts.color);
  try {
    return await validate(operands, opts, c);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`planparse validate: ${e.message}\n(planparse validate --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

async function validate(operands: string[], opts: ValidateOptions, c: ChalkInstance): Promise<number> {
  if (operands.length === 0) throw new UsageError('no input: give JSON files, directories, glob patterns, or - for standard input');
  const started = performance.now();
  const { inputs, empty, notes } = await expandInputs(operands, ['json', 'jsonl']);
  for (const e of empty) process.stderr.write(emptyWarning(e, ['json', 'jsonl']) + '\n');
  for (const n of notes) process.stderr.write(`planparse: ${printablePath(n)}\n`);
  if (inputs.length === 0) throw new UsageError('no input files found');
  const reporter = makeReporter(opts.reporter, process.stdout, colourFor(process.stdout, opts.color));
  const tally = { files: inputs.length, invalidFiles: 0, unreadable: 0, documents: 0, invalidDocuments: 0, problems: 0, jsonLines: false };
  for (const input of inputs) {
    // GitHub places an annotation by its path from the repository root (the working directory of a job).
    const file = opts.reporter === 'github' ? recordedName(input) : displayName(input);
    const jsonLines = input.kind === 'file' && /^\.(jsonl|ndjson)$/i.test(extname(input.path));
    let verdict: FileVerdict;
    try {
      if (input.kind === 'file' && input.problem) throw Object.assign(new Error(input.problem.replace(/^cannot read file: /, '')), { code: 'EBADNAME' });
      if (input.kind === 'file') {
        // Only regular files: a device or FIFO (a link to /dev/zero) could be endless.
        const st = await stat(input.path);
        if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
      }
      if (jsonLines && input.kind === 'file') {
        verdict = await validateJsonLines(file, input.path);
      } else {
        const text = (input.kind === 'stdin' ? Buffer.from(await readStdin()).toString('utf8') : await readFile(input.path, 'utf8')).replace(/^\uFEFF/, '');
        if (input.kind === 'stdin' && text.trim() === '') {
          verdict = { findings: [{ file, line: null, severity: 'error', message: 'standard input is empty, expected a JSON document or JSON Lines', code: 'json-syntax' }], documents: 1, invalid: 1 };
        } else if (input.kind === 'stdin' && looksLikeJsonLines(text)) verdict = await linesVerdict(file, text.split('\n'));
        else {
          const findings = fileProblems(file, text, false);
          verdict = { findings, documents: 1, invalid: findings.length ? 1 : 0 };
        }
      }
    } catch (e) {
      tally.invalidFiles++;
      tally.unreadable++;
      reporter.file(file, [], `cannot read file: ${fsReason(e)}`);
      continue;
    }
    if (verdict.documents !== 1) tally.jsonLines = true;
    tally.documents += verdict.documents;
    tally.invalidDocuments += verdict.invalid;
    if (verdict.findings.length) {
      tally.invalidFiles++;
      tally.problems += verdict.findings.length;
    }
    reporter.file(file, verdict.findings, null, { documents: verdict.documents, invalid: verdict.invalid });
  }
  const validFiles = tally.files - tally.invalidFiles;
  reporter.end({
    files: tally.files,
    valid: validFiles,
    invalid: tally.invalidFiles,
    problems: tally.problems,
    documents: tally.documents,
    validDocuments: tally.documents - tally.invalidDocuments,
    invalidDocuments: tally.invalidDocuments,
  });
  if (!opts.quiet) process.stderr.write(`planparse: ${validateSummary(tally, c)}; ${formatElapsed(performance.now() - started)}\n`);
  const invalid = tally.invalidFiles;
  return invalid ? EXIT_FAILED : EXIT_OK;
}
