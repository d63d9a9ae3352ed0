// Writes schemas/plan.schema.json from the zod schema (the single source).
// `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { planJsonSchemaText } from '../dist/index.js';

const path = new URL('../schemas/plan.schema.json', import.meta.url);
const text = planJsonSchemaText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('schemas/plan.schema.json is stale: run npm run schema');
    process.exit(1);
  }
} else {
  const tmp = new URL('../schemas/.plan.schema.json.tmp', import.meta.url);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
