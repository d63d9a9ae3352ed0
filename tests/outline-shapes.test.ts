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

  it('leaves a row alone when the cell after the name is no numbered task', () => {
    const plain = parsePlan('二、学前教育 | 建成幼儿园3所。 | 教育局 |\n1.新建公办幼儿园。');
    expect(sections(plain)).toEqual(['2 学前教育 [1]']);
    expect(plain.sections[0]!.text).toBe('学前教育 | 建成幼儿园3所。 | 教育局');
  });
});

describe('a plan set out in chapters and articles', () => {
  it('reads 第一章 as sections and 第一条 as items numbered through the chapters', () => {
    const plan = parsePlan(
      ['某县教育局2024年度安全工作计划', '第一章 总体目标', '第一条 确保学校安全教育覆盖率达到100%。', '第二章 主要任务', '第二条 开展安全隐患排查整治。每月开展安全检查1次。', '第三条 加强防溺水教育。'].join('\n'),
    );
    expect(sections(plan)).toEqual(['1 总体目标 [1]', '2 主要任务 [2,3]']);
    expect(items(plan)).toEqual(['1 确保学校安全教育覆盖率达到100%', '2 开展安全隐患排查整治', '3 加强防溺水教育']);
    expect(plan.diagnostics.filter((d) => /number/.test(d.code))).toEqual([]);
  });

  it('keeps chapters above 一、 sections as parts, the sections numbered by their own markers', () => {
    const plan = parsePlan(['第一章 2023年工作回顾', '一、成效显著', '1.新建学校3所。', '第二章 2024年工作计划', '一、推进均衡发展', '1.新建学校2所。'].join('\n'));
    expect(sections(plan)).toEqual(['1 成效显著 [1]', '1 推进均衡发展 [1]']);
    expect(plan.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['第二章 2024年工作计划']);
  });

  it('a part heading after a section\'s items sets the phase of what follows it, not of the items above', () => {
    for (const [review, plan] of [['第一部分 2023年工作回顾', '第二部分 2024年工作计划'], ['第一章 2023年工作回顾', '第二章 2024年工作计划']]) {
      const parsed = parsePlan(['某县教育局2024年工作要点', review, '一、成效显著', '1.新建学校3所。', plan, '一、推进均衡发展', '1.新建学校2所。'].join('\n'));
      expect(allItems(parsed).map((it) => `${it.targets[0]!.text} ${it.targets[0]!.status}`), review).toEqual(['3所 achieved', '2所 target']);
    }
  });
});
