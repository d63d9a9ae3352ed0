// The package.json that goes into the tarball (npm pack / npm publish) has
// no `prepare` script: a clone and a git-URL install need it (it builds
// dist/), but the tarball ships dist/ already built, and npm 11 warns about
// every install script of a package it installs ("install scripts not yet
// covered by allowScripts"). prepack runs `strip`, postpack `restore`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const kept = new URL('../.package.json.unpacked', import.meta.url);
const action = process.argv[2];

if (action === 'strip') {
  // A pack that failed half-way left the stripped file: start from the kept one.
  if (existsSync(kept)) renameSync(kept, manifest);
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(kept, text);
  writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
} else if (action === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
