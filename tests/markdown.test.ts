// Markdown input: headings and list entries feed the same outline as plain
// text, with line ranges that point at the Markdown source lines.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { markdownLines } from '../src/markdown.js';
import { normalise } from '../src/normalise.js';
import { parsePlanFile } from '../src/read.js';
import { FIXTURES, accountingProblems, allItems, fixture } from './helpers.js';

const load = (name: string) => parsePlanFile(join(FIXTURES, 'outline', name));
const lines = (md: string) => markdownLines(md, normalise(md)).map((l) => [l.no, l.text, l.heading ?? null, l.list ? `depth ${l.list.depth} ${l.list.ordered ? 'ordered' : 'bullet'} ${l.list.number} ${l.list.marker}` : null, l.last ?? null]);

describe('markdownLines', () => {
  it('keeps every source line, with the block text on the line it starts on', () => {
    expect(lines('# 一、加强党建\n\n正文第一行，\n正文第二行。\n')).toEqual([
      [1, '一、加强党建', 1, null, null],
      [2, '', null, null, null],
      [3, '正文第一行，正文第二行。', null, null, 4],
      [4, '', null, null, null],
    ]);
  });

  it('keeps the number of ordered entries in the text and marks nested entries', () => {
    expect(lines('3) 甲项工作。\n4) 乙项工作：\n   - 子项一；\n   - 子项二。\n- 丙项工作。')).toEqual([
      [1, '3) 甲项工作。', null, 'depth 1 ordered 3 3)', null],
      [2, '4) 乙项工作：', null, 'depth 1 ordered 4 4)', null],
      [3, '子项一；', null, 'depth 2 bullet 1 -', null],
      [4, '子项二。', null, 'depth 2 bullet 2 -', null],
      [5, '丙项工作。', null, 'depth 1 bullet 1 -', null],
    ]);
  });

  it('drops the Markdown syntax, not the text', () => {
    expect(lines('1. **加强**党建，落实`第一议题`制度。')[0]![1]).toBe('1. 加强党建，落实第一议题制度。');
  });
});

describe('headings with numeral markers', async () => {
  const plan = await load('numbered-headings.md');
  const source = fixture('outline/numbered-headings.md');

  it('reads ## 一、 as sections and ### （一） as sub-sections, on their source lines', () => {
    expect(plan.source.format).toBe('markdown');
    expect(plan.sections.map((s) => [s.number, s.marker, s.heading, s.lines.start])).toEqual([
      [1, '一、', '加强党的全面领导', 6],
      [2, '二、', '推进教育均衡发展', 18],
    ]);
    expect(plan.sections[0]!.subsections.map((s) => [s.number, s.heading, s.lines.start, s.items.map((i) => i.number)])).toEqual([
      [1, '强化政治引领', 8, [1, 2]],
      [2, '加强基层党建', 14, [3]],
    ]);
  });

  it('reads ordered list entries as items, a wrapped entry spanning its lines', () => {
    expect(allItems(plan).map((i) => `${i.number}${i.marker}@${i.lines.start}-${i.lines.end}`)).toEqual(['11.@10-11', '22.@12-12', '33.@16-16', '44.@20-20', '55.@21-23']);
    expect(allItems(plan)[0]!.text).toBe('深入学习党的二十大精神。健全理论学习制度，推动学习走深走实。');
  });

  it('keeps a nested bullet list as sub-points of its item, never as items', () => {
    const it5 = allItems(plan)[4]!;
    expect(it5.points.map((p) => [p.number, p.marker, p.text, p.lines.start])).toEqual([
      [1, '-', '实施乡村教师支持计划；', 22],
      [2, '-', '推进城乡学校结对帮扶。', 23],
    ]);
  });

  it('finds the preamble and the closing and accounts for every line', () => {
    expect(plan.preamble.map((p) => p.lines)).toEqual([{ start: 3, end: 4 }]);
    expect(plan.closing.map((p) => p.lines.start)).toEqual([25]);
    expect(accountingProblems(plan, source)).toEqual([]);
  });
});

