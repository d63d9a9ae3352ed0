// The outline rules of spec section 2, one focused fixture per rule
// (fixtures/outline/*.txt), plus generated plans for scale.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';
import { buildOutline } from '../src/outline.js';
import { normalise } from '../src/normalise.js';
import { blockOf } from '../src/lines.js';
import type { Item, Plan } from '../src/schema.js';
import { accountingProblems, allItems, fixture, listFixtures } from './helpers.js';

const parse = (name: string): Plan => parsePlan(fixture(`outline/${name}`), { path: name });

/** number, marker, inferred flag and line range of every item, in order. */
const itemShape = (plan: Plan) => allItems(plan).map((it) => `${it.number} ${it.marker ?? '-'} ${it.inferred ? 'inferred ' : ''}${it.lines.start}-${it.lines.end}`);
const codes = (plan: Plan) => plan.diagnostics.map((d) => `${d.line} ${d.code}`);
const sectionOf = (plan: Plan, it: Item) => plan.sections.find((s) => s.items.includes(it) || s.subsections.some((sub) => sub.items.includes(it)))?.number ?? null;

describe('every outline fixture', () => {
  for (const name of listFixtures('outline')) {
    it(`${name}: every line accounted for, every node carries a line range inside the file`, () => {
      const text = fixture(`outline/${name}`);
      const plan = parsePlan(text, { path: name });
      expect(accountingProblems(plan, text)).toEqual([]);
      const lineCount = plan.source.lines;
      for (const it of allItems(plan)) {
        expect(it.lines.start).toBeLessThanOrEqual(it.lines.end);
        expect(it.lines.end).toBeLessThanOrEqual(lineCount);
        for (const p of it.points) {
          expect(p.lines.start).toBeGreaterThanOrEqual(it.lines.start);
          expect(p.lines.end).toBeLessThanOrEqual(it.lines.end);
        }
      }
      for (const d of plan.diagnostics) expect(d.line === null || d.line <= lineCount).toBe(true);
    });
  }
});

describe('sections with items numbered across them', () => {
  const plan = parse('continuous.txt');

  it('finds the sections with number, marker, heading and line', () => {
    expect(plan.sections.map((s) => [s.number, s.marker, s.heading, s.lines.start])).toEqual([
      [1, '一、', '坚持党建引领，筑牢教育发展根基', 5],
      [2, '二、', '推进学前教育普惠发展', 11],
      [3, '三、', '促进义务教育优质均衡', 19],
    ]);
  });

  it('cuts a heading that carries body text at the first 。 and keeps the body in text', () => {
    const s3 = plan.sections[2]!;
    expect(s3.heading).toBe('促进义务教育优质均衡');
    expect(s3.text).toBe('促进义务教育优质均衡。坚持公益普惠，统筹城乡学校布局。');
  });

  it('numbers items continuously, each in its section', () => {
    expect(allItems(plan).map((it) => `${sectionOf(plan, it)}/${it.number}`)).toEqual(['1/1', '1/2', '2/3', '2/4', '3/5', '3/6']);
    expect(plan.diagnostics.filter((d) => d.code.startsWith('item-'))).toEqual([]);
  });

  it('gives an item its marker, title, lead and text without the marker', () => {
    const it2 = plan.sections[0]!.items[1]!;
    expect(it2).toMatchObject({ number: 2, marker: '2.', inferred: false, title: '压实全面从严治党责任', lead: '压实全面从严治党责任', lines: { start: 9, end: 9 } });
    expect(it2.text).toBe('压实全面从严治党责任。落实一岗双责，开展廉政风险排查，深化清廉学校建设。');
    // a short lead sentence is the title too, whatever its length
    const it1 = plan.sections[0]!.items[0]!;
    expect([it1.lead, it1.title]).toEqual(['加强政治建设', '加强政治建设']);
  });

  it('attaches an unmarked paragraph after an item to that item', () => {
    const it3 = plan.sections[1]!.items[0]!;
    expect(it3.lines).toEqual({ start: 13, end: 15 });
    expect(it3.text).toContain('新增学位540个。持续推进城镇小区配套园治理');
    expect(plan.sections[1]!.paragraphs).toEqual([]);
  });

  it('puts the guiding paragraph in the preamble and 总之… in the closing', () => {
    expect(plan.preamble.map((p) => p.lines.start)).toEqual([3]);
    expect(plan.preamble[0]!.text).toMatch(/^2024年，全县教育系统/);
    expect(plan.closing.map((p) => [p.lines.start, p.text.slice(0, 3)])).toEqual([[25, '总之，']]);
  });
});

