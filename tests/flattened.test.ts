// Crawlers flatten a whole page onto one line. The seeds and the real corpus,
// flattened here with their line breaks turned into spaces, are scored
// against the same gold as the pages they came from; the bars are the figures
// reached when this test was written, rounded down, so a change that helps
// line-broken pages and hurts flattened ones shows.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlan } from '../src/parse.js';
import { FIXTURES, scoreWithContract as score } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'planparse-flat-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every .txt of `dirs`, its lines joined by a space, written under `work/name`. */
function flatten(name: string, dirs: string[]): string {
  const out = join(work, name);
  mkdirSync(out, { recursive: true });
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      writeFileSync(join(out, f), readFileSync(join(dir, f), 'utf8').split(/\r?\n/).join(' '));
    }
  }
  return out;
}

describe('pages flattened onto one line', () => {
  it('the seeds keep their whole outline and every target', () => {
    const { status, summary } = score(join(FIXTURES, 'gold'), [flatten('seeds', [join(FIXTURES, 'seeds')])], 'sections=1,items=1,targets=1,comparators=1,content=1,failures=0');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 120_000);

  it('the real corpus stays near its line-broken figures', () => {
    const real = join(FIXTURES, 'real');
    const dir = flatten('real', [join(real, 'pages'), join(real, 'docs')]);
    const { status, summary } = score(join(real, 'gold'), [dir], 'sections=0.97,items=0.89,targets=0.97,meta=0.95,boilerplate=0.95,content=0.98,failures=0');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 240_000);

  it('a section heading run into its first paragraph ends at the space of its line break', () => {
    const plan = parsePlan('区教育局2024年工作要点 一、坚持党建引领，强化全面领导 加强思想政治建设。深入学习。 2. 提升基层党建质量。扎实推进。 二、促进学生发展 1.新建学校3所。 2.新增学位2000个。');
    expect(plan.sections.map((s) => s.heading)).toEqual(['坚持党建引领，强化全面领导', '促进学生发展']);
    expect(plan.sections[0]!.items.map((i) => [i.number, i.inferred])).toEqual([[1, true], [2, false]]);
  });

  it('an item list restarts at 1 after a heading that has no marker', () => {
    const plan = parsePlan('某县2024年工作要点 2023年工作回顾 1.新建学校3所。 2.新增学位2000个。 2024年主要目标 1.新建学校5所。 2.新增学位3000个。');
    const numbers = plan.items.map((i) => i.number);
    expect(numbers).toEqual([1, 2, 1, 2]);
    expect(plan.items[2]!.text).toBe('新建学校5所。');
  });
});

describe('a title and section 一 on one line', () => {
  it('are read apart: the title, and the section with its items', () => {
    const plan = parsePlan('某县2024年教育工作要点 一、加强基础建设\n1.新建校舍3所。\n二、保障\n2.加强。\n');
    expect(plan.meta.title).toBe('某县2024年教育工作要点');
    expect(plan.sections.map((s) => [s.number, s.heading, s.items.map((i) => i.number)])).toEqual([[1, '加强基础建设', [1]], [2, '保障', [2]]]);
    const short = parsePlan('某县2024年教育工作要点 一、加强基础建设 1.新建校舍 2.推进工作');
    expect(short.sections[0]!.items.map((i) => i.number)).toEqual([1, 2]);
  });
});
