// What a batch takes as input, on the built binary in a temporary folder:
// each real file once (links, loops), named files always, files found under
// --out-dir never; node_modules, dot-folders, .gitignore, --ignore and
// !PATTERN; paths that cannot be read named with their reason; --max-size and
// regular files only; --jobs capped at the cores; a signal during a one-file
// parse to standard output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, ensureBuilt, listFixtures, runCli, type CliRun } from './helpers.js';

const BIN = join(ROOT, 'bin/planparse.js');
const SEEDS = listFixtures('seeds');
let work: string;

/** Source paths of a --jsonl run, in order. */
const sources = (r: CliRun): string[] =>
  r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).source.path as string);

/** Run with a deadline: a hang is killed and shows as signal SIGKILL instead of a stuck suite. */
function runWithin(args: string[], ms: number, stdin: 'ignore' | number = 'ignore'): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, NO_COLOR: '1' }, stdio: [stdin, 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function seedTo(rel: string, seed = SEEDS[0]!): void {
  mkdirSync(join(work, rel, '..'), { recursive: true });
  cpSync(join(FIXTURES, 'seeds', seed), join(work, rel));
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-inputs-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('each real file once', () => {
  it('two links to the folder itself: the walk ends, each file once, the loop noted', async () => {
    seedTo('loop/a.txt', SEEDS[0]);
    seedTo('loop/sub/b.txt', SEEDS[1]);
    symlinkSync('.', join(work, 'loop', 'self1'));
    symlinkSync('.', join(work, 'loop', 'self2'));
    const r = await runWithin(['loop', '--jsonl'], 60_000);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(sources(r)).toEqual(['loop/a.txt', 'loop/sub/b.txt']);
    expect(r.stderr).toContain('symbolic link loop');
  }, 90_000);

  it('a link to a parent folder and a hard link: every real file converted once', async () => {
    seedTo('up/x/a.txt', SEEDS[0]);
    seedTo('up/x/deep/b.txt', SEEDS[1]);
    symlinkSync('../..', join(work, 'up', 'x', 'deep', 'back'));
    linkSync(join(work, 'up/x/a.txt'), join(work, 'up/x/a-again.txt'));
    const r = await runWithin(['up/x', '--jsonl'], 60_000);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(sources(r)).toEqual(['up/x/a-again.txt', 'up/x/deep/b.txt']);
  }, 90_000);
});

describe('inputs and --out-dir', () => {
  it('a file named on the command line is converted even under the out-dir; files found there by a walk are skipped with a note', async () => {
    seedTo('tree/a.txt', SEEDS[0]);
    seedTo('tree/out/old.txt', SEEDS[1]);
    const named = await runCli(['tree/out/old.txt', 'tree/a.txt', '--out-dir', 'tree/out'], { cwd: work });
    expect(named.stderr).toMatch(/2 files: 2 converted/);
    expect(named.status).toBe(0);
    expect(existsSync(join(work, 'tree/out/old.json'))).toBe(true);

    const walked = await runCli(['tree', '--out-dir', 'tree/out'], { cwd: work });
    expect(walked.status).toBe(0);
    expect(walked.stderr).toContain('planparse: 1 file found under the output folder tree/out not taken as input\n');
    expect(walked.stderr).toMatch(/1 file: /);
  });

  it('an out-dir reached through a symbolic link is still recognised', async () => {
    seedTo('tree2/a.txt', SEEDS[0]);
    seedTo('tree2/real-out/old.txt', SEEDS[1]);
    symlinkSync(join(work, 'tree2/real-out'), join(work, 'out-link'));
    const r = await runCli(['tree2', '--out-dir', 'out-link'], { cwd: work });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 file found under the output folder out-link not taken as input');
    expect(r.stderr).toMatch(/1 file: 1 converted/);
  });
});

describe('what expansion passes over', () => {
  it('node_modules and dot-folders are skipped; .gitignore is honoured in a git work tree; --ignore and !PATTERN drop inputs', async () => {
    const repo = join(work, 'repo');
    seedTo('repo/plans/a.txt', SEEDS[0]);
    seedTo('repo/plans/draft-b.txt', SEEDS[1]);
    seedTo('repo/plans/c.txt', SEEDS[2]);
    seedTo('repo/plans/node_modules/pkg/readme.md', SEEDS[3]);
    seedTo('repo/plans/.cache/x.txt', SEEDS[3]);
    seedTo('repo/plans/build/gen.txt', SEEDS[4]);
    writeFileSync(join(repo, '.gitignore'), 'build/\n');
    // Outside a work tree, .gitignore is just a file: build/ is walked.
    const outside = await runCli(['plans', '--jsonl'], { cwd: repo });
    expect(sources(outside)).toEqual(['plans/a.txt', 'plans/build/gen.txt', 'plans/c.txt', 'plans/draft-b.txt']);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const inside = await runCli(['plans', '--jsonl'], { cwd: repo });
    expect(sources(inside)).toEqual(['plans/a.txt', 'plans/c.txt', 'plans/draft-b.txt']);
    const ignored = await runCli(['plans', '--jsonl', '--ignore', 'draft-*'], { cwd: repo });
    expect(sources(ignored)).toEqual(['plans/a.txt', 'plans/c.txt']);
    const bang = await runCli(['plans', '!plans/c.txt', '--jsonl'], { cwd: repo });
    expect(sources(bang)).toEqual(['plans/a.txt', 'plans/draft-b.txt']);
  });
});

describe('paths that cannot be read', () => {
  it('a name too long, a name that is not UTF-8: named with the reason, the rest of the batch goes on', async () => {
    seedTo('names/good.txt', SEEDS[0]);
    const bad = Buffer.concat([Buffer.from(join(work, 'names') + '/'), Buffer.from([0x66, 0xff, 0xfe]), Buffer.from('.txt')]);
    writeFileSync(bad, readFileSync(join(FIXTURES, 'seeds', SEEDS[1]!)));
    const long = `${'x'.repeat(300)}.txt`;
    const r = await runCli(['names', long, '--jsonl'], { cwd: work });
    expect(r.status).toBe(1);
    expect(sources(r)).toEqual(['names/good.txt']);
    expect(r.stderr).toContain('planparse: names/f\\xFF\\xFE.txt: cannot read file: its name is not valid UTF-8\n');
    expect(r.stderr).toContain(`planparse: ${long}: cannot read file: the name is too long\n`);
  });

  it('a directory on standard input: named, exit 1', async () => {
    mkdirSync(join(work, 'a-folder'));
    const fd = openSync(join(work, 'a-folder'), 'r');
    const r = await runWithin(['-'], 60_000, fd);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('planparse: <stdin>: cannot read standard input: is a directory\n');
  });

  it('a file over --max-size, a link to /dev/zero, an endless standard input: refused on one line, nothing grows', async () => {
    seedTo('sizes/plan.txt', SEEDS[0]);
    const size = readFileSync(join(work, 'sizes/plan.txt')).length;
    const small = await runCli(['sizes/plan.txt', '--max-size', String(size - 1)], { cwd: work });
    expect(small.status).toBe(1);
    expect(small.stderr).toMatch(/^planparse: sizes\/plan\.txt: too large: more than [\d.]+ KiB \(--max-size raises the limit\)\n$/);
    expect((await runCli(['sizes/plan.txt', '--max-size', String(size)], { cwd: work })).status).toBe(0);

    symlinkSync('/dev/zero', join(work, 'sizes/zero.txt'));
    const zero = await runWithin(['sizes/zero.txt'], 60_000);
    expect(zero.status).toBe(1);
    expect(zero.stderr).toBe('planparse: sizes/zero.txt: cannot read file: not a regular file (a character device)\n');

    const endless = openSync('/dev/zero', 'r');
    const stdin = await runWithin(['-', '--max-size', '1M'], 60_000, endless);
    expect(stdin.status).toBe(1);
    expect(stdin.stderr).toBe('planparse: <stdin>: too large: more than 1 MiB (--max-size raises the limit)\n');
  }, 120_000);
});

describe('--jobs', () => {
  it('above the number of cores: a note, and the batch runs on as many threads as there are cores', async () => {
    mkdirSync(join(work, 'many'));
    for (let i = 0; i < 6; i++) seedTo(`many/${i}.txt`, SEEDS[i % SEEDS.length]);
    const r = await runCli(['many', '--jsonl', '--jobs', '1000'], { cwd: work });
    expect(r.status).toBe(0);
    const cores = availableParallelism();
    expect(r.stderr).toContain(`planparse: --jobs 1000: this machine has ${cores} cores, using ${cores}\n`);
    expect(sources(r)).toHaveLength(6);
  });
});

/** CPU seconds a process has used so far (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

describe('signals', () => {
  // A signal must land while the plan is parsed in the main thread: the
  // process is watched until it has spent a second of CPU time on a plan
  // that takes several (progress, not a clock, so a loaded machine only
  // makes it slower).
  it.skipIf(!existsSync('/proc/self/stat'))('SIGINT and SIGTERM while one plan is parsed for standard output: exit 130 / 143, no document', async () => {
    const one = Buffer.concat(SEEDS.map((s) => readFileSync(join(FIXTURES, 'seeds', s))));
    writeFileSync(join(work, 'big.txt'), Buffer.concat(Array.from({ length: Math.ceil((24 << 20) / one.length) }, () => one)));
    for (const [signal, expected] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const child = spawn(process.execPath, [BIN, 'big.txt'], { cwd: work, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
      let exited = false;
      void closed.then(() => (exited = true));
      while (!exited && cpuSeconds(child.pid!) < 1) await new Promise((r) => setTimeout(r, 10));
      child.kill(signal);
      expect(await closed).toEqual({ code: expected, signal: null });
      expect(stdout.length, 'no document on stdout').toBe(0);
    }
  }, 180_000);

  it('SIGINT while one plan from standard input is read: exit 130, no document', async () => {    // A plan big enough to take a while to parse: the seeds end to end.
    const one = Buffer.concat(SEEDS.map((s) => readFileSync(join(FIXTURES, 'seeds', s))));
    const big = Buffer.concat(Array.from({ length: Math.ceil((12 << 20) / one.length) }, () => one));
    const child = spawn(process.execPath, [BIN, '-'], { cwd: work, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // The last bytes are accepted only once planparse has read (nearly) all
    // of them: from then on it is parsing.
    await new Promise<void>((resolve) => child.stdin.end(big, () => resolve()));
    child.kill('SIGINT');
    const { code, signal } = await closed;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stdout.length, 'no document on stdout').toBe(0);
  }, 120_000);
});
