// Where a table of targets goes (`planparse targets`, and any command that
// writes rows for a spreadsheet): standard output, or `-o FILE` written to a
// temporary file and renamed into place, never over an input. A CSV written
// to a .csv file starts with a UTF-8 byte order mark unless --no-bom: Excel
// reads a CSV without one in the machine's legacy code page, and the Chinese
// text turns to mojibake. On standard output the BOM is only written on
// request (--bom), since a program reading the pipe does not expect one.
import type { Stats } from 'node:fs';
import { AtomicStream, sameFile, statOrNull, resolveOutput } from './write.js';
import { writeStdout } from './io.js';
import { UsageError } from './messages.js';

export interface TableOutputOptions {
  format: string;
  /** -o FILE; standard output when absent. */
  output?: string;
  /** --bom (true), --no-bom (false), or neither (undefined: the default above). */
  bom?: boolean;
}

export const BOM = '\ufeff';

/** Whether the output starts with a byte order mark. */
export function wantsBom(o: TableOutputOptions): boolean {
  if (o.format !== 'csv') return false;
  if (o.bom !== undefined) return o.bom;
  return o.output !== undefined && /\.csv$/i.test(o.output);
}

export interface TableOutput {
  write(text: string): Promise<void>;
  /** Puts -o FILE in place (nothing to do for standard output). */
  commit(): Promise<void>;
  /** Drops an unfinished -o FILE, leaving whatever was there before. */
  discard(): Promise<void>;
}

/**
 * Open the output. `inputs` are the stats of the input files: `-o` naming one
 * of them (a link to it included) is a usage error, since an input is never
 * overwritten.
 */
export async function openTableOutput(o: TableOutputOptions, inputs: readonly Stats[]): Promise<TableOutput> {
  const start = wantsBom(o) ? BOM : '';
  if (o.output === undefined) {
    if (start) await writeStdout(start);
    return { write: writeStdout, commit: async () => {}, discard: async () => {} };
  }
  const existing = await statOrNull(o.output);
  if (existing && inputs.some((s) => sameFile(s, existing))) throw new UsageError(`${o.output}: refusing to overwrite an input file`);
  // A link is written through to its target, a device or FIFO directly (write.ts).
  const stream = await AtomicStream.open(await resolveOutput(o.output, false));
  if (start) await stream.write(start);
  return {
    write: (text) => stream.write(text),
    commit: () => stream.commit(),
    discard: () => stream.discard(),
  };
}
