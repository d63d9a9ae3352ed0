// Where outputs go, on the built binary in a temporary folder: a device, a
// FIFO or a symbolic link at the output path is written through (never
// replaced by a regular file), a directory there is an error, a missing
// folder for -o is named, a bad --out-dir is a usage error before anything is
// parsed; "up to date" depends on planparse's version and the options that
// shape the output; --check compares without writing; a failing standard
// output is named on the one-file path too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Plan } from '../src/schema.js';
import { FIXTURES, ROOT, ensureBuilt, listFixtures, runCli } from './helpers.js';

const SEEDS = listFixtures('seeds');
const SEED = SEEDS[0]!;
let work: string;

/** The one-line JSON document planparse writes for the seed, from a path relative to `work`. */
async function expectedJson(rel: string): Promise<string> {
  const r = await runCli([rel], { cwd: work });
  expect(r.status).toBe(0);
  return r.stdout;
}

function mknodOk(path: string): boolean {
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the process waits (for the FIFO's reader): asleep, its CPU time
 * unchanged, over ten looks 30 ms apart. Start-up and the parse keep it
 * running or runnable, never asleep that long. Without /proc: a generous wait.
 */
async function fifoWaited(pid: number): Promise<boolean> {
  if (!existsSync(`/proc/${pid}/stat`)) {
    await new Promise((r) => setTimeout(r, 5000));
    return true;
  }
  const look = () => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { state: fields[0], cpu: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return { state: 'gone', cpu: -1 };
    }
  };
  const first = look();
  for (let i = 0; i < 10; i++) {
    const now = look();
    if (now.state !== 'S' || now.cpu !== first.cpu) return false;
    await new Promise((r) => setTimeout(r, 30));
  }
  return true;
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-outputs-'));
  mkdirSync(join(work, 'in'));
  for (const s of SEEDS) cpSync(join(FIXTURES, 'seeds', s), join(work, 'in', s));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('-o at a node that is not a regular file', () => {
  it('a symbolic link: its target gets the document, the link stays a link', async () => {
    writeFileSync(join(work, 'real.json'), 'old\n');
    symlinkSync('real.json', join(work, 'link.json'));
    const r = await runCli([`in/${SEED}`, '-o', 'link.json'], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lstatSync(join(work, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(work, 'link.json'))).toBe('real.json');
    expect(readFileSync(join(work, 'real.json'), 'utf8')).toBe(await expectedJson(`in/${SEED}`));
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a FIFO: written through to its reader, still a FIFO afterwards', async () => {
    const fifo = join(work, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (d: Buffer) => chunks.push(d));
    const read = new Promise<string>((resolve) => reader.on('close', () => resolve(Buffer.concat(chunks).toString('utf8'))));
    try {
      const r = await runCli([`in/${SEED}`, '-o', 'pipe.json'], { cwd: work });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(await read).toBe(await expectedJson(`in/${SEED}`));
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    } finally {
      // A FIFO replaced by a file would leave the reader waiting for ever.
      reader.kill();
    }
  }, 60_000);

  it('a FIFO nobody reads yet: SIGINT while waiting for a reader ends the run, exit 130', async () => {
    const fifo = join(work, 'lonely.json');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [join(ROOT, 'bin/planparse.js'), `in/${SEED}`, '-o', 'lonely.json'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Waiting on the FIFO: the process is alive and has written nothing.
    let exited = false;
    void closed.then(() => (exited = true));
    const deadline = Date.now() + 30_000;
    // Parsing one seed takes well under a second of CPU; give it time to reach the open.
    while (!exited && Date.now() < deadline && !(await fifoWaited(child.pid!))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await closed;
    clearTimeout(killer);
    expect(code).toBe(130);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 90_000);

  it('a character device (a null device made with mknod): written through, not replaced', async (ctx) => {
    const dev = join(work, 'null-device');
    if (!mknodOk(dev)) ctx.skip(); // mknod needs CAP_MKNOD; without it there is no device to test on
    const r = await runCli([`in/${SEED}`, '-o', 'null-device'], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it('--jsonl -o a full device (mknod c 1 7): the output named once, every input counted as failed, the device kept', async (ctx) => {
    const full = join(work, 'full-device');
    try {
      execFileSync('mknod', [full, 'c', '1', '7'], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // mknod needs CAP_MKNOD
    }
    const r = await runCli(['in', '--jsonl', '-o', 'full-device'], { cwd: work });
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('planparse: full-device: cannot write: no space left on device');
    expect(lines[1]).toMatch(new RegExp(`^planparse: ${SEEDS.length} files: 0 converted, ${SEEDS.length} failed; `));
    expect(lines).toHaveLength(2);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
  });

  it('a directory: an error naming it, exit 1, nothing written into it', async () => {
    mkdirSync(join(work, 'a-dir.json'));
    const r = await runCli([`in/${SEED}`, '-o', 'a-dir.json'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('planparse: a-dir.json: cannot write: is a directory\n');
    expect(readdirSync(join(work, 'a-dir.json'))).toEqual([]);
  });

  it('--out-dir where an output path is a directory: that file fails, the others are written', async () => {
    mkdirSync(join(work, 'dir-out', SEED.replace(/\.txt$/, '.json')), { recursive: true });
    const r = await runCli(['in', '--out-dir', 'dir-out'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`planparse: dir-out/${SEED.replace(/\.txt$/, '.json')}: cannot write: is a directory\n`);
    expect(r.stderr).toMatch(new RegExp(`${SEEDS.length} files: ${SEEDS.length - 1} converted, 1 failed`));
  });

  it('-o in a folder that does not exist: the folder is named, nothing is made', async () => {
    const r = await runCli([`in/${SEED}`, '-o', 'nodir/x.json'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('planparse: nodir/x.json: cannot write: the folder nodir does not exist\n');
    expect(existsSync(join(work, 'nodir'))).toBe(false);
  });

  it('--out-dir that is a regular file: a usage error before any parsing, the file untouched', async () => {
    writeFileSync(join(work, 'plain-file'), 'keep\n');
    const r = await runCli(['in', '--out-dir', 'plain-file'], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('planparse: --out-dir plain-file: not a directory');
    expect(readFileSync(join(work, 'plain-file'), 'utf8')).toBe('keep\n');
    const under = await runCli(['in', '--out-dir', 'plain-file/out'], { cwd: work });
    expect(under.status).toBe(2);
    expect(under.stderr.split('\n')[0]).toBe('planparse: --out-dir plain-file/out: cannot create it: a parent is not a directory');
  });
});

describe('freshness', () => {
  const out = (name: string) => join(work, 'fresh-out', name.replace(/\.txt$/, '.json'));

  it('an unchanged batch is up to date; --pretty, another version or a changed input rewrite', async () => {
    const first = await runCli(['in', '--out-dir', 'fresh-out'], { cwd: work });
    expect(first.status).toBe(0);
    const again = await runCli(['in', '--out-dir', 'fresh-out'], { cwd: work });
    expect(again.stderr).toMatch(new RegExp(`${SEEDS.length} files: ${SEEDS.length} up to date, 0 failed`));

    // Another option that changes the output: every file is written again.
    const pretty = await runCli(['in', '--out-dir', 'fresh-out', '--pretty'], { cwd: work });
    expect(pretty.stderr).toMatch(new RegExp(`${SEEDS.length} files: ${SEEDS.length} converted`));
    expect(readFileSync(out(SEED), 'utf8').startsWith('{\n  "schemaVersion"')).toBe(true);

    // Outputs newer than their inputs but written by another planparse version.
    const cache = join(work, 'fresh-out', '.planparse-cache.json');
    const record = JSON.parse(readFileSync(cache, 'utf8'));
    writeFileSync(cache, JSON.stringify({ ...record, version: '0.0.1' }));
    const upgraded = await runCli(['in', '--out-dir', 'fresh-out', '--pretty'], { cwd: work });
    expect(upgraded.stderr).toMatch(new RegExp(`${SEEDS.length} files: ${SEEDS.length} converted`));

    // An output edited by hand (newer than its input) is not taken as up to date either.
    writeFileSync(out(SEED), 'edited\n');
    const edited = await runCli(['in', '--out-dir', 'fresh-out', '--pretty'], { cwd: work });
    expect(edited.stderr).toMatch(new RegExp(`${SEEDS.length} files: 1 converted, ${SEEDS.length - 1} up to date`));
    expect(Plan.safeParse(JSON.parse(readFileSync(out(SEED), 'utf8'))).success).toBe(true);
  }, 60_000);

  it('--strict parses every input even when its output is up to date', async () => {
    mkdirSync(join(work, 'warn'));
    cpSync(join(FIXTURES, 'bad', 'numbering-1224.txt'), join(work, 'warn', 'n.txt'));
    expect((await runCli(['warn', '--out-dir', 'warn-out'], { cwd: work })).status).toBe(0);
    const strict = await runCli(['warn', '--out-dir', 'warn-out', '--strict'], { cwd: work });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('warn/n.txt:6: warning item-number-duplicate');
  });
});

describe('--check', () => {
  it('in step: exit 0 and nothing written; an input changed or an output missing: exit 1, listed, nothing written', async () => {
    mkdirSync(join(work, 'ck'));
    for (const s of SEEDS.slice(0, 3)) cpSync(join(FIXTURES, 'seeds', s), join(work, 'ck', s));
    expect((await runCli(['ck', '--out-dir', 'ck-out'], { cwd: work })).status).toBe(0);
    const outs = SEEDS.slice(0, 3).map((s) => join(work, 'ck-out', s.replace(/\.txt$/, '.json')));
    const old = new Date(Date.now() - 3600_000);
    for (const o of outs) utimesSync(o, old, old);

    const clean = await runCli(['ck', '--out-dir', 'ck-out', '--check'], { cwd: work });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('');

    writeFileSync(join(work, 'ck', SEEDS[1]!), readFileSync(join(work, 'ck', SEEDS[1]!), 'utf8') + '\n十、新增一节\n');
    rmSync(outs[2]!);
    const changed = await runCli(['ck', '--out-dir', 'ck-out', '--check'], { cwd: work });
    expect(changed.status).toBe(1);
    expect(changed.stdout).toBe(`ck-out/${SEEDS[1]!.replace(/\.txt$/, '.json')}\nck-out/${SEEDS[2]!.replace(/\.txt$/, '.json')}\n`);
    expect(changed.stderr).toMatch(/2 of 3 outputs would change/);
    // Nothing was written: the old times stand, the missing output is still missing.
    expect(statSync(outs[0]!).mtimeMs).toBeLessThan(Date.now() - 1800_000);
    expect(statSync(outs[1]!).mtimeMs).toBeLessThan(Date.now() - 1800_000);
    expect(existsSync(outs[2]!)).toBe(false);
  }, 60_000);

  it('with -o FILE, and a usage error without an output to compare with', async () => {
    expect((await runCli([`in/${SEED}`, '-o', 'one.json'], { cwd: work })).status).toBe(0);
    expect((await runCli([`in/${SEED}`, '-o', 'one.json', '--check'], { cwd: work })).status).toBe(0);
    const pretty = await runCli([`in/${SEED}`, '-o', 'one.json', '--check', '--pretty'], { cwd: work });
    expect(pretty.status).toBe(1);
    expect(pretty.stdout).toBe('one.json\n');
    const none = await runCli([`in/${SEED}`, '--check'], { cwd: work });
    expect(none.status).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('planparse: --check compares with existing outputs: give --out-dir DIR or -o FILE');
  });
});

describe('standard output that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('one file to a full disk (the plain path): named on one line, exit 1', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [join(ROOT, 'bin/planparse.js'), join(FIXTURES, 'seeds', SEED)], { stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(code).toBe(1);
      expect(stderr).toBe('planparse: standard output: cannot write: no space left on device\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('two inputs that differ only by extension', () => {
  it('are written side by side with their extensions kept (x.txt.json, x.html.json), with a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planparse-pair-'));
    try {
      mkdirSync(join(dir, 'in'));
      cpSync(join(FIXTURES, 'html', 'pingtan-83241.html'), join(dir, 'in', 'x.html'));
      cpSync(join(FIXTURES, 'seeds', '001_e8de70643affbbfa.txt'), join(dir, 'in', 'x.txt'));
      cpSync(join(FIXTURES, 'seeds', '002_5ee358fecd5407df.txt'), join(dir, 'in', 'y.txt'));
      const r = await runCli(['in', '--out-dir', 'out'], { cwd: dir });
      expect(r.status).toBe(0);
      expect(readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.')).sort()).toEqual(['x.html.json', 'x.txt.json', 'y.json']);
      expect(r.stderr).toContain('share a name: written as out/x.html.json and out/x.txt.json');
      expect(JSON.parse(readFileSync(join(dir, 'out', 'x.html.json'), 'utf8')).source.format).toBe('html');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
