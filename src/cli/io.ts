// Standard streams for a batch: stdin read whole (once), stdout written with
// back-pressure.
import { once } from 'node:events';
import { fstatSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, tooLarge } from '../limits.js';

let stdinBytes: Promise<Uint8Array> | null = null;

function fstatOrNull(fd: number): Stats | null {
  try {
    return fstatSync(fd);
  } catch {
    return null;
  }
}

/**
 * Standard input, read whole, once; refused past `maxBytes` (an endless
 * stream, `< /dev/zero`, would otherwise grow without bound).
 */
export function readStdin(maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  stdinBytes ??= (async () => {
    // Someone typing: say what we are waiting for instead of seeming to hang.
    if (process.stdin.isTTY) process.stderr.write('planparse: reading a plan from standard input (end with Ctrl-D)\n');
    // `planparse - < folder`: Node reads a folder on fd 0 as an empty stream.
    if (fstatOrNull(0)?.isDirectory()) throw new InputError('unreadable', 'cannot read standard input: is a directory');
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of process.stdin) {
        const piece = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        total += piece.length;
        if (total > maxBytes) {
          process.stdin.destroy();
          throw tooLarge(maxBytes);
        }
        chunks.push(piece);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      // `planparse - < folder`: the reason, not a stack trace.
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError('unreadable', `cannot read standard input: ${code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  })();
  return stdinBytes;
}

/**
 * What a failed write to standard output says: a reader that went away
 * (EPIPE, `| head`) is silent; anything else (a full disk) is named.
 */
export function stdoutFailure(e: NodeJS.ErrnoException): string | null {
  if (e.code === 'EPIPE') return null;
  const why = e.code === 'ENOSPC' ? 'no space left on device' : e.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `planparse: standard output: cannot write: ${why}`;
}

/** The handler every entry installs: name the failure (if any) and exit 1. */
export function onStdoutError(e: NodeJS.ErrnoException): void {
  const line = stdoutFailure(e);
  if (line) process.stderr.write(line + '\n');
  process.exit(1);
}

/** Characters per slice when a large text is written (see textSlices). */
export const SLICE_CHARS = 1 << 20;

/**
 * A large text in slices that never split a surrogate pair. Writing a whole
 * 20 MB plan's JSON at once held a second full copy of it, as UTF-8, beside
 * the string; slice by slice, only one slice is encoded at a time.
 */
export function* textSlices(text: string, size = SLICE_CHARS): Generator<string> {
  for (let from = 0; from < text.length; ) {
    let end = Math.min(from + size, text.length);
    const last = text.charCodeAt(end - 1);
    // A high surrogate last: end before it, or after its pair if it is all there is.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end = end - 1 > from ? end - 1 : end + 1;
    yield text.slice(from, end);
    from = end;
  }
}

export async function writeStdout(text: string): Promise<void> {
  // `once` also rejects if the stream errors while we wait.
  for (const piece of text.length <= SLICE_CHARS ? [text] : textSlices(text)) {
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
}

/** Pieces of text one after the other, read once. */
export function* concatPieces(...parts: Iterable<string>[]): Generator<string> {
  for (const part of parts) yield* part;
}

/**
 * Where `existing` stops matching `pieces` read from `from`: the offset after
 * the last piece when every piece matches, -1 at the first one that does not
 * (--check compares an output with what is on disk without making it whole).
 */
export function matchedUpTo(existing: string, from: number, pieces: Iterable<string>): number {
  let at = from;
  for (const piece of pieces) {
    if (!existing.startsWith(piece, at)) return -1;
    at += piece.length;
  }
  return at;
}
