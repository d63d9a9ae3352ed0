#!/usr/bin/env node
// Kept tiny: `--version` answers without loading the parser.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(version + '\n');
} else {
  const { main } = await import('../dist/cli.js');
  await main(process.argv, version);
}
