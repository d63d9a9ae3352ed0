// `planparse validate`: check JSON documents (planparse output, or anything
// claiming to be) against the same zod schema the parser validates with, and
// name every problem by file and JSON path.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { Plan } from '../schema.js';
import { expandInputs, displayName, emptyWarning, printablePath } from './inputs.js';
import { makeReporter, type Finding, type ReporterName } from './reporters.js';
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
export function unknownProperties(doc: unknown, parsed: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  if (Array.isArray(doc) && Array.isArray(parsed)) {
    doc.forEach((v, i) => unknownProperties(v, parsed[i], [...path, i], out));
  } else if (isRecord(doc) && isRecord(parsed)) {
    for (const key of Object.keys(doc)) {
      if (!Object.hasOwn(parsed, key)) out.push([...path, key]);
      else unknownProperties(doc[key], parsed[key], [...path, key], out);
    }
  }
  return out;
}

/** Problems of one JSON document; `line` places a JSON Lines record. */
export function documentProblems(file: string, text: string, line: number | null): Finding[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const at = line ?? syntaxErrorLine(text, e);
    return [{ file, line: at, severity: 'error', message: `not valid JSON: ${oneLine(e instanceof Error ? e.message : String(e))}`, code: 'json-syntax' }];
  }
  const result = Plan.safeParse(doc);
  if (result.success) return unknownProperties(doc, result.data).slice(0, MAX_ISSUES).map((path) => ({
    file,
    line,
    severity: 'error' as const,
    message: `${jsonPath(path)}: unknown property (the schema allows no additional properties)`,
    code: 'schema',
  }));
  const issues = result.error.issues;
  const findings: Finding[] = issues.slice(0, MAX_ISSUES).map((issue) => ({
    file,
    line,
    severity: 'error' as const,
    message: `${jsonPath(issue.path)}: ${schemaIssueMessage(issue, doc, Plan)}`,
    code: 'schema',
  }));
  if (issues.length > MAX_ISSUES) {
    findings.push({ file, line, severity: 'error', message: `… and ${issues.length - MAX_ISSUES} more schema problems`, code: 'schema' });
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

/**
 * A JSON Lines file validated as it is read, one record at a time: memory
 * holds one line, not the file (a corpus export can be gigabytes).
 */
export async function validateJsonLines(file: string, path: string): Promise<Finding[]> {
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  const findings: Finding[] = [];
  let more = 0;
  let no = 0;
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const raw of lines) {
    no++;
    const record = no === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (record.trim() === '') continue;
    const found = documentProblems(file, record, no);
    for (const f of found) {
      if (findings.length < MAX_FINDINGS_PER_FILE) findings.push(f);
      else more++;
    }
  }
  if (more > 0) findings.push({ file, line: null, severity: 'error', message: `… and ${more} more problems`, code: 'schema' });
  return findings;
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
  let invalid = 0;
  let problems = 0;
  for (const input of inputs) {
    const file = displayName(input);
    const jsonLines = input.kind === 'file' && /^\.(jsonl|ndjson)$/i.test(extname(input.path));
    let findings: Finding[];
    try {
      if (input.kind === 'file' && input.problem) throw Object.assign(new Error(input.problem.replace(/^cannot read file: /, '')), { code: 'EBADNAME' });
      if (input.kind === 'file') {
        // Only regular files: a device or FIFO (a link to /dev/zero) could be endless.
        const st = await stat(input.path);
        if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
      }
      if (jsonLines && input.kind === 'file') {
        findings = await validateJsonLines(file, input.path);
      } else {
        const text = input.kind === 'stdin' ? Buffer.from(await readStdin()).toString('utf8') : await readFile(input.path, 'utf8');
        findings = fileProblems(file, text.replace(/^\uFEFF/, ''), false);
      }
    } catch (e) {
      invalid++;
      reporter.file(file, [], `cannot read file: ${fsReason(e)}`);
      continue;
    }
    if (findings.length) {
      invalid++;
      problems += findings.length;
    }
    reporter.file(file, findings, null);
  }
  const valid = inputs.length - invalid;
  reporter.end({ files: inputs.length, valid, invalid, problems });
  if (!opts.quiet) {
    const n = inputs.length;
    process.stderr.write(
      `planparse: ${n} file${n === 1 ? '' : 's'} validated: ${valid} valid, ${invalid ? c.red(`${invalid} invalid`) : '0 invalid'}; ${problems} problem${problems === 1 ? '' : 's'}; ${formatElapsed(performance.now() - started)}\n`,
    );
  }
  return invalid ? EXIT_FAILED : EXIT_OK;
}
