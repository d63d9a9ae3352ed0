// The plain path, `planparse FILE` with no option: the same conversion as
// the full command line (runConvert with commander's defaults), entered
// without loading commander, so converting one file by hand starts faster.
// bin/planparse.js sends here only a lone operand that is not an option and
// has a dot or a slash (so it cannot be a command name); anything else goes
// through dist/cli.js.
import { runConvert } from './convert.js';
import { onStdoutError } from './io.js';

const workerUrl = new URL('./worker.js', import.meta.url);

export async function convertPlain(operand: string): Promise<void> {
  // As in cli.ts: a reader that goes away ends the run with exit 1, no
  // trace; any other failure (a full disk) is named on one line.
  process.stdout.on('error', onStdoutError);
  try {
    process.exitCode = await runConvert([operand], { color: true, progress: true, stdinFormat: 'auto' }, { workerUrl });
  } catch (e) {
    process.stderr.write(`planparse: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