describe('the closing paragraph', () => {
  const plan = parse('closing.txt');
  it('keeps a 总之 paragraph followed by more sections inside the outline', () => {
    const it1 = allItems(plan)[0]!;
    expect(it1.lines).toEqual({ start: 5, end: 7 });
    expect(it1.text).toContain('总之，课堂是育人主阵地');
    expect(plan.sections.map((s) => s.number)).toEqual([1, 2]);
  });
  it('takes the last 综上所述 paragraph as the closing, not the signature', () => {
    expect(plan.closing.map((p) => [p.lines.start, p.lines.end, p.text.slice(0, 4)])).toEqual([[13, 13, '综上所述']]);
  });
});

describe('numbering that restarts in each section', () => {
  const plan = parse('restart.txt');
  it('restarts at 1 without a duplicate diagnostic', () => {
    expect(allItems(plan).map((it) => `${sectionOf(plan, it)}/${it.number}`)).toEqual(['2/1', '2/2', '2/3', '3/1', '3/2']);
    expect(codes(plan).filter((c) => c.includes('item-'))).toEqual([]);
  });
  it('keeps a 总体要求 section without items as a section with its paragraph', () => {
    expect(plan.sections[0]).toMatchObject({ number: 1, heading: '总体要求', items: [] });
    expect(plan.sections[0]!.paragraphs.map((p) => p.lines)).toEqual([{ start: 5, end: 5 }]);
  });
});

describe('sub-sections and sub-points', () => {
  const plan = parse('subsections.txt');
  it('nests (一) and （一） in their section with their items', () => {
    expect(plan.sections.map((s) => [s.number, s.subsections.map((sub) => `${sub.marker}${sub.heading}:${sub.items.map((i) => i.number).join(',')}`)])).toEqual([
      [1, ['（一）强化理论武装:1,2', '（二）加强基层组织建设:3']],
      [2, ['（一）办好人民满意的基础教育:4', '(二)发展现代职业教育:5']],
    ]);
    expect(plan.sections.every((s) => s.items.length === 0)).toBe(true);
    expect(plan.sections[1]!.subsections[0]!.lines).toEqual({ start: 17, end: 17 });
  });
  it('keeps 一是… (1)… ①… under the item in points, never as items', () => {
    const items = allItems(plan);
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(items[0]!.points.map((p) => `${p.marker}${p.number}`)).toEqual(['一是1', '二是2', '三是3']);
    expect(items[0]!.points[1]!.text).toBe('二是抓好专题研讨，');
    expect(items[2]!.points.map((p) => [p.marker, p.text])).toEqual([
      ['（1）', '（1）健全组织设置；'],
      ['（2）', '（2）规范组织生活；'],
      ['（3）', '（3）加强党员管理。'],
    ]);
    expect(items[3]!.points.map((p) => p.marker)).toEqual(['①', '②', '③']);
    expect(items[4]!.points).toEqual([]);
  });
  it('reports no numbering problem', () => {
    expect(plan.diagnostics.filter((d) => /number/.test(d.code))).toEqual([]);
  });
});

describe('sub-points on lines of their own', () => {
  const plan = parse('points-lines.txt');
  const items = allItems(plan);
  it('attaches the point lines to the item and gives every point its own line', () => {
    expect(items.map((i) => `${i.number} ${i.lines.start}-${i.lines.end}`)).toEqual(['1 5-8', '2 10-13', '3 15-15', '4 19-22']);
    expect(items[0]!.points.map((p) => `${p.number}@${p.lines.start}-${p.lines.end}`)).toEqual(['1@6-6', '2@7-7', '3@8-8']);
    expect(items[1]!.points.map((p) => `${p.marker}@${p.lines.start}`)).toEqual(['一是@11', '二是@12', '三是@13']);
    expect(items[3]!.points.map((p) => `${p.marker}@${p.lines.start}`)).toEqual(['①@20', '②@21', '③@22']);
  });
  it('keeps the point lines in the item text', () => {
    expect(items[1]!.text).toBe('关心教师身心健康。一是落实教师待遇保障政策，确保教师平均工资收入不低于当地公务员平均工资收入水平；二是开展教师健康体检；三是评选表彰优秀教师。');
  });
});

