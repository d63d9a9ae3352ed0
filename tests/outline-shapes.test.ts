// Outline shapes met on pages from portals beyond the corpus, each with a
// made-up variant and a case that must not change.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';
import type { Plan } from '../src/schema.js';
import { allItems } from './helpers.js';

const items = (plan: Plan) => allItems(plan).map((it) => `${it.number} ${it.title}`);
const sections = (plan: Plan) => plan.sections.map((s) => `${s.number} ${s.heading} [${s.items.map((it) => it.number).join(',')}]`);

describe('a table row printing a section name and its first task', () => {
  it('opens the section and the item (the category cell is printed on the first row only)', () => {
    const plan = parsePlan(
      [
        '类别 | 项目名称 | 年度目标 | 责任单位 |',
        '二、学前教育 | 7.新建公办幼儿园 | 建成幼儿园3所。 | 教育局 |',
        '8.扩充普惠学位 | 新增普惠性学位900个。 | 教育局 |',
        '三、义务教育 | 9.推进集团化办学 | 组建教育集团2个。 | 教育局 |',
      ].join('\n'),
    );
    expect(sections(plan)).toEqual(['2 学前教育 [7,8]', '3 义务教育 [9]']);
    expect(items(plan)).toEqual(['7 新建公办幼儿园', '8 扩充普惠学位', '9 推进集团化办学']);
    expect(plan.sections[0]!.items[0]!.lines).toEqual({ start: 2, end: 2 });
  });

  it('leaves a row alone when the cell after the name is no numbered task, or the first cell is a sentence', () => {
    const plain = parsePlan('二、学前教育 | 建成幼儿园3所。 | 教育局 |\n1.新建公办幼儿园。');
    expect(sections(plain)).toEqual(['2 学前教育 [1]']);
    const sentence = parsePlan('二、完成幼儿园建设。全年建成3所 | 2.新增学位 |');
    expect(allItems(sentence)).toEqual([]);
  });
});
