// `planparse compare` at corpus scale: the terminal table fits the terminal
// (process.stdout.columns; 100 columns when piped) by paging the plans, as
// many side by side as fit, while CSV, Markdown and JSON Lines stay whole.
// The new-user trial saw a table 688 columns wide for 46 plans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './helpers.js';
import { parsePlan } from '../src/parse.js';
import { comparePlans } from '../src/compare.js';
import { compareTable } from '../src/cli/compare.js';
import { displayWidth } from '../src/cli/targets.js';

const NUMERALS = '一二三四五六七八九十';
const PLANS = 40;
let work: string;

/** A small plan of its own bureau: two shared indicators and one of its own. */
function planText(i: number): string {
  const county = `${NUMERALS[i % 10]}${NUMERALS[Math.floor(i / 10)]}号县`;
  return [
    `${county}教育局2024年工作要点`,
    '',
    '一、推进学前教育普惠发展',
    `1.公办园在园幼儿占比提升至${50 + i}%，普惠性幼儿园覆盖率达到${60 + i}%以上。`,
    `2.全年新增学位${1000 + i}个。`,
    '二、办好特色项目',
    `1.建成${NUMERALS[i % 10]}${NUMERALS[Math.floor(i / 10)]}号特色示范项目${i + 2}个。`,
    '',
  ].join('\n');
}

const plain = { bold: (s: string) => s, dim: (s: string) => s, cyan: (s: string) => s };

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-compare-width-'));
  mkdirSync(join(work, 'plans'));
  for (let i = 0; i < PLANS; i++) writeFileSync(join(work, 'plans', `p${String(i).padStart(2, '0')}.txt`), planText(i));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('the compare table fits the terminal', () => {
  it('piped: no line is wider than 100 columns, and every plan and commitment is shown once', async () => {
    const r = await runCli(['compare', 'plans'], { cwd: work });
    expect(r.status).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    const pages = r.stdout.split('\n').filter((l) => /^plans \d+(–\d+)? of 40$/.test(l));
    expect(pages.length).toBeGreaterThan(1);
    // the pages cover plans 1 to 40, each once, in order
    const covered = pages.flatMap((l) => {
      const [from, to] = l.match(/\d+/g)!.map(Number).slice(0, 2) as [number, number];
      return /–/.test(l) ? Array.from({ length: to - from + 1 }, (_, k) => from + k) : [from];
    });
    expect(covered).toEqual(Array.from({ length: PLANS }, (_, k) => k + 1));
    for (let i = 0; i < PLANS; i++) {
      expect(r.stdout, `plan ${i}`).toContain(`≥${50 + i}%`);
      expect(r.stdout).toContain(`${1000 + i}个`);
    }
    // an indicator of one plan only is shown in that plan's page only
    expect(r.stdout.split('\n').filter((l) => l.startsWith('建成一二号特色示范项目')).length).toBeLessThanOrEqual(1);
  });

  it('CSV, Markdown and JSON Lines keep every plan and cell', async () => {
    const csv = await runCli(['compare', 'plans', '--format', 'csv'], { cwd: work });
    const header = csv.stdout.split('\r\n')[0]!.split(',');
    expect(header).toHaveLength(PLANS + 2);
    const md = await runCli(['compare', 'plans', '--format', 'md'], { cwd: work });
    expect(md.stdout.split('\n')[0]!.split(' | ')).toHaveLength(PLANS + 2);
    const jsonl = await runCli(['compare', 'plans', '--format', 'jsonl', '--indicator', 'public_kindergarten_share'], { cwd: work });
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(PLANS);
  });

  it('compareTable keeps to any width, cutting a cell with … and saying so', async () => {
    const parsed = Array.from({ length: 6 }, (_, i) => ({ file: `plans/p${i}.txt`, plan: parsePlan(planText(i)) }));
    const c = comparePlans(parsed);
    for (const width of [40, 60, 80, 120]) {
      const table = await compareTable(c, plain, width);
      expect(widest(table), String(width)).toBeLessThanOrEqual(width);
    }
    const wide = await compareTable(c, plain, 400);
    expect(wide).not.toMatch(/^plans /m);
    expect(wide.split('\n')[0]!.split(/\s{2,}/)).toHaveLength(7);
    // one long cell: cut, and a note says where to get it whole
    const long = comparePlans([{ file: 'x.txt', plan: parsePlan('某县教育局2024年工作要点\n一、学位\n1.新增学位1000个，新增学位2000个，新增学位3000个，新增学位4000个，新增学位5000个。\n') }]);
    const cut = await compareTable(long, plain, 100);
    expect(cut).toMatch(/1000个; 2000个; .*…/);
    expect(cut).toContain('--format csv, md or jsonl give them whole');
  });
});

describe('wrapWords', () => {
  it('breaks at spaces within the width and indents the lines after the first', async () => {
    const { wrapWords } = await import('../src/cli/compare.js');
    expect(wrapWords('no commitment found in 3 plans: a.txt, b.txt, c.txt', 24, displayWidth)).toEqual(['no commitment found in 3', '  plans: a.txt, b.txt,', '  c.txt']);
    expect(wrapWords('短 一二三四五六七八九十', 10, displayWidth)).toEqual(['短', '  一二三四五六七八九十']);
  });
});

describe('no commitment anywhere', () => {
  it('says so in one line instead of listing every plan again', async () => {
    const r = await runCli(['compare', 'plans', '--indicator', 'daily_physical_activity'], { cwd: work });
    expect(r.stdout).toBe(`0 indicators (0 in the vocabulary) in ${PLANS} plans\nno commitment found in any of the ${PLANS} plans\n`);
  });
});

describe('an unknown --indicator key', () => {
  it('suggests the keys it may mean', async () => {
    const { similarKeys } = await import('../src/cli/compare.js');
    const keys = ['public_kindergarten_share', 'myopia_rate', 'new_school_places'];
    expect(similarKeys('kindergarten_share', keys)).toEqual(['public_kindergarten_share']);
    expect(similarKeys('pubilc_kindergarten_share', keys)).toEqual(['public_kindergarten_share']);
    expect(similarKeys('myopia', keys)).toEqual(['myopia_rate']);
    expect(similarKeys('nope', keys)).toEqual([]);
    const r = await runCli(['compare', 'plans', '--indicator', 'kindergarten_share'], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown indicator key kindergarten_share; did you mean public_kindergarten_share?');
  });
});

describe('on a terminal', () => {
  it('keeps to the terminal\'s own width (stty cols 60)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { ROOT } = await import('./helpers.js');
    const r = spawnSync('script', ['-qec', `stty cols 60; ${process.execPath} ${join(ROOT, 'bin/planparse.js')} compare plans --no-color`, '/dev/null'], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    const shown = r.stdout.replace(/\r/g, '');
    expect(shown).toMatch(/^plans 1 of 40$/m);
    expect(widest(shown)).toBeLessThanOrEqual(60);
  });
});

describe('every input failed', () => {
  it('prints no empty table: the failures on stderr, exit 1', async () => {
    const r = await runCli(['compare', 'missing.txt'], { cwd: work });
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', 'planparse: missing.txt: cannot read file: no such file\n']);
  });
});