describe('items that lost their number', () => {
  const plan = parse('inferred.txt');
  it('infers the unmarked first item of a section and an unmarked item between n and n+2', () => {
    expect(itemShape(plan)).toEqual(['1 - inferred 5-5', '2 2. 7-7', '3 3. 9-9', '4 - inferred 11-11', '5 5. 13-13', '6 6. 19-19', '8 8. 25-25']);
    const inferred = allItems(plan).filter((i) => i.inferred);
    expect(inferred.map((i) => [i.marker, i.lead])).toEqual([
      [null, '抓实常规管理'],
      [null, '推进校园文化建设'],
    ]);
    expect(allItems(plan)[2]!.text).toBe('做好后勤服务。规范食堂管理，确保师生饮食安全。');
  });
  it('drops the bare number of a marker that lost its punctuation (4推进…) from the inferred item', () => {
    expect(allItems(plan)[3]!.text).toBe('推进校园文化建设。打造书香校园，开展读书节活动，营造浓厚育人氛围。');
  });
  it('reports every inference with its line', () => {
    expect(codes(plan)).toContain('5 item-number-inferred');
    expect(codes(plan)).toContain('11 item-number-inferred');
  });
  it('never turns an introduction ending in ： into an item; the gap is reported', () => {
    expect(plan.sections[1]!.paragraphs.map((p) => p.lines.start)).toEqual([17]);
    expect(plan.sections[2]!.paragraphs.map((p) => p.text)).toEqual(['为确保各项任务落到实处，提出如下要求：']);
    expect(codes(plan)).toContain('25 item-number-gap');
  });
});

