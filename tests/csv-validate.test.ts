// CSV cells that a spreadsheet would run as formulas, names with control
// characters, and `validate` giving the schema's verdict (unknown properties
// are errors) with JSON Lines read line by line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField } from '../src/cli/targets.js';
import { documentProblems, validateJsonLines } from '../src/cli/validate.js';
import { printablePath } from '../src/cli/inputs.js';
import { parsePlan } from '../src/parse.js';
import { FIXTURES, ROOT, ensureBuilt, fixture, listFixtures, runCli } from './helpers.js';

const SEEDS = listFixtures('seeds');
let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-csv-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('CSV formula injection', () => {
  it('a text cell starting with = + - @, a tab or a carriage return is prefixed with a quote mark', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+86 10 1234')).toBe(`'+86 10 1234`);
    expect(csvField('-1,2')).toBe(`"'-1,2"`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('\tx')).toBe(`'\tx`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    // Numbers are data, not text: a negative value stays a number.
    expect(csvField(-5)).toBe('-5');
    expect(csvField('达到95%')).toBe('达到95%');
  });

  it('through planparse targets: a file whose name starts with = is not a formula in the file column', async () => {
    cpSync(join(FIXTURES, 'seeds', SEEDS[0]!), join(work, '=cmd.txt'));
    const r = await runCli(['targets', '=cmd.txt'], { cwd: work });
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\r\n').slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.startsWith(`'=cmd.txt,`)).toBe(true);
  });
});

describe('control characters in names', () => {
  it('are escaped in what is shown', () => {
    expect(printablePath('a\nb\tc\u001b[31m.txt')).toBe('a\\nb\\tc\\x1B[31m.txt');
    expect(printablePath('普通.txt')).toBe('普通.txt');
  });

  it('an error about a file named with a newline stays on one line', async () => {
    writeFileSync(join(work, 'two\nlines.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const r = await runCli(['two\nlines.txt'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('planparse: two\\nlines.txt: binary file (PNG image), not a plan text\n');
  });
});

describe('validate: the schema verdict', () => {
  const plan = JSON.parse(JSON.stringify(parsePlan(fixture(`seeds/${SEEDS[0]}`))));

  it('a valid document has no problems; an unknown property anywhere is an error with its path', () => {
    expect(documentProblems('p.json', JSON.stringify(plan), null)).toEqual([]);
    const extra = { ...plan, extra: 1, source: { ...plan.source, origin: 'web' }, meta: { ...plan.meta, dates: { ...plan.meta.dates, note: 'x' } } };
    const problems = documentProblems('p.json', JSON.stringify(extra), null).map((f) => f.message);
    expect(problems).toEqual([
      '$.source.origin: unknown property (the schema allows no additional properties)',
      '$.meta.dates.note: unknown property (the schema allows no additional properties)',
      '$.extra: unknown property (the schema allows no additional properties)',
    ]);
  });

  it('the CLI fails a document with an unknown property', async () => {
    writeFileSync(join(work, 'extra.json'), JSON.stringify({ ...plan, extra: true }));
    const r = await runCli(['validate', 'extra.json'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('extra.json: error schema $.extra: unknown property');
  });

  it('a .json or .jsonl name on an endless device is refused, not read', async () => {
    symlinkSync('/dev/zero', join(work, 'zero.jsonl'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/planparse.js'), 'validate', 'zero.jsonl'], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stdout).toContain('zero.jsonl: error cannot read file: not a regular file');
  }, 90_000);

  it('JSON Lines are validated line by line from a stream, each problem with its line', async () => {
    const lines = [JSON.stringify(plan), JSON.stringify({ ...plan, extra: 1 }), '', '{"schemaVersion":', JSON.stringify(plan)];
    const path = join(work, 'plans.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    const result = (await validateJsonLines('plans.jsonl', path)).findings;
    expect(result.map((f) => [f.line, f.message.split(':')[0]])).toEqual([
      [2, '$.extra'],
      [4, 'not valid JSON'],
    ]);
    const r = await runCli(['validate', 'plans.jsonl'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('plans.jsonl:2: error schema $.extra: unknown property');
  });
});
