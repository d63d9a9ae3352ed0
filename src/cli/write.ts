// Writing outputs so that nothing is ever half-written: data goes to a hidden
// temporary file in the destination directory, then a rename (atomic on the
// same file system) puts it in place. Temporary files still open are tracked
// so an interrupt can remove them.
import { closeSync, constants as fsConstants, createWriteStream, openSync, renameSync, rmSync, writeFileSync, writeSync, type Stats, type WriteStream } from 'node:fs';
import { lstat, mkdir, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SLICE_CHARS, textSlices } from './io.js';
import { fsReason } from './messages.js';

const openTemps = new Set<string>();
let tempCounter = 0;

function tempPathFor(path: string): string {
  // Whatever ends the process (an error, a closed pipe), no temporary file stays.
  if (tempCounter === 0) process.once('exit', removeTempFilesSync);
  // Dot-prefixed: globs and directory scans skip it.
  return join(dirname(path), `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
}

/** Directories already made in this run: one mkdir per directory, not per file. */
const madeDirs = new Set<string>();

async function ensureDir(dir: string): Promise<void> {
  if (madeDirs.has(dir)) return;
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    // A recursive mkdir says EEXIST when the directory, or a parent, is a file.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error(`not a directory: ${dir}`), { code: 'ENOTDIR' });
    throw e;
  }
  madeDirs.add(dir);
}

/**
 * Where an output really goes. A regular file (or nothing yet) is replaced
 * atomically; a symbolic link is followed, so its target is replaced and the
 * link stays; a character device or a FIFO cannot be renamed over without
 * destroying it (`-o /dev/null` as root), so it is written through.
 */
export type OutputTarget = { kind: 'replace'; path: string } | { kind: 'through'; path: string };

/** A refusal worded for `cannot write: …`. */
export class OutputRefused extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'OutputRefused';
  }
}

/** Why an output cannot be written, in words. */
export function writeReason(e: unknown): string {
  return e instanceof OutputRefused ? e.message : fsReason(e);
}

const MAX_LINKS = 40;

/**
 * Resolve an output path to what will be written. `makeDirs`: missing folders
 * are created (--out-dir mirrors its tree); otherwise a missing folder is an
 * error that names it (-o nodir/x.json).
 */
export async function resolveOutput(path: string, makeDirs: boolean): Promise<OutputTarget> {
  let at = path;
  for (let hops = 0; ; hops++) {
    let st: Stats;
    try {
      st = await lstat(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw new OutputRefused('a parent is not a directory', 'ENOTDIR');
      if (code !== 'ENOENT') throw e;
      // Nothing there yet: its folder must exist, or be ours to make.
      const dir = dirname(at);
      const dirStat = await stat(dir).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)));
      if (dirStat === null && !makeDirs) throw new OutputRefused(`the folder ${dir} does not exist`, 'ENOENT');
      if (dirStat !== null && !dirStat.isDirectory()) throw new OutputRefused('a parent is not a directory', 'ENOTDIR');
      return { kind: 'replace', path: at };
    }
    if (st.isSymbolicLink()) {
      if (hops >= MAX_LINKS) throw new OutputRefused('too many symbolic links', 'ELOOP');
      at = resolve(dirname(at), await readlink(at));
      continue;
    }
    if (st.isDirectory()) throw new OutputRefused('is a directory', 'EISDIR');
    if (st.isCharacterDevice() || st.isFIFO()) return { kind: 'through', path: at };
    if (!st.isFile()) throw new OutputRefused(st.isSocket() ? 'is a socket' : 'is not a regular file');
    return { kind: 'replace', path: at };
  }
}

/**
 * A device or FIFO opened for writing. A FIFO's open waits for a reader, and
 * a thread blocked there cannot hear Ctrl-C (nor let the process exit): so it
 * is probed without blocking until a reader is there, then opened.
 */
async function openThrough(path: string): Promise<number> {
  if (!(await stat(path)).isFIFO()) return openSync(path, 'a');
  for (;;) {
    try {
      const probe = openSync(path, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK);
      try {
        return openSync(path, 'a');
      } finally {
        closeSync(probe);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO') throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Write one output where resolveOutput said: atomically, or through a device or FIFO. */
export async function writeOutput(target: OutputTarget, data: string | Iterable<string>): Promise<void> {
  if (target.kind === 'replace') return writeFileAtomic(target.path, data);
  writeSlicesSync(await openThrough(target.path), data);
}

/** A text, or its pieces, written slice by slice (one slice encoded at a time, not the whole); closes `fd`. */
function writeSlicesSync(fd: number, text: string | Iterable<string>): void {
  try {
    for (const piece of typeof text === 'string' ? [text] : text) {
      for (const slice of piece.length <= SLICE_CHARS ? [piece] : textSlices(piece)) {
        const bytes = Buffer.from(slice, 'utf8');
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      }
    }
  } finally {
    closeSync(fd);
  }
}

export async function writeFileAtomic(path: string, data: string | Iterable<string>): Promise<void> {
  await ensureDir(dirname(path));
  const temp = tempPathFor(path);
  openTemps.add(temp);
  try {
    // Synchronous on purpose: a signal is handled between tasks, so the
    // interrupt never runs while the thread pool is still creating this file
    // (it used to remove the temporary file, exit, and the pool then made it).
    if (typeof data === 'string' && data.length <= SLICE_CHARS) writeFileSync(temp, data);
    else writeSlicesSync(openSync(temp, 'w'), data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  } finally {
    openTemps.delete(temp);
  }
}

/**
 * A file written piece by piece (--jsonl -o) that appears only when committed;
 * a device or FIFO is written through as the pieces come.
 */
export class AtomicStream {
  private readonly temp: string | null;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(
    private readonly target: OutputTarget,
    fd: number,
    temp: string | null,
  ) {
    this.temp = temp;
    this.stream = createWriteStream('', { fd });
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }

  /**
   * Opened before anything is parsed: a place that cannot be written fails
   * here, once, not at every document. A temporary file is listed as soon as
   * it exists (an interrupt removes it); a FIFO waits for its reader (openThrough).
   */
  static async open(target: OutputTarget): Promise<AtomicStream> {
    if (target.kind === 'through') return new AtomicStream(target, await openThrough(target.path), null);
    await ensureDir(dirname(target.path));
    const temp = tempPathFor(target.path);
    const fd = openSync(temp, 'w');
    openTemps.add(temp);
    return new AtomicStream(target, fd, temp);
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (e: Error) => { this.stream.off('drain', onDrain); reject(e); };
        const onDrain = () => { this.stream.off('error', onError); resolve(); };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.stream.end((e?: Error | null) => (e ? reject(e) : resolve()));
    });
    try {
      if (this.temp) await rename(this.temp, this.target.path);
    } finally {
      await this.discard();
    }
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    if (!this.temp) return;
    await rm(this.temp, { force: true });
    openTemps.delete(this.temp);
  }
}

/** Remove every temporary file not yet renamed (called on SIGINT, synchronously). */
export function removeTempFilesSync(): void {
  for (const temp of openTemps) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done on the way out; the name is dot-hidden.
    }
  }
  openTemps.clear();
}

export async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** Same file on disk (hard links, symlinks and `./a` vs `a` included). */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

export type OutputDecision = { write: true } | { write: false; reason: 'is-input' | 'up-to-date' };

/**
 * The replacement rule: never write over an input; write when the output is
 * missing, older than its newest input, or --force is given.
 */
export function decideOutput(output: Stats | null, inputs: readonly Stats[], allInputs: readonly Stats[], force: boolean): OutputDecision {
  if (!output) return { write: true };
  if (allInputs.some((s) => sameFile(s, output))) return { write: false, reason: 'is-input' };
  if (force) return { write: true };
  const newest = Math.max(...inputs.map((s) => s.mtimeMs));
  // Standard input has no time: its output is always rewritten.
  if (inputs.length === 0 || output.mtimeMs < newest) return { write: true };
  return { write: false, reason: 'up-to-date' };
}
