// Turning command-line operands into an ordered list of input files: files as
// given, directories searched recursively for the wanted extensions, glob
// patterns expanded with fast-glob, `-` for standard input. Each input keeps
// the path relative to the operand it came from, which --out-dir mirrors.
//
// Each real file is taken once (by device and inode, however many links or
// names lead to it); a directory walk follows symbolic links but never enters
// a directory twice, so a link loop ends and is reported. Expansion skips
// node_modules, dot-files and dot-folders, and what .gitignore ignores inside
// a git work tree; --ignore PATTERN and `!PATTERN` operands (gitignore syntax)
// drop any input, named ones included.
import { readdir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { realpathSync } from 'node:fs';
import { basename, isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { UsageError } from './messages.js';
import type { GitIgnore } from './gitignore.js';
import type { InputFormat, StdinFormat } from '../read.js';

export interface FileInput {
  kind: 'file';
  /** The path as given or found: recorded in source.path and shown in messages. */
  path: string;
  /** Path relative to the directory or pattern base it was found under (a plain file: its name). */
  rel: string;
  /** Named on the command line (not found by expanding a directory or a pattern). */
  named: boolean;
  /** Why it cannot even be opened (a name that is not UTF-8): reported as a failed input. */
  problem?: string;
  /** What stat said while expanding (absent when the path could not be stat'ed). */
  stats?: Stats;
}

export interface StdinInput {
  kind: 'stdin';
  path: null;
  rel: string;
  named: true;
}

export type Input = FileInput | StdinInput;

export interface Expanded {
  inputs: Input[];
  /** True when an operand can stand for several files (directory, pattern) or there are several operands. */
  batch: boolean;
  /** Directories and patterns that matched nothing (worth a warning). */
  empty: { operand: string; kind: 'directory' | 'pattern' }[];
  /** What expansion passed over and why (link loops), one line each, worth a note. */
  notes: string[];
}

export interface ExpandOptions {
  /** gitignore-style patterns (--ignore), relative to the working directory or to an operand. */
  ignore?: readonly string[];
}

export const STDIN_NAME = '<stdin>';

/** Extensions a directory is searched for: plan texts, Markdown, saved web pages. */
export const PLAN_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'shtml', 'xhtml'] as const;

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** fast-glob wants forward slashes; on POSIX a backslash would be an escape. */
function toPattern(path: string): string {
  return process.platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

const identity = (s: Stats) => `${s.dev}:${s.ino}`;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name as bytes, shown readably: invalid UTF-8 bytes as \xNN. */
function showBytes(name: Buffer): string {
  let out = '';
  for (let i = 0; i < name.length; ) {
    const b = name[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const piece = len ? name.subarray(i, i + len) : null;
    let text: string | null = null;
    if (piece && piece.length === len) {
      try {
        text = utf8.decode(piece);
      } catch {
        text = null;
      }
    }
    if (text !== null) {
      out += text;
      i += len;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

interface Found {
  path: string;
  rel: string;
  problem?: string;
  /** Its stat, when already taken. */
  stats?: Stats;
}

/** A directory walked depth-first, links followed, each real directory entered once. */
async function walk(root: string, extensions: readonly string[], skip: (abs: string, isDir: boolean) => boolean, notes: string[]): Promise<Found[]> {
  const wanted = new Set(extensions.map((e) => `.${e.toLowerCase()}`));
  const isWanted = (name: string) => {
    const dot = name.lastIndexOf('.');
    return dot > 0 && wanted.has(name.slice(dot).toLowerCase());
  };
  const found: Found[] = [];
  const entered = new Set<string>();
  const visit = async (dir: string, rel: string, ancestors: Set<string>): Promise<void> => {
    const dirStat = await statOrNull(dir);
    if (!dirStat) return;
    const id = identity(dirStat);
    if (ancestors.has(id)) {
      notes.push(`${dir}: symbolic link loop (a link back to a folder above it), not followed`);
      return;
    }
    // Reached again by another link: its files are already listed.
    if (entered.has(id)) return;
    entered.add(id);
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(dir, { encoding: 'buffer', withFileTypes: true });
    } catch (e) {
      notes.push(`${dir}: cannot list this folder: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
      return;
    }
    const inner = new Set(ancestors).add(id);
    const files: { path: string; rel: string }[] = [];
    const dirs: { path: string; rel: string }[] = [];
    const links: { path: string; rel: string; name: string }[] = [];
    for (const entry of entries) {
      let name: string;
      try {
        name = utf8.decode(entry.name);
      } catch {
        const shown = showBytes(entry.name);
        const dot = shown.lastIndexOf('.');
        if (dot > 0 && wanted.has(shown.slice(dot).toLowerCase())) {
          found.push({ path: joinPath(dir, shown), rel: rel ? `${rel}/${shown}` : shown, problem: 'cannot read file: its name is not valid UTF-8' });
        }
        continue;
      }
      if (name.startsWith('.')) continue;
      const item = { path: joinPath(dir, name), rel: rel ? `${rel}/${name}` : name, name };
      if (entry.isDirectory()) {
        if (name !== 'node_modules' && !skip(resolve(item.path), true)) dirs.push(item);
      } else if (entry.isSymbolicLink()) {
        links.push(item);
      } else if (isWanted(name)) {
        files.push(item);
      }
    }
    // Links: followed to what they name (a folder is walked, a file taken).
    const linked = await Promise.all(links.map((l) => statOrNull(l.path)));
    links.forEach((l, i) => {
      const st = linked[i];
      if (st?.isDirectory()) {
        if (l.name !== 'node_modules' && !skip(resolve(l.path), true)) dirs.push(l);
      } else if (isWanted(l.name)) {
        // A dangling link with a plan's name stays: reading it names the fault.
        if (!skip(resolve(l.path), false)) found.push(st ? { path: l.path, rel: l.rel, stats: st } : { path: l.path, rel: l.rel });
      }
    });
    // Files: stat'ed together (their identity makes each real file one input).
    const kept = files.filter((f) => !skip(resolve(f.path), false));
    const stats = await Promise.all(kept.map((f) => statOrNull(f.path)));
    kept.forEach((f, i) => {
      const st = stats[i];
      found.push(st ? { path: f.path, rel: f.rel, stats: st } : { path: f.path, rel: f.rel });
    });
    for (const d of dirs) await visit(d.path, d.rel, inner);
  };
  await visit(root, '', new Set());
  return found;
}

export async function expandInputs(operands: string[], extensions: readonly string[], options: ExpandOptions = {}): Promise<Expanded> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const empty: Expanded['empty'] = [];
  const notes: string[] = [];
  const patterns = [...(options.ignore ?? []), ...operands.filter((o) => o.startsWith('!') && o.length > 1).map((o) => o.slice(1))];
  const files = operands.filter((o) => !(o.startsWith('!') && o.length > 1));
  let batch = files.length > 1;
  let sawStdin = false;

  const userIgnore = patterns.length ? (await import('ignore')).default().add(patterns) : null;
  const cwd = process.cwd();
  /** --ignore and !PATTERN: matched relative to the working directory, and to the operand. */
  const userIgnores = (path: string, rel: string, isDir = false): boolean => {
    if (!userIgnore) return false;
    const fromCwd = relative(cwd, resolve(path));
    const suffix = isDir ? '/' : '';
    if (fromCwd && !fromCwd.startsWith('..') && userIgnore.ignores(fromCwd.split('\\').join('/') + suffix)) return true;
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/') && userIgnore.ignores(rel + suffix);
  };
  const gitFor = new Map<string, GitIgnore | null>();
  const gitIgnoreAt = async (dir: string): Promise<GitIgnore | null> => {
    // Loaded only when a directory or a pattern is expanded: one file starts faster.
    const { GitIgnore, findWorkTree } = await import('./gitignore.js');
    const tree = await findWorkTree(resolve(dir));
    if (!tree) return null;
    if (!gitFor.has(tree)) gitFor.set(tree, new GitIgnore(tree));
    return gitFor.get(tree)!;
  };

  const add = async (path: string, rel: string, named: boolean, problem?: string, known?: Stats | null): Promise<void> => {
    if (userIgnores(path, named ? '' : rel)) return;
    const st = problem ? null : known !== undefined ? known : await statOrNull(path);
    // The same file under two names (links, ./a and a) is one input; a path
    // that cannot be stat'ed stays, and reading it names the fault.
    const key = st ? identity(st) : `path:${resolve(path)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const input: FileInput = { kind: 'file', path, rel, named };
    if (problem) input.problem = problem;
    if (st) input.stats = st;
    inputs.push(input);
  };

  for (const operand of files) {
    if (operand === '-') {
      if (sawStdin) throw new UsageError('standard input (-) can be read only once');
      sawStdin = true;
      inputs.push({ kind: 'stdin', path: null, rel: 'stdin', named: true });
      continue;
    }
    const st = await statOrNull(operand);
    if (st?.isDirectory()) {
      batch = true;
      // A folder named on the command line is wanted even if git ignores it;
      // the rules apply below it.
      const tree = await gitIgnoreAt(operand);
      const git = tree && !tree.ignores(resolve(operand), true) ? tree : null;
      const skip = (abs: string, isDir: boolean) => (git?.ignores(abs, isDir) ?? false) || userIgnores(abs, relative(resolve(operand), abs), isDir);
      const found = await walk(operand, extensions, skip, notes);
      if (found.length === 0) empty.push({ operand, kind: 'directory' });
      for (const f of found.sort((a, b) => byCodePoint(a.rel, b.rel))) await add(f.path, f.rel, false, f.problem, f.stats ?? null);
      continue;
    }
    if (st) {
      await add(operand, basename(operand), true, undefined, st);
      continue;
    }
    const fg = (await import('fast-glob')).default;
    if (fg.isDynamicPattern(toPattern(operand))) {
      batch = true;
      const pattern = toPattern(operand);
      const base = fg.generateTasks([pattern])[0]?.base ?? '.';
      // Links to folders are not followed by a pattern (a loop would never end);
      // node_modules and dot-folders are passed over as in a folder walk.
      const found = await fg(pattern, { onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
      const git = await gitIgnoreAt(base);
      const kept = git ? found.filter((p) => !git.ignores(resolve(p), false)) : found;
      if (kept.length === 0) empty.push({ operand, kind: 'pattern' });
      const sorted = kept.sort(byCodePoint);
      const stats = await Promise.all(sorted.map((path) => statOrNull(path)));
      for (const [i, path] of sorted.entries()) {
        await add(path, relative(base, path), false, undefined, stats[i] ?? null);
      }
      continue;
    }
    // A path that does not exist stays in the list: reading it fails and is
    // reported like any other bad file, without stopping the batch.
    await add(operand, basename(operand), true);
  }
  return { inputs, batch, empty, notes };
}

/** Join without normalising away what the user typed (keeps `./` prefixes stable in messages). */
function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + rel : `${dir}/${rel}`;
}

/**
 * A path as shown in messages and tables: control characters (a newline in a
 * file name) escaped, so a message stays on one line.
 */
export function printablePath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const n = c.charCodeAt(0);
    if (n === 10) return '\\n';
    if (n === 13) return '\\r';
    if (n === 9) return '\\t';
    return n > 0xff ? `\\u${n.toString(16).padStart(4, '0')}` : `\\x${n.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

/**
 * The path recorded in a document's source.path: relative to the working
 * directory with forward slashes (`corpus/a.txt` however it was typed:
 * `./corpus//a.txt`, `corpus/../corpus/a.txt`, an absolute path), so the same
 * file gives the same JSON whichever way it is named, and --check compares
 * like with like. A file beside the working directory is reached with `../`
 * (`../shared/corpus/a.txt`): unlike its absolute path, that is the same on
 * every machine with the same layout (a CI checkout, another clone). A file
 * that shares only the root with it (`/tmp/a.txt` from `/home/me/work`), or
 * is on another drive, keeps its absolute path: `../../../tmp/a.txt` tells
 * nobody anything.
 */
export function recordedPath(path: string, cwd = process.cwd(), shellCwd = process.env.PWD): string {
  const abs = resolve(cwd, path);
  // A working folder reached through a link: the shell's $PWD names it as the
  // user does, process.cwd() by its real path. An absolute operand written from
  // $PWD ("$PWD/in/x.txt") is inside it, not beside it.
  const shell = shellCwd !== undefined && shellCwd !== cwd && isAbsolute(path) && sameFolder(shellCwd, cwd) ? relative(shellCwd, abs) : null;
  if (shell !== null && shell !== '' && !isAbsolute(shell) && shell.split(sep)[0] !== '..') return shell.split(sep).join('/');
  const rel = relative(cwd, abs);
  const top = (p: string) => p.slice(parse(p).root.length).split(sep)[0] ?? '';
  const apart = rel === '' || isAbsolute(rel) || (rel.split(sep)[0] === '..' && top(abs) !== top(resolve(cwd)));
  return (apart ? abs : rel).split(sep).join('/');
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

export function displayName(input: Input): string {
  return input.kind === 'stdin' ? STDIN_NAME : printablePath(input.path);
}

/** The format to hand parsePlanBytes for standard input: none for `auto`, so its shape decides. */
export function stdinReadFormat(f: StdinFormat | undefined): InputFormat | undefined {
  return f === undefined || f === 'auto' ? undefined : f;
}

/** An input as data names it (the `file` of a target row, a compared plan): its recorded path. */
export function recordedName(input: Input): string {
  return input.kind === 'stdin' ? STDIN_NAME : printablePath(recordedPath(input.path));
}

/** The warning for an operand that matched nothing. */
export function emptyWarning(e: Expanded['empty'][number], extensions: readonly string[]): string {
  const dotted = extensions.map((x) => `.${x}`);
  const what = dotted.length > 1 ? `${dotted.slice(0, -1).join(', ')} or ${dotted[dotted.length - 1]}` : (dotted[0] ?? '');
  return e.kind === 'pattern' ? `planparse: ${e.operand}: no file matches this pattern` : `planparse: ${e.operand}: no ${what} files found`;
}