describe('headings without numeral markers', async () => {
  const plan = await load('plain-headings.md');
  const source = fixture('outline/plain-headings.md');

  it('numbers ## headings as sections and nests ### headings as sub-sections', () => {
    expect(plan.sections.map((s) => [s.number, s.marker, s.heading, s.lines.start, s.subsections.map((sub) => sub.heading)])).toEqual([
      [1, '##', '指导思想', 3, []],
      [2, '##', '重点工作', 7, ['德育工作', '教学工作']],
      [3, '##', '保障措施', 21, []],
    ]);
  });

  it('reads ordered entries as items with their numbers, and bullets beside them as the text of their heading', () => {
    const [moral, teaching] = plan.sections[1]!.subsections;
    // the plan numbers its items (1. 2.), so the bullets are no item level of their own
    expect(moral!.items).toEqual([]);
    expect(moral!.paragraphs.map((p) => `${p.text}@${p.lines.start}`)).toEqual(['开展理想信念教育。组织主题班会和升旗仪式。@11', '加强心理健康教育。每校配备专职心理教师。@12']);
    expect(teaching!.items.map((i) => `${i.number}${i.marker}@${i.lines.start}-${i.lines.end}`)).toEqual(['11.@16-16', '22.@17-19']);
    expect(plan.diagnostics.filter((d) => d.code.startsWith('item-'))).toEqual([]);
  });

  it('keeps a nested ordered list as sub-points', () => {
    const it2 = plan.sections[1]!.subsections[1]!.items[1]!;
    expect(it2.points.map((p) => `${p.number}${p.marker}${p.text}@${p.lines.start}`)).toEqual(['11.开展集体备课；@18', '22.组织优质课评选。@19']);
    expect(it2.text).toBe('加强教研工作。开展集体备课；组织优质课评选。');
  });

  it('keeps unnumbered paragraphs under their heading and accounts for every line', () => {
    expect(plan.sections[0]!.paragraphs.map((p) => p.lines.start)).toEqual([5]);
    expect(plan.sections[2]!.paragraphs.map((p) => p.text)).toEqual(['加强经费保障，确保各项工作顺利开展。']);
    expect(accountingProblems(plan, source)).toEqual([]);
  });
});

describe('code and HTML blocks', () => {
  it('keeps their lines as written, each on its source line, so every line is accounted for', async () => {
    const { parsePlan } = await import('../src/parse.js');
    const md = '# 一、加强党建\n\n```\n示例代码\n\n```\n\n<div>\n<p>说明</p>\n</div>\n\n1. 推进工作。\n';
    const mdLines = markdownLines(md, normalise(md));
    expect(mdLines.filter((l) => l.text !== '').map((l) => `${l.no}:${l.text}`)).toEqual(['1:一、加强党建', '3:```', '4:示例代码', '6:```', '8:<div>', '9:<p>说明</p>', '10:</div>', '12:1. 推进工作。']);
    const plan = parsePlan(md, { format: 'markdown', lines: mdLines });
    expect(accountingProblems(plan, md)).toEqual([]);
    expect(allItems(plan).map((i) => `${i.number}@${i.lines.start}`)).toEqual(['1@12']);
  });
});

describe('a setext heading over several lines', () => {
  it('is the plan lines above a --- or === rule, not one heading', async () => {
    const { parsePlanBytes } = await import('../src/read.js');
    for (const rule of ['---', '===']) {
      const md = `# 某县2024年工作要点\n\n一、加强党建\n1.新建学校3所。\n2.投入资金100万元。\n${rule}\n`;
      const plan = await parsePlanBytes(new Uint8Array(Buffer.from(md)), 'plan.md', 'markdown');
      expect(plan.sections.map((s) => [s.heading, s.items.map((i) => i.text)]), rule).toEqual([['加强党建', ['新建学校3所。', '投入资金100万元。']]]);
    }
  });
  it('a one-line setext heading is still a heading', async () => {
    const { parsePlanBytes } = await import('../src/read.js');
    const plan = await parsePlanBytes(new Uint8Array(Buffer.from('某县2024年工作要点\n===\n\n一、加强党建\n\n1.新建学校3所。\n')), 'plan.md', 'markdown');
    expect(plan.meta.title).toBe('某县2024年工作要点');
  });
});
