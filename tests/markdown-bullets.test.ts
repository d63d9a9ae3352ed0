// Markdown bullets (- …, * …): an item level only in a plan that numbers no
// items; elsewhere the text of the item or heading they sit under.
import { describe, expect, it } from 'vitest';
import { markdownLines } from '../src/markdown.js';
import { normalise } from '../src/normalise.js';
import { parsePlan } from '../src/parse.js';
import type { Plan } from '../src/schema.js';
import { accountingProblems, allItems } from './helpers.js';

const parseMd = (md: string): Plan => parsePlan(md, { format: 'markdown', lines: markdownLines(md, normalise(md)) });

describe('Markdown bullets', () => {
  it('are the items of a plan that numbers none', () => {
    const md = ['# 某县2025年教育工作要点', '', '## 一、办好学前教育', '', '- 新建公办幼儿园3所。', '- 扩充普惠学位。', '', '## 二、推进义务教育均衡', '', '* 组建教育集团2个。'].join('\n');
    const plan = parseMd(md);
    expect(plan.sections.map((s) => `${s.number} ${s.items.map((i) => `${i.number}${i.marker}${i.title}`).join(' / ')}`)).toEqual([
      '1 1-新建公办幼儿园3所 / 2-扩充普惠学位',
      '2 3*组建教育集团2个',
    ]);
    expect(accountingProblems(plan, md)).toEqual([]);
  });

  it('under a numbered item heading, are sub-points of that item, not new items', () => {
    const md = [
      '## 一、深化课堂改革',
      '',
      '### 1. 推进作业设计改革',
      '',
      '- 开展作业设计评比；',
      '- 建立作业公示制度。',
      '',
      '### 2. 加强教研工作',
      '',
      '- 每月开展集体备课1次。',
    ].join('\n');
    const plan = parseMd(md);
    expect(allItems(plan).map((i) => `${i.number} ${i.title}`)).toEqual(['1 推进作业设计改革', '2 加强教研工作']);
    const [first, second] = allItems(plan);
    expect(first!.points.map((p) => `${p.number}${p.marker}${p.text}@${p.lines.start}`)).toEqual(['1-开展作业设计评比；@5', '2-建立作业公示制度。@6']);
    expect(second!.text).toContain('每月开展集体备课1次。');
    expect(second!.points.flatMap((p) => p.targets.map((t) => t.text))).toEqual(['1次']);
    expect(plan.diagnostics.filter((d) => d.code.startsWith('item-'))).toEqual([]);
    expect(accountingProblems(plan, md)).toEqual([]);
  });

  it('under a section heading before its numbered items, are the section\'s text', () => {
    const md = ['## 一、工作原则', '', '- 坚持立德树人。', '- 坚持改革创新。', '', '## 二、重点任务', '', '1. 推进集团化办学。', '2. 加强教师队伍建设。'].join('\n');
    const plan = parseMd(md);
    expect(plan.sections[0]!.items).toEqual([]);
    expect(plan.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['坚持立德树人。', '坚持改革创新。']);
    expect(allItems(plan).map((i) => i.number)).toEqual([1, 2]);
  });
});
