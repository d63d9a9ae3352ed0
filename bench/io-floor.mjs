// The I/O floor of a batch: a plain Node script that does only what any
// converter must, read each input and write one small JSON per input
// (holding the input's length), one file after another. planparse's batch
// throughput is compared with this.
//   node bench/io-floor.mjs IN_DIR OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) throw new Error('usage: io-floor.mjs IN_DIR OUT_DIR');
const made = new Set();
for (const entry of readdirSync(inDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.txt')) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const out = join(outDir, relative(inDir, path)).replace(/\.txt$/, '.json');
  const dir = dirname(out);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(out, JSON.stringify({ length: readFileSync(path).length }) + '\n');
}
