// Turning command-line operands into an ordered list of input files: files as
// given, directories searched recursively for the wanted extensions, glob
// patterns expanded with fast-glob, `-` for standard input. Each input keeps
// the path relative to the operand it came from, which --out-dir mirrors.
import { stat } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { UsageError } from './messages.js';

export interface FileInput {
  kind: 'file';
  /** The path as given or found: recorded in source.path and shown in messages. */
  path: string;
  /** Path relative to the directory or pattern base it was found under (a plain file: its name). */
  rel: string;
}

export interface StdinInput {
  kind: 'stdin';
  path: null;
  rel: string;
}

export type Input = FileInput | StdinInput;

export interface Expanded {
  inputs: Input[];
  /** True when an operand can stand for several files (directory, pattern) or there are several operands. */
  batch: boolean;
  /** Directories and patterns that matched nothing (worth a warning). */
  empty: { operand: string; kind: 'directory' | 'pattern' }[];
}

export const STDIN_NAME = '<stdin>';

/** Extensions a directory is searched for: plan texts, Markdown, saved web pages. */
export const PLAN_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'shtml', 'xhtml'] as const;

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return null;
  }
}

/** fast-glob wants forward slashes; on POSIX a backslash would be an escape. */
function toPattern(path: string): string {
  return process.platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

export async function expandInputs(operands: string[], extensions: readonly string[]): Promise<Expanded> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const empty: Expanded['empty'] = [];
  let batch = operands.length > 1;
  let sawStdin = false;

  const add = (path: string, rel: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path, rel });
  };

  for (const operand of operands) {
    if (operand === '-') {
      if (sawStdin) throw new UsageError('standard input (-) can be read only once');
      sawStdin = true;
      inputs.push({ kind: 'stdin', path: null, rel: 'stdin' });
      continue;
    }
    const dir = await isDirectory(operand);
    if (dir === true) {
      batch = true;
      const fg = (await import('fast-glob')).default;
      const pattern = `**/*.{${extensions.join(',')}}`;
      const found = await fg(pattern, { cwd: operand, onlyFiles: true, caseSensitiveMatch: false, followSymbolicLinks: true });
      if (found.length === 0) empty.push({ operand, kind: 'directory' });
      for (const rel of found.sort(byCodePoint)) add(joinPath(operand, rel), rel);
      continue;
    }
    if (dir === false) {
      add(operand, basename(operand));
      continue;
    }
    const fg = (await import('fast-glob')).default;
    if (fg.isDynamicPattern(toPattern(operand))) {
      batch = true;
      const pattern = toPattern(operand);
      const base = fg.generateTasks([pattern])[0]?.base ?? '.';
      const found = await fg(pattern, { onlyFiles: true, followSymbolicLinks: true });
      if (found.length === 0) empty.push({ operand, kind: 'pattern' });
      for (const path of found.sort(byCodePoint)) add(path, relative(base, path));
      continue;
    }
    // A path that does not exist stays in the list: reading it fails and is
    // reported like any other bad file, without stopping the batch.
    add(operand, basename(operand));
  }
  return { inputs, batch, empty };
}

/** Join without normalising away what the user typed (keeps `./` prefixes stable in messages). */
function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + rel : `${dir}/${rel}`;
}

export function displayName(input: Input): string {
  return input.kind === 'stdin' ? STDIN_NAME : input.path;
}

/** The warning for an operand that matched nothing. */
export function emptyWarning(e: Expanded['empty'][number], extensions: readonly string[]): string {
  const dotted = extensions.map((x) => `.${x}`);
  const what = dotted.length > 1 ? `${dotted.slice(0, -1).join(', ')} or ${dotted[dotted.length - 1]}` : (dotted[0] ?? '');
  return e.kind === 'pattern' ? `planparse: ${e.operand}: no file matches this pattern` : `planparse: ${e.operand}: no ${what} files found`;
}
