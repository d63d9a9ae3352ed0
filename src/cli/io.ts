// Standard streams for a batch: stdin read whole (once), stdout written with
// back-pressure.
import { once } from 'node:events';

let stdinBytes: Promise<Uint8Array> | null = null;

export function readStdin(): Promise<Uint8Array> {
  stdinBytes ??= (async () => {
    // Someone typing: say what we are waiting for instead of seeming to hang.
    if (process.stdin.isTTY) process.stderr.write('planparse: reading a plan from standard input (end with Ctrl-D)\n');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return new Uint8Array(Buffer.concat(chunks));
  })();
  return stdinBytes;
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
