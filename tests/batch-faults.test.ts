// Faults a batch can meet, on the built binary in real temporary folders:
// inputs deleted or made unreadable mid-batch, an output directory that cannot
// be written, a full disk, SIGINT/SIGTERM. After each: no partial JSON and no
// temporary file is left, the summary says what was done, the exit code is
// non-zero.
//
// As root (CI and these machines), chmod does not stop reads or writes, so
// "unreadable" is simulated by replacing the input with a directory, and "out-dir
// not writable" by an out-dir whose parent is a regular file; the chmod forms
// run only as another user. A full disk is /dev/full as standard output: the CLI
// has no hook to fail writes into --out-dir, so that form is not tested here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plan } from '../src/schema.js';
import { FIXTURES, ROOT, ensureBuilt, listFixtures, runCli } from './helpers.js';

const BIN = join(ROOT, 'bin/planparse.js');
const SEEDS = listFixtures('seeds');
const isRoot = process.getuid?.() === 0;
const BIG = 300;

let work: string;

/** Every file under dir, relative, sorted; dot files included so leftovers show. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    // The freshness record of the out-dir is not an output.
    .filter((f) => f !== '.planparse-cache.json')
    .sort();
}

/** A folder of n plans named 0000.txt…, cycling through the seeds. */
function corpus(name: string, n: number): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) cpSync(join(FIXTURES, 'seeds', SEEDS[i % SEEDS.length]!), join(dir, `${String(i).padStart(4, '0')}.txt`));
  return dir;
}

/** Every output is a whole, schema-valid document of the input it is named after. */
function expectCompleteOutputs(outDir: string, inputDir: string): string[] {
  const files = tree(outDir);
  for (const f of files) {
    expect(f, 'only finished outputs, no temporary file').toMatch(/^\d{4}\.json$/);
    const doc = JSON.parse(readFileSync(join(outDir, f), 'utf8'));
    expect(Plan.safeParse(doc).success, f).toBe(true);
    expect(doc.source.path).toBe(`${inputDir}/${f.replace(/\.json$/, '.txt')}`);
  }
  return files;
}

interface Started {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
  pid: number;
}

function start(args: string[], stdout: 'ignore' | number = 'ignore'): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { exited, stderr: () => stderr, kill: (s) => child.kill(s), pid: child.pid! };
}

/** Wait until `ready()` holds (polling), or fail after a generous time. */
async function until(ready: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const finished = (dir: string) => () => tree(dir).some((f) => f.endsWith('.json') && !f.startsWith('.'));

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-faults-'));
  corpus('small', SEEDS.length);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('inputs that go away mid-batch', () => {
  it('a file deleted and a file made unreadable while the batch runs: both named, the rest converted, exit 1', async () => {
    corpus('vanish', BIG);
    const gone = 'vanish/0290.txt';
    const locked = 'vanish/0295.txt';
    const run = start(['vanish', '--out-dir', 'vanish-out', '--jobs', '2']);
    // The batch reads a few files ahead of what it has written: once the first
    // output exists, the last files have not been opened yet.
    await until(finished(join(work, 'vanish-out')), 'the first output');
    rmSync(join(work, gone));
    if (isRoot) {
      // chmod 000 does not stop root: the path becomes a directory instead.
      rmSync(join(work, locked));
      mkdirSync(join(work, locked));
    } else {
      chmodSync(join(work, locked), 0o000);
    }
    const { code } = await run.exited;
    const stderr = run.stderr();
    expect(code).toBe(1);
    expect(stderr).toContain(`planparse: ${gone}: cannot read file: no such file\n`);
    expect(stderr).toContain(`planparse: ${locked}: cannot read file: ${isRoot ? 'is a directory' : 'permission denied'}\n`);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).toMatch(new RegExp(`planparse: ${BIG} files: ${BIG - 2} converted, 2 failed; `));
    const outputs = expectCompleteOutputs(join(work, 'vanish-out'), 'vanish');
    expect(outputs).toHaveLength(BIG - 2);
    expect(outputs).not.toContain('0290.json');
    expect(outputs).not.toContain('0295.json');
  }, 120_000);
});

