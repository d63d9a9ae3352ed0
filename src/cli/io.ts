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

export async function writeStdout(text: string): Promise<void> {
  // `once` also rejects if the stream errors while we wait.
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}
