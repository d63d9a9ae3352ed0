#!/usr/bin/env node
// Kept tiny: `--version` answers without loading the parser.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(version + '\n');
} else if (args.length === 1 && !args[0].startsWith('-') && /[./\\]/.test(args[0])) {
  // `planparse plan.txt`, the command typed by hand most: the same conversion
  // without loading commander (dist/plain.js), for a faster start. Only an
  // operand with a dot or a slash comes here: no command name has one.
  let plain;
  try {
    plain = await import('../dist/plain.js');
  } catch (e) {
    process.stderr.write(`planparse: cannot load dist/plain.js (run npm run build): ${e instanceof Error ? e.message : e}\n`);
    process.exit(1);
  }
  await plain.convertPlain(args[0]);
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