describe('numbering gaps and duplicates', () => {
  const plan = parse('gaps.txt');
  it('keeps 1, 2, 2, 4 as written and reports a duplicate and a gap with their lines', () => {
    expect(allItems(plan).map((i) => i.number)).toEqual([1, 2, 2, 4]);
    expect(plan.diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([
      [7, 'item-number-duplicate', 'warning'],
      [9, 'item-number-gap', 'warning'],
    ]);
    expect(plan.diagnostics[1]!.message).toBe('item numbering jumps from 2 to 4');
  });
});

describe('a plan with items and no sections', () => {
  const plan = parse('no-sections.txt');
  it('puts the items at the top level', () => {
    expect(plan.sections).toEqual([]);
    expect(itemShape(plan)).toEqual(['1 1． 5-5', '2 2． 7-11', '3 3． 13-13']);
  });
  it('never reads 2024年… or 10.5%… at the start of a line as an item', () => {
    expect(plan.items[1]!.text).toContain('2024年，全区义务教育巩固率达到99.5%');
    expect(plan.items[1]!.text).toContain('10.5%的学校尚未达到标准化建设要求');
    expect(plan.diagnostics.filter((d) => d.code.startsWith('item-'))).toEqual([]);
  });
});

describe('a plan without sections whose first item lost its number', () => {
  const plan = parse('no-sections-inferred.txt');
  it('infers item 1 from the last preamble paragraph, keeping the guiding paragraph', () => {
    expect(itemShape(plan)).toEqual(['1 - inferred 5-5', '2 2. 7-7', '3 3. 9-9']);
    expect(plan.items[0]!.title).toBe('加强师德师风建设');
    expect(plan.preamble.map((p) => p.lines.start)).toEqual([3]);
    expect(codes(plan)).toContain('5 item-number-inferred');
  });
  it('never takes a guiding paragraph that opens with a year', () => {
    const text = '某区教育局2025年工作要点\n\n2025年是“十四五”规划收官之年。全区要锚定目标。\n\n2.推进教育公平。完善控辍保学机制。\n';
    const p = parsePlan(text);
    expect(p.preamble.map((x) => x.lines.start)).toEqual([3]);
    expect(p.items.map((i) => i.number)).toEqual([2]);
    expect(p.diagnostics.map((d) => d.code)).toContain('item-number-gap');
  });
});

describe('(一) as the top level of a plan without 一、', () => {
  const plan = parse('subsection-top.txt');
  it('makes every (一) a section', () => {
    expect(plan.sections.map((s) => [s.number, s.marker, s.heading, s.items.map((i) => i.number)])).toEqual([
      [1, '（一）', '加强德育工作', [1, 2]],
      [2, '（二）', '抓好教学常规', [3]],
      [3, '（三）', '强化安全管理', [4]],
    ]);
    expect(plan.sections.every((s) => s.subsections.length === 0)).toBe(true);
    expect(plan.preamble).toHaveLength(1);
  });
});

describe('item markers', () => {
  const plan = parse('mixed-markers.txt');
  it('reads 1. 1、 1． 1) 1） and full-width ６． as items with their markers as written', () => {
    expect(allItems(plan).map((i) => `${i.number}${i.marker}`)).toEqual(['11.', '22、', '33．', '44)', '55）', '6６．']);
    expect(plan.diagnostics.filter((d) => d.code.startsWith('item-'))).toEqual([]);
  });
});

describe('section numerals beyond ten', () => {
  const plan = parse('high-sections.txt');
  it('reads 九、 十、 十一、 二十、 九十九、', () => {
    expect(plan.sections.map((s) => `${s.number}${s.marker}${s.heading}`)).toEqual(['9九、推进体育美育工作', '10十、加强劳动教育', '11十一、深化家校社协同育人', '20二十、推进教育数字化', '99九十九、其他工作']);
  });
  it('reports the jumps in section numbering with their lines', () => {
    expect(codes(plan).filter((c) => c.includes('section-'))).toEqual(['3 section-number-gap', '15 section-number-gap', '19 section-number-gap']);
  });
});

describe('full-width text, NBSP, U+3000 and zero-width characters', () => {
  const plan = parse('fullwidth.txt');
  it('folds １． and （１） for matching and keeps the text as written', () => {
    expect(itemShape(plan)).toEqual(['1 １． 5-5', '2 ２． 8-11', '3 ３． 15-15']);
    const it2 = allItems(plan)[1]!;
    expect(it2.points.map((p) => `${p.marker}${p.number}@${p.lines.start}`)).toEqual(['（１）1@11', '（２）2@11']);
    expect(allItems(plan)[2]!.text).toContain('ＳＴＥＡＭ教育覆盖率达到５０％。');
  });
  it('drops the invisible characters and the indentation', () => {
    expect(plan.sections.map((s) => s.heading)).toEqual(['加强德育工作', '提升教学质量']);
    expect(plan.sections[0]!.marker).toBe('一、');
  });
  it('removes filler lines of NBSP and zero-width characters as boilerplate', () => {
    expect(plan.boilerplate.map((b) => [b.line, b.reason])).toEqual([
      [7, 'blank-filler'],
      [10, 'blank-filler'],
    ]);
  });
});

// Chinese numerals 1…n for generated plans.
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? `${CN[h]}百` : '';
  if (t) s += `${t === 1 && !h ? '' : CN[t]}十`;
  else if (h && u) s += '零';
  return s + CN[u];
}

