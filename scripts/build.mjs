// Build: esbuild bundles the CLI and the library (ESM, code-split so remark
// and the worker load only when used); tsc writes the type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

// dist is not wiped first: parallel runs (tests, workers) may be reading it.
// `--clean` (npm pack, via prepack) wipes it so no stale chunk is shipped.
if (process.argv.includes('--clean')) rmSync('dist', { recursive: true, force: true });
// CommonJS dependencies (commander) call require(); give the ESM bundle one.
const banner = { js: "import { createRequire as __planparseRequire } from 'node:module'; const require = __planparseRequire(import.meta.url);" };
await build({
  // worker: the batch worker thread entry, loaded by path (dist/worker.js).
  // plain: `planparse FILE` without commander (see bin/planparse.js).
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', worker: 'src/cli/worker.ts', plain: 'src/cli/plain.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner,
  chunkNames: 'chunks/[name]-[hash]',
  // Less source for V8 to parse at every start (about 5% of a one-file run);
  // identifiers are kept, so stack traces still name our functions.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
