// One large plan parsed in a fresh process through the library, as the CLI
// does (read, decode, parse, validate, serialise, write), printing the time
// of that work alone, without Node's and the modules' start-up.
//   node bench/parse-one.mjs IN.txt OUT.json   → {"ms": …} on stdout
import { writeFileSync } from 'node:fs';
import { parsePlanFile, toJson } from '../dist/index.js';

const [input, output] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const plan = await parsePlanFile(input);
writeFileSync(output, toJson(plan, false) + '\n');
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms, sections: plan.sections.length, items: plan.sections.reduce((n, s) => n + s.items.length, plan.items.length) }) + '\n');
