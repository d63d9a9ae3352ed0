// Writing outputs so that nothing is ever half-written: data goes to a hidden
// temporary file in the destination directory, then a rename (atomic on the
// same file system) puts it in place. Temporary files still open are tracked
// so an interrupt can remove them.
import { closeSync, createWriteStream, openSync, renameSync, rmSync, writeFileSync, writeSync, type Stats, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SLICE_CHARS, textSlices } from './io.js';

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

/** A large text written slice by slice (one slice encoded at a time, not the whole). */
function writeSlicesSync(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of textSlices(text)) {
      const bytes = Buffer.from(piece, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    }
  } finally {
    closeSync(fd);
  }
}

export async function writeFileAtomic(path: string, data: string): Promise<void> {
  await ensureDir(dirname(path));
  const temp = tempPathFor(path);
  openTemps.add(temp);
  try {
    // Synchronous on purpose: a signal is handled between tasks, so the
    // interrupt never runs while the thread pool is still creating this file
    // (it used to remove the temporary file, exit, and the pool then made it).
    if (data.length <= SLICE_CHARS) writeFileSync(temp, data);
    else writeSlicesSync(temp, data);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  } finally {
    openTemps.delete(temp);
  }
}

/** A file written piece by piece (--jsonl -o) that appears only when committed. */
export class AtomicStream {
  private readonly temp: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(private readonly path: string) {
    this.temp = tempPathFor(path);
    openTemps.add(this.temp);
    this.stream = createWriteStream(this.temp);
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }

  static async open(path: string): Promise<AtomicStream> {
    await ensureDir(dirname(path));
    return new AtomicStream(path);
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
      await rename(this.temp, this.path);
    } finally {
      await this.discard();
    }
  }

  async discard(): Promise<void> {
    this.stream.destroy();
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
