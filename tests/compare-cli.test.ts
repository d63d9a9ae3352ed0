// `planparse compare`: indicators × plans from the built binary, checked row
// by row on two small plans (one reviews last year before it plans).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from './helpers.js';
import { commitmentText } from '../src/compare.js';

const BIN = join(ROOT, 'bin/planparse.js');
const A = 'fixtures/compare/a.txt';
const B = 'fixtures/compare/b.txt';

const C = 'fixtures/compare/c.txt';

function planparse(args: string[], input?: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => ensureBuilt());

describe('planparse compare', () => {
  it('CSV: one row per indicator, one column per plan, commitments only', () => {
    const r = planparse(['compare', A, B, '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\r\n').filter(Boolean).map((l) => l.split(','));
    expect(rows).toEqual([
      ['indicator_key', 'indicator', `甲区教育局 2024 (${A})`, `乙县教育局 2024 (${B})`],
      ['public_kindergarten_share', '公办园在园幼儿占比', '≥66%', '≥60%'],
      ['inclusive_kindergarten_coverage', '普惠性幼儿园覆盖率', '≥92%', ''],
      ['new_school_places', '新增学位', '3000个', '2000个'],
      ['new_or_expanded_schools', '新建、改扩建学校', '', '3–5所'],
      ['daily_physical_activity', '每天综合体育活动时间', '每天≥2小时', ''],
      ['', '引进高层次人才', '', '20名'],
    ]);
  });

  it('--status achieved lists the results of the review part instead', () => {
    const r = planparse(['compare', A, B, '--format', 'csv', '--status', 'achieved']);
    const rows = r.stdout.split('\r\n').filter(Boolean).map((l) => l.split(','));
    expect(rows.slice(1)).toEqual([
      ['public_kindergarten_share', '公办园在园幼儿占比', '', '≥58%'],
      ['new_school_places', '新增学位', '', '1200个'],
    ]);
  });

  it('--indicator keeps one key; jsonl is the long form', () => {
    const r = planparse(['compare', A, B, '--format', 'jsonl', '--indicator', 'new_school_places']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.indicatorKey, l.issuer, l.year, l.commitment])).toEqual([
      ['new_school_places', '甲区教育局', 2024, '3000个'],
      ['new_school_places', '乙县教育局', 2024, '2000个'],
    ]);
  });

  it('--bom starts the CSV for Excel; --bom with another format is a usage error', () => {
    expect(planparse(['compare', A, '--format', 'csv', '--bom']).stdout.startsWith('\ufeffindicator_key,')).toBe(true);
    const r = planparse(['compare', A, '--format', 'md', '--bom']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--bom applies to --format csv only');
  });

  it('an unknown key is a usage error; a bad file is named and the batch goes on (exit 1)', () => {
    const unknown = planparse(['compare', A, '--indicator', 'no_such_key']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown indicator key no_such_key');
    const missing = planparse(['compare', A, 'fixtures/compare/missing.txt', '--format', 'md']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing\.txt: /);
    expect(missing.stdout).toContain('| 公办园在园幼儿占比 | public_kindergarten_share | ≥66% |');
  });

  it('the table is readable in a terminal', () => {
    const r = planparse(['compare', A, B]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^indicator\s+甲区教育局 2024\s+乙县教育局 2024$/);
    expect(lines.find((l) => l.startsWith('公办园在园幼儿占比'))).toMatch(/≥66%\s+≥60%$/);
    expect(r.stdout).toContain('6 indicators (5 in the vocabulary) in 2 plans');
  });
});

describe('planparse compare: telling plans apart, what is left out, inputs and colours', () => {
  it('names each plan column by issuer, year and file, so two plans of one bureau and year stay apart', () => {
    const r = planparse(['compare', A, B, C, '--format', 'csv']);
    expect(r.status).toBe(0);
    const header = r.stdout.split('\r\n')[0]!.split(',');
    expect(header).toEqual(['indicator_key', 'indicator', `甲区教育局 2024 (${A})`, `乙县教育局 2024 (${B})`, `甲区教育局 2024 (${C})`]);
    expect(r.stdout).toContain('public_kindergarten_share,公办园在园幼儿占比,≥66%,≥60%,≥68%\r\n');
    expect(planparse(['compare', A, C, '--format', 'md']).stdout.split('\n')[0]).toBe(`| indicator | key | 甲区教育局 2024 (${A}) | 甲区教育局 2024 (${C}) |`);
    // the table is narrow: a label that repeats gets its file name, the end of a cut label
    const table = planparse(['compare', A, B, C]).stdout.split('\n')[0]!;
    expect(table).toMatch(/^indicator\s+…\S*教育局 2024 \(a\.txt\)\s+乙县教育局 2024\s+…\S*教育局 2024 \(c\.txt\)$/);
  });

  it('leaves out commitments that name no indicator, and says how many', () => {
    const csv = planparse(['compare', A, C, '--format', 'csv']);
    expect(csv.stdout).not.toContain('unnamed');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv.stderr).toBe('planparse compare: 2 commitments name no indicator and are left out (planparse targets lists them)\n');
    const table = planparse(['compare', A, C]);
    expect(table.stderr).toBe('');
    expect(table.stdout).toContain('4 indicators (4 in the vocabulary) in 2 plans; 2 commitments naming no indicator left out');
    expect(planparse(['compare', A, B, '--format', 'csv']).stderr).toBe('');
  });

  it('reads HTML: a page on standard input with --stdin-format html, .html files in a directory', () => {
    const page = readFileSync(join(ROOT, 'fixtures/html/pingtan-83241.html'), 'utf8');
    const r = planparse(['compare', '-', '--stdin-format', 'html', '--format', 'csv'], page);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('indicator_key,indicator,平潭综合实验区君山片区管理局 2023 (<stdin>)');
    expect(r.stdout).toContain(',地区生产总值增长,');
    const dir = planparse(['compare', 'fixtures/html', '--format', 'csv']);
    expect(dir.status).toBe(0);
    expect(dir.stdout.split('\r\n')[0]).toContain('(fixtures/html/pingtan-83241.html)');
  });

  it('colours the table on request (--color, even piped) and never with --no-color, like the main command', () => {
    const ESC = /\x1b\[/;
    expect(planparse(['compare', A, B]).stdout).not.toMatch(ESC);
    expect(planparse(['compare', A, B, '--color']).stdout).toMatch(ESC);
    expect(planparse(['compare', A, B, '--color'], undefined, { NO_COLOR: '1' }).stdout).toMatch(ESC);
    expect(planparse(['compare', A, B, '--no-color'], undefined, { FORCE_COLOR: '1' }).stdout).not.toMatch(ESC);
    expect(planparse(['compare', A, B], undefined, { FORCE_COLOR: '1' }).stdout).toMatch(ESC);
  });
});

describe('commitments as a reader writes them', () => {
  it.each([
    [{ value: 66, unit: '%', comparator: 'gte', kind: 'percent' }, '≥66%'],
    [{ min: 3, max: 5, unit: '个', comparator: 'range', kind: 'count' }, '3–5个'],
    [{ value: 2, unit: '小时', comparator: 'lte', kind: 'duration' }, '≤2小时'],
    [{ value: 2, unit: '小时', comparator: 'gte', kind: 'frequency', per: '每天' }, '每天≥2小时'],
    [{ value: 0.5, unit: '个百分点', comparator: 'eq', kind: 'change', direction: 'down' }, '−0.5个百分点'],
    [{ value: 1721000000, unit: '元', comparator: 'eq', kind: 'money' }, '17.21亿元'],
    [{ value: 55000, unit: '亩', comparator: 'approx', kind: 'area' }, '≈5.5万亩'],
  ] as const)('%j → %s', (t, want) => {
    expect(commitmentText(t)).toBe(want);
  });
});
