// source.path is the input's path relative to the working directory, with
// forward slashes, however the operand was typed (`corpus/`, `./corpus/`, an
// absolute path): the same file gives the same JSON, so `--check` and the
// freshness record compare like with like (a new-user trial found every
// output "changed" when the corpus was named as ./corpus/ in CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ensureBuilt, listFixtures, runCli } from './helpers.js';
import { recordedPath } from '../src/cli/inputs.js';
import { differsOnlyInSourcePath } from '../src/cli/convert.js';

const SEEDS = listFixtures('seeds');
let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-source-path-'));
  mkdirSync(join(work, 'corpus'));
  cpSync(join(FIXTURES, 'seeds'), join(work, 'corpus', 'seeds'), { recursive: true });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const sourcePathOf = (json: string) => (JSON.parse(json) as { source: { path: string | null } }).source.path;

describe('recordedPath', () => {
  it('is relative to the working directory with forward slashes, whatever the spelling', () => {
    for (const typed of ['corpus/a.txt', './corpus/a.txt', 'corpus//a.txt', 'corpus/x/../a.txt', '/w/corpus/a.txt', './corpus/./a.txt']) {
      expect(recordedPath(typed, '/w'), typed).toBe('corpus/a.txt');
    }
  });

  it('reaches a file beside the working directory with ../, the same on any machine with the same layout', () => {
    expect(recordedPath('../other/a.txt', '/w/here')).toBe('../other/a.txt');
    expect(recordedPath('/w/other/a.txt', '/w/here')).toBe('../other/a.txt');
    expect(recordedPath('/home/ci/w/other/a.txt', '/home/ci/w/here')).toBe(recordedPath('/home/alice/w/other/a.txt', '/home/alice/w/here'));
    expect(recordedPath('..notes/a.txt', '/w')).toBe('..notes/a.txt');
  });

  it('keeps the absolute path of a file that shares only the root with the working directory', () => {
    expect(recordedPath('/tmp/a.txt', '/home/me/work')).toBe('/tmp/a.txt');
    expect(recordedPath('../../../tmp/a.txt', '/home/me/work')).toBe('/tmp/a.txt');
    expect(recordedPath('/a.txt', '/home')).toBe('/a.txt');
  });
});

describe('the same file gives the same JSON however it is named', () => {
  it('one file: relative, ./-prefixed and absolute operands record one source.path', async () => {
    const seed = `corpus/seeds/${SEEDS[0]}`;
    const outs = await Promise.all([seed, `./${seed}`, join(work, seed), `corpus/seeds/../seeds/${SEEDS[0]}`].map((p) => runCli([p], { cwd: work })));
    for (const r of outs) expect(r.status).toBe(0);
    expect(sourcePathOf(outs[0]!.stdout)).toBe(seed);
    expect(new Set(outs.map((r) => r.stdout)).size).toBe(1);
  });

  it('--check of outputs made from corpus/ passes for ./corpus/ and for the absolute path', async () => {
    const made = await runCli(['corpus/', '--out-dir', 'json/'], { cwd: work });
    expect(made.status).toBe(0);
    expect(sourcePathOf(readFileSync(join(work, 'json', 'seeds', SEEDS[1]!.replace(/\.txt$/, '.json')), 'utf8'))).toBe(`corpus/seeds/${SEEDS[1]}`);
    for (const operand of ['./corpus/', join(work, 'corpus'), 'corpus']) {
      const r = await runCli([operand, '--out-dir', 'json/', '--check'], { cwd: work });
      expect([r.status, r.stdout, r.stderr], operand).toEqual([0, '', `planparse: --check: ${SEEDS.length} outputs in step\n`]);
    }
  });

  it('--check run from another folder names the outputs and says they differ only in source.path', async () => {
    await runCli(['corpus/', '--out-dir', 'json/'], { cwd: work });
    const r = await runCli(['.', '--out-dir', '../json/', '--check'], { cwd: join(work, 'corpus') });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(SEEDS.length);
    expect(r.stderr).toContain(`${SEEDS.length} of ${SEEDS.length} outputs would change`);
    expect(r.stderr).toContain(`all ${SEEDS.length} differ only in source.path`);
  });

  it('the freshness record keeps outputs for another spelling, and rewrites them when source.path would change', async () => {
    await runCli(['corpus/', '--out-dir', 'fresh/'], { cwd: work });
    const again = await runCli(['./corpus', '--out-dir', 'fresh/'], { cwd: work });
    expect(again.stderr).toMatch(new RegExp(`^planparse: ${SEEDS.length} files: ${SEEDS.length} up to date, 0 failed;`));
    // From inside corpus/ the documents record seeds/…: not up to date.
    const inside = await runCli(['.', '--out-dir', '../fresh/'], { cwd: join(work, 'corpus') });
    expect(inside.stderr).toMatch(new RegExp(`^planparse: ${SEEDS.length} files: ${SEEDS.length} converted, 0 failed;`));
    const json = readFileSync(join(work, 'fresh', 'seeds', SEEDS[0]!.replace(/\.txt$/, '.json')), 'utf8');
    expect(sourcePathOf(json)).toBe(`seeds/${SEEDS[0]}`);
  });

  it('targets and compare name the file as source.path does', async () => {
    const seed = `corpus/seeds/${SEEDS[2]}`;
    const plain = await runCli(['targets', seed, '--format', 'jsonl'], { cwd: work });
    const dotted = await runCli(['targets', `./${seed}`, '--format', 'jsonl'], { cwd: work });
    expect(plain.stdout.length).toBeGreaterThan(0);
    expect(dotted.stdout).toBe(plain.stdout);
    expect((JSON.parse(plain.stdout.split('\n')[0]!) as { file: string }).file).toBe(seed);
    const cmp = await runCli(['compare', join(work, 'corpus'), '--format', 'csv'], { cwd: work });
    expect(cmp.stdout.split('\r\n')[0]).toContain(`(corpus/seeds/${SEEDS[0]})`);
  });
});

describe('differsOnlyInSourcePath', () => {
  const doc = (path: string, year: number) => JSON.stringify({ schemaVersion: '1.0.0', source: { path, bytes: 3 }, meta: { year } });
  it('is true only when source.path is the whole difference', () => {
    expect(differsOnlyInSourcePath(doc('a/x.txt', 2024), doc('x.txt', 2024))).toBe(true);
    expect(differsOnlyInSourcePath(doc('a/x.txt', 2024), doc('x.txt', 2025))).toBe(false);
    expect(differsOnlyInSourcePath(doc('x.txt', 2024), doc('x.txt', 2025))).toBe(false);
    expect(differsOnlyInSourcePath('{not json', doc('x.txt', 2024))).toBe(false);
  });
});

describe('a working folder reached through a link', () => {
  it('an absolute operand written from $PWD is recorded relative to it', () => {
    const real = mkdtempSync(join(tmpdir(), 'planparse-real-'));
    const link = real + '-link';
    try {
      mkdirSync(join(real, 'in'));
      symlinkSync(real, link);
      // process.cwd() is the real path; $PWD is the link, as a shell that cd'd through it has it
      expect(recordedPath(join(link, 'in', 'x.txt'), real, link)).toBe('in/x.txt');
      expect(recordedPath('in/x.txt', real, link)).toBe('in/x.txt');
      // a $PWD that is another folder is not taken
      expect(recordedPath(join(real, 'in', 'x.txt'), real, tmpdir())).toBe('in/x.txt');
    } finally {
      rmSync(link, { force: true });
      rmSync(real, { recursive: true, force: true });
    }
  });
});
