// Standard streams for a batch: stdin read whole (once), stdout written with
// back-pressure, and a reader closing the pipe early (`| head`) ends the run
// instead of throwing.
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

export async function writeStdout(text: string): Promise<void> {
  // `once` also rejects if the stream errors while we wait.
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Call `onClosed` when stdout fails (usually EPIPE: the reader went away). */
export function onStdoutError(onClosed: (e: NodeJS.ErrnoException) => void): () => void {
  process.stdout.on('error', onClosed);
  return () => process.stdout.off('error', onClosed);
}
