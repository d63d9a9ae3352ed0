// `planparse targets -o FILE`: written in place atomically, never over an
// input, and a CSV file starts with a byte order mark unless --no-bom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { wantsBom } from '../src/cli/table-output.js';

const BIN = join(ROOT, 'bin', 'planparse.js');
const SEED = '002_5ee358fecd5407df.txt';
let work = '';

function planparse(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'planparse-table-output-'));
  cpSync(join(ROOT, 'fixtures', 'seeds', SEED), join(work, SEED));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('wantsBom', () => {
  it('is on for CSV in a .csv file, off on stdout and for other formats, and follows --bom / --no-bom', () => {
    expect(wantsBom({ format: 'csv', output: 'targets.csv' })).toBe(true);
    expect(wantsBom({ format: 'csv', output: 'T.CSV' })).toBe(true);
    expect(wantsBom({ format: 'csv', output: 'targets.txt' })).toBe(false);
    expect(wantsBom({ format: 'csv' })).toBe(false);
    expect(wantsBom({ format: 'csv', bom: true })).toBe(true);
    expect(wantsBom({ format: 'csv', output: 'targets.csv', bom: false })).toBe(false);
    expect(wantsBom({ format: 'jsonl', output: 'targets.csv' })).toBe(false);
  });
});

describe('planparse targets -o', () => {
  it('writes the CSV to the file with a BOM, the same rows as on stdout', () => {
    const stdout = planparse(['targets', SEED]).stdout;
    const r = planparse(['targets', SEED, '-o', 'targets.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(join(work, 'targets.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(stdout);
    expect(stdout.startsWith('file,')).toBe(true);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--no-bom leaves the BOM out', () => {
    planparse(['targets', SEED, '-o', 'plain.csv', '--no-bom']);
    expect(readFileSync(join(work, 'plain.csv'), 'utf8').startsWith('file,')).toBe(true);
  });

  it('refuses to write over an input (exit 2) and leaves it as it was', () => {
    const before = readFileSync(join(work, SEED));
    const r = planparse(['targets', SEED, '-o', SEED]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${SEED}: refusing to overwrite an input file`);
    expect(readFileSync(join(work, SEED)).equals(before)).toBe(true);
  });

  it('a table written to a file holds no escape codes, even with --color', () => {
    const r = planparse(['targets', SEED, '--format', 'table', '-o', 'table.txt', '--color']);
    expect(r.status).toBe(0);
    const table = readFileSync(join(work, 'table.txt'), 'utf8');
    expect(table).not.toContain('\x1b[');
    expect(table.trimEnd().split('\n').pop()).toMatch(/^\d+ targets? in 1 file$/);
  });

  it('names the file and the reason when it cannot be written', () => {
    const r = planparse(['targets', SEED, '-o', `${SEED}/x.csv`]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`planparse: ${SEED}/x.csv: cannot write: a parent is not a directory`);
  });
});

describe('planparse compare -o', () => {
  const A = join(ROOT, 'fixtures', 'compare', 'a.txt');
  const B = join(ROOT, 'fixtures', 'compare', 'b.txt');

  it('writes the CSV to the file with a BOM, the same table as on stdout, through a temporary file', () => {
    const stdout = planparse(['compare', A, B, '--format', 'csv']).stdout;
    const r = planparse(['compare', A, B, '--format', 'csv', '-o', 'compare.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(join(work, 'compare.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(stdout);
    expect(stdout).toContain('public_kindergarten_share');
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--no-bom leaves the BOM out; Markdown and JSON Lines files never get one', () => {
    planparse(['compare', A, '--format', 'csv', '-o', 'plain.csv', '--no-bom']);
    expect(readFileSync(join(work, 'plain.csv'), 'utf8').startsWith('indicator_key,')).toBe(true);
    planparse(['compare', A, '--format', 'md', '-o', 'compare.md']);
    expect(readFileSync(join(work, 'compare.md'), 'utf8').startsWith('| indicator |')).toBe(true);
  });

  it('refuses to write over an input (exit 2); a table written to a file holds no escape codes', () => {
    const before = readFileSync(join(work, SEED));
    const r = planparse(['compare', SEED, '-o', SEED]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${SEED}: refusing to overwrite an input file`);
    expect(readFileSync(join(work, SEED)).equals(before)).toBe(true);
    expect(planparse(['compare', A, B, '-o', 'compare.txt', '--color']).status).toBe(0);
    expect(readFileSync(join(work, 'compare.txt'), 'utf8')).not.toContain('\x1b[');
  });

  it('names the file and the reason when it cannot be written', () => {
    const r = planparse(['compare', A, '--format', 'csv', '-o', `${SEED}/x.csv`]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`planparse: ${SEED}/x.csv: cannot write: a parent is not a directory`);
  });
});