describe('a plan with 200 sections', () => {
  const lines = ['某县教育局工作要点', ''];
  for (let n = 1; n <= 200; n++) lines.push(`${chinese(n)}、第${n}项重点工作`, '', `${n}.落实第${n}项重点任务。按计划推进各项措施。`, '');
  const text = lines.join('\n');
  const plan = parsePlan(text);
  it('numbers all 200 sections, 一百零一、 and 二百、 included', () => {
    expect(plan.sections).toHaveLength(200);
    expect(plan.sections.map((s) => s.number)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(plan.sections[100]!.marker).toBe('一百零一、');
    expect(plan.sections[199]!.marker).toBe('二百、');
    expect(plan.sections[199]!.items.map((i) => i.number)).toEqual([200]);
    expect(plan.diagnostics.filter((d) => /number/.test(d.code))).toEqual([]);
    expect(accountingProblems(plan, text)).toEqual([]);
  });
});

describe('no outline', () => {
  it('gives a valid document with a no-outline diagnostic for prose', () => {
    const plan = parsePlan('今天天气晴朗，学校组织学生开展了春游活动。\n同学们玩得很开心。\n');
    expect([plan.sections, plan.items]).toEqual([[], []]);
    const outlineCodes = plan.diagnostics.map((d) => d.code).filter((c) => /outline|item|section|empty/.test(c));
    expect(outlineCodes).toEqual(['no-outline']);
  });
  it('gives empty-input for an empty or whitespace-only text', () => {
    for (const text of ['', '\n\n', ' \u3000\u00a0\n\t\n']) {
      const plan = parsePlan(text);
      expect([plan.preamble, plan.sections, plan.items, plan.closing]).toEqual([[], [], [], []]);
      expect(plan.diagnostics.map((d) => d.code)).toEqual(['empty-input']);
    }
  });
});

// The outline stages alone (normalise → outline → points): the stages of
// other files are timed by the benchmark. Budgets leave room for a busy machine.
const outlineOf = (text: string) => buildOutline(normalise(text).map(blockOf));

describe('outline speed', () => {
  it('reads a fuzzed 1 MB line full of point markers in well under a second', () => {
    const parts = ['1.推进工作。'];
    for (let i = 0; i < 50000; i++) parts.push(`一是加强管理，（${(i % 99) + 1}）完善制度；①落实责任，`);
    const line = parts.join('');
    expect(line.length).toBeGreaterThan(1_000_000);
    const t = performance.now();
    const outline = outlineOf(line);
    expect(performance.now() - t).toBeLessThan(1000);
    // (1)…(99) is the first run 1, 2, 3 … that gets past 2
    expect(outline.items[0]!.points.map((p) => p.number)).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
  });

  it('reads an item of 100 000 continuation paragraphs with points in linear time', () => {
    const many = ['1.推进工作。一是加强管理；'];
    for (let i = 1; i <= 100000; i++) many.push(i % 10000 === 0 ? `${'二三四五六七八九十'[i / 10000 - 1]}是继续推进；` : '持续完善相关制度，推动工作落地见效。');
    const t = performance.now();
    const outline = outlineOf(many.join('\n'));
    expect(performance.now() - t).toBeLessThan(1500);
    const item = outline.items[0]!;
    expect(item.lines).toEqual({ start: 1, end: 100001 });
    expect(item.points.map((p) => p.lines.start)).toEqual([1, 10001, 20001, 30001, 40001, 50001, 60001, 70001, 80001, 90001]);
    // a point runs up to the next one; the last one ends with its sentence (the next 。)
    expect(item.points[8]!.lines).toEqual({ start: 80001, end: 90000 });
    expect(item.points[9]!.lines).toEqual({ start: 90001, end: 90002 });
  });
});

describe('a document in parts (第一部分 2023年工作总结 / 第二部分 2024年工作计划)', () => {
  const text = [
    '某县教育局2023年工作总结及2024年工作计划',
    '第一部分 2023年工作总结',
    '2023年，全县教育事业取得显著成效。',
    '一、资源扩容提质。全年新建学校13所，普惠性幼儿园覆盖率达到93.6%。',
    '二、队伍不断壮大。公开招聘教师650名。',
    '第二部分 2024年工作计划',
    '2024年，重点抓好以下工作：',
    '一、聚焦扩容提质',
    '1.加快学校建设。新建学校10所，公办园在园幼儿占比提升至65%。',
    '二、聚焦队伍建设',
    '1.补充教师。全年招聘教师不少于500名。',
  ].join('\n');
  const plan = parsePlan(text);
  const statuses = (nodes: Array<{ targets: Array<{ text: string; status: string }> }>) => nodes.flatMap((n) => n.targets.map((t) => `${t.text}:${t.status}`));

  it('each part numbers its sections from 一 with no duplicate warning, and the part heading closes the item before it', () => {
    expect(plan.sections.map((s) => `${s.number} ${s.heading}`)).toEqual(['1 资源扩容提质', '2 队伍不断壮大', '1 聚焦扩容提质', '2 聚焦队伍建设']);
    expect(plan.diagnostics.filter((d) => d.code.startsWith('section-'))).toEqual([]);
    expect(plan.sections[1]!.paragraphs.map((p) => p.text)).toEqual(['第二部分 2024年工作计划', '2024年，重点抓好以下工作：']);
  });

  it('the figures of the review part are achieved, those of the plan part are targets', () => {
    expect(statuses(plan.sections.slice(0, 2))).toEqual(['13所:achieved', '达到93.6%:achieved', '650名:achieved']);
    expect(statuses(plan.sections.slice(2).flatMap((s) => s.items))).toEqual(['10所:target', '提升至65%:target', '不少于500名:target']);
  });
});

describe('sub-sections whose opening bracket was lost', () => {
  it('一） 二） are sub-sections of the section above, with their items', () => {
    const plan = parsePlan(['某学区2024年工作计划', '二、主要工作', '一）加强党建和师德师风建设', '1）落实“三会一课”制度。', '2）开展师德专题教育。', '二）提升教育教学质量', '1）推进课堂改革。'].join('\n'));
    expect(plan.sections[0]!.subsections.map((s) => `${s.number} ${s.heading} ${s.items.length}`)).toEqual(['1 加强党建和师德师风建设 2', '2 提升教育教学质量 1']);
  });
});

describe('a dated heading between sections (2023年工作回顾 … 2024年工作计划)', () => {
  it('sets the phase of the sections after it, as a part heading does', () => {
    const plan = parsePlan(['某县2024年教育工作要点', '2023年工作回顾', '一、质量提升', '高考上线人数1862人，较上年增加156人。', '2024年工作计划', '二、提高质量', '1.上线率较上年提高2个百分点。'].join('\n'));
    const all = [...plan.sections.flatMap((s) => s.paragraphs), ...plan.sections.flatMap((s) => s.items)];
    expect(all.flatMap((n) => n.targets.map((t) => `${t.text}:${t.status}`))).toEqual(['1862人:achieved', '156人:achieved', '2个百分点:target']);
  });

  it('a dated line inside an item does not', () => {
    const plan = parsePlan(['某县2024年教育工作要点', '一、加强管理', '1.完善制度。', '2023年完成情况', '新建学校3所。', '二、提高质量', '1.新建学校5所。'].join('\n'));
    expect(plan.sections[1]!.items[0]!.targets.map((t) => t.status)).toEqual(['target']);
  });
});

describe('plans that number their tasks another way', () => {
  it('(1) lines are the items of a plan with no 1. level', () => {
    const plan = parsePlan(['某县2024年教育工作要点', '一、党建引领', '（1）落实全面从严治党主体责任。全年集中学习不少于12次。', '（2）加强意识形态阵地管理。', '二、质量提升', '（3）提升学前教育普及水平。'].join('\n'));
    expect(plan.sections.map((s) => s.items.map((i) => `${i.number} ${i.marker} ${i.title}`))).toEqual([['1 （1） 落实全面从严治党主体责任', '2 （2） 加强意识形态阵地管理'], ['3 （3） 提升学前教育普及水平']]);
  });

  it('(1) lines inside items stay points', () => {
    const plan = parsePlan(['某县2024年教育工作要点', '一、党建引领', '1.落实主体责任。', '（1）全年集中学习不少于12次。', '（2）开展专题培训。', '2.加强阵地管理。'].join('\n'));
    expect(plan.sections[0]!.items.map((i) => [i.number, i.points.length])).toEqual([[1, 2], [2, 0]]);
  });

  it('a section heading set in brackets (【一、办好人民满意教育】) is a section', () => {
    const plan = parsePlan(['某市教育局2024年工作计划', '【一、办好人民满意教育】', '⒈完善学校布局规划。启动新建学校8所。', '【二、深化教育综合改革】', '⒉推进改革。交流轮岗比例不低于10%。'].join('\n'));
    expect(plan.sections.map((s) => `${s.number} ${s.heading} ${s.items.length}`)).toEqual(['1 办好人民满意教育 1', '2 深化教育综合改革 1']);
  });
});

describe('sub-sections numbered straight through the document', () => {
  it('(四) opening section 二 after (三) in section 一 is no gap', () => {
    const plan = parsePlan(['某县2024年工作要点', '一、加强党建', '（一）强化理论武装。', '（二）夯实基层组织。', '二、提升质量', '（三）推进课堂改革。', '（四）加强教研。'].join('\n'));
    expect(plan.sections.map((s) => s.subsections.map((u) => u.number))).toEqual([[1, 2], [3, 4]]);
    expect(plan.diagnostics.filter((d) => d.code.startsWith('subsection-'))).toEqual([]);
  });
  it('a section whose first sub-section skips is still reported', () => {
    const plan = parsePlan(['某县2024年工作要点', '一、加强党建', '（一）强化理论武装。', '二、提升质量', '（五）推进课堂改革。'].join('\n'));
    expect(plan.diagnostics.map((d) => d.code)).toContain('subsection-number-gap');
  });
});

describe('found by the hostile tester', () => {
  it('a routine list repeated under two months is kept (no section heading in the run: no article printed twice)', () => {
    const months = ['1.召开全体教职工大会。', '2.开展校园安全隐患排查。', '3.组织教师业务学习。', '4.开展学科教研活动。', '5.做好校园环境整治。'];
    const plan = parsePlan(['某中心小学2024年春季学期工作计划', '一、指导思想', '以立德树人为根本任务。', '二、月工作安排', '（一）三月份', ...months, '（二）四月份', ...months].join('\n'));
    expect(plan.sections[1]!.subsections.map((s) => s.items.length)).toEqual([5, 5]);
    expect(plan.boilerplate.filter((b) => b.reason === 'repeated')).toEqual([]);
  });

  it('三、四年级 inside an item is no glued section', () => {
    const plan = parsePlan(['某县教育局2024年工作要点', '一、加强党的建设', '1.学习精神。', '二、提升质量', '1.规范办学行为，开展小学三、四年级学生课后服务。', '三、保障措施', '1.强化经费保障。'].join('\n'));
    expect(plan.sections.map((s) => `${s.number} ${s.heading}`)).toEqual(['1 加强党的建设', '2 提升质量', '3 保障措施']);
  });

  it('a short line opening with a breadcrumb keeps the title after it', () => {
    const plan = parsePlan(['首页 > 政务公开 > 部门文件 > 区教育局 某区教育局2024年工作要点', '2024年是关键之年。', '一、加强党建', '1.学习。'].join('\n'));
    expect([plan.meta.title, plan.preamble.map((p) => p.text)]).toEqual(['某区教育局2024年工作要点', ['2024年是关键之年。']]);
  });

  it('a bracketed heading has no closing bracket in its text', () => {
    const plan = parsePlan(['某市教育局2024年工作计划', '【一、办好人民满意教育】', '1.完善学校布局规划。'].join('\n'));
    expect([plan.sections[0]!.heading, plan.sections[0]!.text]).toEqual(['办好人民满意教育', '办好人民满意教育']);
  });

  it('attachment entries named by year are listed without their numbers', () => {
    const plan = parsePlan(['某区教育局关于印发《某区教育局2024年工作要点》的通知', '各学校：', '现将《某区教育局2024年工作要点》印发给你们，请认真贯彻执行。', '附件：1.2024年重点工作任务分工', '2.2024年督导计划', '某区教育局', '2024年1月20日', '某区教育局2024年工作要点', '一、加强党建', '1.学习。'].join('\n'));
    expect(plan.meta.notice!.attachments).toEqual(['2024年重点工作任务分工', '2024年督导计划']);
  });
});

describe('continuation paragraphs of an item', () => {
  it('join Chinese without a space, but never glue two figures into one', () => {
    const plan = parsePlan(['2024年工作要点', '1.推进普惠发展。覆盖率达到92%', '2 公办园在园幼儿占比 60', '66 学前教育', '学前三年毛入园率稳定'].join('\n'));
    const item = plan.items[0]!;
    expect(item.text).toBe('推进普惠发展。覆盖率达到92% 2 公办园在园幼儿占比 60 66 学前教育学前三年毛入园率稳定');
    // the figures stay apart: 92 and 60, never 922 or 6066
    expect(item.targets.map((t) => t.value)).toEqual([92]);
  });
});

describe('an item whose title stands on a line of its own', () => {
  it('joins its body with a space, so the title names no figure of the body', () => {
    const plan = parsePlan('2024年工作要点\n一、加强党的建设\n1.深入推进党建引领\n落实校长负责制，培育党建工作示范校5所。\n2.加强思想政治教育\n每学期开展活动不少于4次。\n');
    const [first, second] = plan.sections[0]!.items;
    expect(first!.title).toBe('深入推进党建引领');
    expect(second!.text).toBe('加强思想政治教育 每学期开展活动不少于4次。');
    expect(second!.targets.map((t) => t.indicator)).toEqual(['每学期开展活动']);
  });
  it('a first line that ends on a comma or a full stop joins as before', () => {
    const plan = parsePlan('2024年工作要点\n1.加强党建。落实责任。\n培育示范校5所。\n');
    expect(plan.items[0]!.text).toBe('加强党建。落实责任。培育示范校5所。');
  });
});
