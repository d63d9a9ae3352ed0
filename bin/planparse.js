#!/usr/bin/env node
// Kept tiny: `--version` answers without loading the parser.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(version + '\n');
} else {
  let cli;
  try {
    cli = await import('../dist/cli.js');
  } catch (e) {
    // A clone that was never built: say so in one line.
    process.stderr.write(`planparse: cannot load dist/cli.js (run npm run build): ${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  }
  await cli.main(process.argv, version);
}