describe('outputs that cannot be written', () => {
  it('--out-dir under a regular file: a usage error before any parsing, nothing written, exit 2', async () => {
    writeFileSync(join(work, 'a-file'), 'not a directory\n');
    const r = await runCli(['small', '--out-dir', 'a-file/out'], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('planparse: --out-dir a-file/out: cannot create it: a parent is not a directory\n(planparse --help shows the usage)\n');
    expect(readFileSync(join(work, 'a-file'), 'utf8')).toBe('not a directory\n');
    expect(tree(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--out-dir that is itself a regular file: the same, nothing overwritten', async () => {
    const r = await runCli(['small', '--out-dir', 'a-file'], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('planparse: --out-dir a-file: not a directory');
    expect(readFileSync(join(work, 'a-file'), 'utf8')).toBe('not a directory\n');
  });

  it('--jsonl -o under a regular file: one line naming the output, no document, exit 1', async () => {
    const r = await runCli(['small', '--jsonl', '-o', 'a-file/all.jsonl'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('planparse: a-file/all.jsonl: cannot write: a parent is not a directory\n');
  });

  it.skipIf(isRoot)('a read-only --out-dir (chmod 555): a usage error before any parsing, exit 2', async () => {
    mkdirSync(join(work, 'ro-out'));
    chmodSync(join(work, 'ro-out'), 0o555);
    const r = await runCli(['small', '--out-dir', 'ro-out'], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('planparse: --out-dir ro-out: cannot write there: permission denied');
    expect(tree(join(work, 'ro-out'))).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk (standard output on /dev/full, ENOSPC): named on one line, exit 1', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = start(['small', '--jsonl'], full);
      const { code } = await run.exited;
      expect(code).toBe(1);
      expect(run.stderr()).toContain('planparse: standard output: cannot write: no space left on device\n');
      expect(run.stderr()).not.toMatch(/^\s+at /m);
    } finally {
      closeSync(full);
    }
  });
});

describe('interrupted batches', () => {
  it('SIGINT while --jsonl -o FILE is being written: no FILE, no temporary file, a summary, exit 130', async () => {
    corpus('stream', BIG);
    const run = start(['stream', '--jsonl', '-o', 'stream.jsonl', '--jobs', '2']);
    // The stream is a hidden temporary file until the batch ends: wait until it holds documents.
    const temp = () => readdirSync(work).find((f) => f.startsWith('.stream.jsonl.') && f.endsWith('.tmp'));
    await until(() => {
      const t = temp();
      return t !== undefined && readFileSync(join(work, t)).length > 0;
    }, 'the stream to hold a document');
    run.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(existsSync(join(work, 'stream.jsonl'))).toBe(false);
    expect(temp()).toBeUndefined();
    expect(run.stderr()).toMatch(new RegExp(`interrupted after \\d+ of ${BIG} files: \\d+ converted`));
  }, 120_000);

  it('SIGTERM mid --out-dir batch (one job, parsed in the main thread): only whole outputs, the summary counts them, exit 143', async () => {
    corpus('term', BIG);
    const run = start(['term', '--out-dir', 'term-out', '--jobs', '1']);
    await until(finished(join(work, 'term-out')), 'the first output');
    run.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(143);
    const outputs = expectCompleteOutputs(join(work, 'term-out'), 'term');
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.length).toBeLessThan(BIG);
    expect(run.stderr()).toMatch(new RegExp(`interrupted after \\d+ of ${BIG} files: ${outputs.length} converted`));
  }, 120_000);

  it('SIGINT at several moments of a batch: never a partial or temporary file', async () => {
    const dir = corpus('again', 120);
    for (const delay of [0, 20, 40, 80, 150, 300]) {
      const outDir = join(work, `again-out-${delay}`);
      const run = start(['again', '--out-dir', outDir, '--jobs', '2']);
      await until(finished(outDir), 'the first output');
      await new Promise((r) => setTimeout(r, delay));
      run.kill('SIGINT');
      const { code, signal } = await run.exited;
      const outputs = expectCompleteOutputs(outDir, 'again');
      // A run may finish before the signal lands: then it has converted everything.
      if (code === 0) expect(outputs).toHaveLength(120);
      else {
        expect({ code, signal }).toEqual({ code: 130, signal: null });
        expect(run.stderr()).toMatch(new RegExp(`interrupted after \\d+ of 120 files: ${outputs.length} converted`));
      }
      expect(run.stderr()).not.toMatch(/^\s+at /m);
    }
    expect(tree(dir).every((f) => f.endsWith('.txt'))).toBe(true);
  }, 120_000);
});
