// End-to-end: the built binary, spawned as a user would run it, in real
// temporary folders. Builds dist/ once first (npm test also builds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { toJson } from '../src/serialise.js';
import { FIXTURES, ROOT, ensureBuilt, listFixtures } from './helpers.js';

const BIN = join(ROOT, 'bin/planparse.js');
const SEEDS = listFixtures('seeds');
// A PNG header then noise: not a plan text, but named *.txt so a folder scan picks it up.
const BINARY = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);

let work: string;
let corpus: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function planparse(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under dir, relative, sorted (dot files included: leftovers must show). */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    // The out-dir's freshness record (tests/outputs.test.ts) is not an output.
    .filter((f) => f !== '.planparse-cache.json')
    .sort();
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-e2e-'));
  corpus = join(work, 'corpus');
  mkdirSync(join(corpus, 'sub'), { recursive: true });
  // The last seed goes to a sub-folder: its output must land in out/sub/.
  SEEDS.forEach((name, i) => cpSync(join(FIXTURES, 'seeds', name), join(corpus, i === SEEDS.length - 1 ? 'sub' : '', name)));
  writeFileSync(join(corpus, 'scan.txt'), BINARY);
  writeFileSync(join(corpus, 'notes.csv'), 'not picked: wrong extension\n');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const expectedOutputs = () => SEEDS.map((name, i) => (i === SEEDS.length - 1 ? `sub/${name}` : name).replace(/\.txt$/, '.json')).sort();

describe('planparse batch conversion', () => {
  it('converts a folder into mirrored JSON files, names the bad file, exits 1', async () => {
    const r = planparse(['corpus', '--out-dir', 'out']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('planparse: corpus/scan.txt: binary file (PNG image)');
    expect(r.stderr).toMatch(/6 files: 5 converted, 1 failed; 17 sections, 97 items, \d+ targets/);
    expect(r.stdout).toBe('');
    // Exactly one output per seed, mirrored, no temporary file left behind.
    expect(tree(join(work, 'out'))).toEqual(expectedOutputs());
    // Each output is the library's own document for that input, compact, one newline.
    const last = SEEDS[SEEDS.length - 1]!;
    const written = readFileSync(join(work, 'out/sub', last.replace(/\.txt$/, '.json')), 'utf8');
    const inputPath = `corpus/sub/${last}`;
    const plan = await parsePlanFile(join(work, inputPath));
    expect(written).toBe(toJson({ ...plan, source: { ...plan.source, path: inputPath } }, false) + '\n');
  });

  it('leaves up-to-date outputs alone, replaces older ones, and --force replaces all', () => {
    const target = join(work, 'out', expectedOutputs()[0]!);
    const old = new Date(Date.now() - 3600_000);
    utimesSync(target, old, old);
    // The input is now newer than that one output: only it is rewritten.
    const r = planparse(['corpus', '--out-dir', 'out']);
    expect(r.stderr).toMatch(/6 files: 1 converted, 4 up to date, 1 failed/);
    expect(statSync(target).mtimeMs).toBeGreaterThan(old.getTime() + 1000);
    const forced = planparse(['corpus', '--out-dir', 'out', '--force']);
    expect(forced.stderr).toMatch(/6 files: 5 converted, 1 failed/);
  });

  it('gives byte-identical outputs with --jobs 1 and --jobs 2', () => {
    const one = planparse(['corpus', '--out-dir', 'j1', '--jobs', '1', '--pretty']);
    const two = planparse(['corpus', '--out-dir', 'j2', '--jobs', '2', '--pretty']);
    expect([one.status, two.status]).toEqual([1, 1]);
    expect(tree(join(work, 'j1'))).toEqual(expectedOutputs());
    for (const rel of expectedOutputs()) {
      expect(readFileSync(join(work, 'j2', rel)).equals(readFileSync(join(work, 'j1', rel))), rel).toBe(true);
    }
    const l1 = planparse(['corpus', '--jsonl', '--jobs', '1']);
    const l2 = planparse(['corpus', '--jsonl', '--jobs', '2']);
    expect(l2.stdout).toBe(l1.stdout);
    expect(l1.stderr.replace(/; [\d.]+ m?s\n/, '')).toBe(l2.stderr.replace(/; [\d.]+ m?s\n/, ''));
  });

  it('--jsonl prints one document per input, in input order', () => {
    const r = planparse(['corpus', '--jsonl']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(SEEDS.length);
    // Directory order: code-point sorted relative paths ("sub/…" sorts after the digits).
    const paths = lines.map((l) => JSON.parse(l).source.path);
    expect(paths).toEqual([...SEEDS.slice(0, -1).map((n) => `corpus/${n}`), `corpus/sub/${SEEDS[SEEDS.length - 1]}`]);
  });

  it('- reads standard input', () => {
    const seed = readFileSync(join(FIXTURES, 'seeds', SEEDS[2]!));
    const r = planparse(['-', '--pretty'], seed);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    const fromFile = JSON.parse(planparse([join(FIXTURES, 'seeds', SEEDS[2]!)]).stdout);
    expect(doc.source.path).toBeNull();
    expect(doc.sections).toEqual(fromFile.sections);
    expect(doc.meta).toEqual(fromFile.meta);
    expect(r.stdout).toContain('\n  "schemaVersion"');
  });

  it('never overwrites an input and reports usage errors with exit 2', () => {
    const input = join(work, 'corpus', SEEDS[0]!);
    const before = readFileSync(input);
    const r = planparse([`corpus/${SEEDS[0]}`, '-o', `corpus/${SEEDS[0]}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite an input file');
    expect(readFileSync(input).equals(before)).toBe(true);
    const batchToStdout = planparse(['corpus']);
    expect(batchToStdout.status).toBe(2);
    expect(batchToStdout.stderr).toContain('--out-dir DIR');
    expect(planparse(['corpus', '--jobs', 'many', '--jsonl']).status).toBe(2);
  });

  it('--format md writes a Markdown outline per input', () => {
    const r = planparse(['corpus', '--out-dir', 'md', '--format', 'md']);
    expect(r.status).toBe(1);
    expect(tree(join(work, 'md'))).toEqual(expectedOutputs().map((p) => p.replace(/\.json$/, '.md')));
    const plan = JSON.parse(planparse([`corpus/${SEEDS[2]}`]).stdout);
    const md = readFileSync(join(work, 'md', SEEDS[2]!.replace(/\.txt$/, '.md')), 'utf8');
    expect(md.startsWith(`# ${plan.meta.title}\n`)).toBe(true);
    expect(md).toContain(`## ${plan.sections[0].marker}${plan.sections[0].heading}`);
    // One level-2 heading per section, plus one for the diagnostics when there are any.
    expect(md.match(/^## /gm)).toHaveLength(plan.sections.length + (plan.diagnostics.length ? 1 : 0));
  });

  it('SIGINT mid-batch: exit 130, a summary, only complete outputs, no temporary file', async () => {
    const big = join(work, 'big');
    mkdirSync(big, { recursive: true });
    // Enough files that the batch is still running when the signal comes.
    for (let i = 0; i < 1500; i++) cpSync(join(FIXTURES, 'seeds', SEEDS[i % SEEDS.length]!), join(big, `${String(i).padStart(4, '0')}.txt`));
    const child = spawn(process.execPath, [BIN, 'big', '--out-dir', 'big-out', '--jobs', '2'], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const outDir = join(work, 'big-out');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      let n = 0;
      try {
        // Temporary files are dot-prefixed: wait for a finished output.
        n = readdirSync(outDir).filter((f) => !f.startsWith('.')).length;
      } catch {}
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const written = tree(outDir);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(1500);
    expect(written.filter((f) => !/^\d{4}\.json$/.test(f))).toEqual([]);
    for (const f of written) expect(() => JSON.parse(readFileSync(join(outDir, f), 'utf8')), f).not.toThrow();
    expect(stderr).toMatch(new RegExp(`interrupted after \\d+ of 1500 files: ${written.length} converted`));
  });
});

describe('planparse validate / check / schema', () => {
  it('validate accepts the converted outputs and rejects a malformed one by file and JSON path', () => {
    const ok = planparse(['validate', 'out']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(/5 files validated: 5 valid, 0 invalid/);

    const doc = JSON.parse(readFileSync(join(work, 'out', expectedOutputs()[0]!), 'utf8'));
    doc.sections = [{ ...doc.sections[0], number: 'one' }];
    delete doc.items;
    mkdirSync(join(work, 'bad'), { recursive: true });
    writeFileSync(join(work, 'bad/broken.json'), JSON.stringify(doc));
    writeFileSync(join(work, 'bad/truncated.json'), '{"schemaVersion": "1.0.0",\n  "source": ');
    const bad = planparse(['validate', 'bad', 'out']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('bad/broken.json: error schema $.sections[0].number: the string "one"; allowed: a whole number ≥ 0\n');
    expect(bad.stdout).toContain('bad/broken.json: error schema $.items: missing; allowed: an array\n');
    expect(bad.stdout).toMatch(/bad\/truncated\.json:2: error json-syntax not valid JSON/);
    expect(bad.stderr).toMatch(/7 files validated: 5 valid, 2 invalid/);
  });

  it('check --reporter github prints annotations and fails on the unreadable file', () => {
    const r = planparse(['check', 'corpus', '--reporter', 'github']);
    expect(r.status).toBe(1);
    const annotations = r.stdout.trim().split('\n');
    expect(annotations.every((a) => /^::(error|warning|notice) file=[^:]+::/.test(a))).toBe(true);
    expect(annotations).toContain('::error file=corpus/scan.txt,title=planparse unreadable::binary file (PNG image), not a plan text');
    // Every warning of every seed shows up as an annotation with its line.
    const plans = SEEDS.map((name, i) => JSON.parse(planparse([`corpus/${i === SEEDS.length - 1 ? 'sub/' : ''}${name}`]).stdout));
    const warnings = plans.flatMap((p) => p.diagnostics.filter((d: { severity: string }) => d.severity === 'warning').map((d: { line: number }) => `${p.source.path},line=${d.line}`));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(r.stdout).toContain(`::warning file=${w},`);
  });

  it('check passes clean seeds, and --strict fails on their warnings', () => {
    const seeds = join(FIXTURES, 'seeds');
    expect(planparse(['check', seeds]).status).toBe(0);
    const strict = planparse(['check', seeds, '--strict', '--reporter', 'json']);
    expect(strict.status).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report.files).toHaveLength(SEEDS.length);
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect(strict.stderr).toContain('check failed');
  });

  it('schema prints the committed JSON Schema', () => {
    const r = planparse(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8'));
  });
});

describe('planparse help', () => {
  it('help COMMAND shows that command; an unknown command is a usage error naming the commands', () => {
    const ok = planparse(['help', 'compare']);
    expect([ok.status, ok.stdout.split('\n')[0]]).toEqual([0, 'Usage: planparse compare [options] <inputs...>']);
    const bad = planparse(['help', 'nosuch']);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', 'planparse: no command named "nosuch" (commands: check, validate, schema, targets, compare)\n']);
  });
});

describe('a mistyped command name', () => {
  it('is a usage error that names the command meant, not two files to convert', () => {
    const r = planparse(['chek', join(ROOT, 'fixtures/seeds/001_e8de70643affbbfa.txt')]);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'planparse: no command and no file named "chek": did you mean "check"? (commands: check, validate, schema, targets, compare)\n']);
    expect(planparse(['target', 'x.txt']).stderr).toContain('did you mean "targets"?');
  });
  it('a file of that name is converted as before', () => {
    writeFileSync(join(work, 'chek'), '2024年工作要点\n1.新建学校3所。\n');
    try {
      const r = planparse(['chek']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).items).toHaveLength(1);
    } finally {
      rmSync(join(work, 'chek'), { force: true });
    }
  });
});

describe('a file name that is not valid UTF-8, named directly', () => {
  it('is reported as such, not as a missing file', () => {
    // Node hands such a name over with U+FFFD in place of its bytes: the same string reaches planparse here.
    const r = planparse(['bad\uFFFD.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot read file: its name is not valid UTF-8');
  });
});
