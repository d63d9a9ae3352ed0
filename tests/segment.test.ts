// Outline markers inside paragraphs: a new node where the numbering continues
// after a sentence end, a colon, a space or a short heading; never inside a sentence.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';
import { headingOf } from '../src/outline.js';
import { allItems } from './helpers.js';

const outline = (text: string) => {
  const plan = parsePlan(text);
  return {
    sections: plan.sections.map((s) => `${s.number} ${s.heading}`),
    subsections: plan.sections.flatMap((s) => s.subsections.map((sub) => `${s.number}.${sub.number} ${sub.heading}`)),
    items: allItems(plan).map((it) => `${it.number} ${it.title}`),
    plan,
  };
};

describe('markers inside a flattened paragraph', () => {
  it('splits a one-line plan at sections, sub-sections and items that continue the numbering', () => {
    const o = outline('某区2023年控辍保学工作方案\n为了做好工作，特制定本方案。一、指导思想坚持立德树人，共同参与控辍保学工作。二、工作目标压实学校和家长的控辍保学责任，确保不产生新的辍学生。三、主要措施（一）以法控辍，加大宣传力度1.各学校要开展宣传。2.社会事业处负责协调。（二）以管控辍，强化措施1.各学校要明确责任。2.各学校要摸清底数。');
    expect(o.sections).toEqual(['1 指导思想', '2 工作目标', '3 主要措施']);
    expect(o.subsections).toEqual(['3.1 以法控辍，加大宣传力度', '3.2 以管控辍，强化措施']);
    expect(o.items).toEqual(['1 各学校要开展宣传', '2 社会事业处负责协调', '1 各学校要明确责任', '2 各学校要摸清底数']);
    expect(o.plan.preamble.map((p) => p.text)).toEqual(['为了做好工作，特制定本方案。']);
    // The heading ends where the body begins; the body stays in the text.
    expect(o.plan.sections[0]!.text).toBe('指导思想坚持立德树人，共同参与控辍保学工作。');
  });

  it('never starts a node at a number inside a sentence', () => {
    const o = outline('一、工作安排\n1.加强管理。8月19日至31日开展排查，1.8月19日前完成；增长3.5%，投入1.2亿元，推进2.0版平台。2.做好督导。\n');
    expect(o.items).toEqual(['1 加强管理', '2 做好督导']);
  });

  it('does not split at a marker that does not continue the numbering', () => {
    const o = outline('一、工作目标\n1.建设学校。本项工作分为：3.规划阶段；5.实施阶段。\n2.培训教师。\n');
    expect(o.items).toEqual(['1 建设学校', '2 培训教师']);
  });

  it('takes (一) as the top level when there is no 一、 and lets items restart under each', () => {
    const o = outline('某校工作计划\n（一）加强管理1.完善制度。2.落实责任。（二）提高质量1.开展教研。2.加强培训。\n');
    expect(o.sections).toEqual(['1 加强管理', '2 提高质量']);
    expect(o.items).toEqual(['1 完善制度', '2 落实责任', '1 开展教研', '2 加强培训']);
  });

  it('reads stopped and bracketed numerals: ⒈ ㈠', () => {
    const o = outline('一、重点工作\n㈠改善办学条件\n⒈完成教学楼建设。\n⒉完成田径场建设。\n');
    expect(o.subsections).toEqual(['1.1 改善办学条件']);
    expect(o.items).toEqual(['1 完成教学楼建设', '2 完成田径场建设']);
  });

  it('records the line and column where a split node starts', () => {
    const plan = parsePlan('某校2024年工作计划\n前言。一、指导思想。二、工作目标。\n');
    expect(plan.sections.map((s) => s.lines)).toEqual([{ start: 2, end: 2 }, { start: 2, end: 2 }]);
  });
});

describe('headingOf', () => {
  it.each([
    ['指导思想坚持习近平新时代中国特色社会主义思想为指导，坚持依法控辍。', '指导思想'],
    ['总体目标以窗口效率优先为原则，找准平衡点。', '总体目标'],
    ['2023年工作计划', '2023年工作计划'],
    ['存在问题回顾今年以来的工作，虽然取得了一些成绩。', '存在问题'],
    ['指导思想和工作目标坚持以习近平新时代中国特色社会主义思想为指导。', '指导思想和工作目标坚持以习近平新时代中国特色社会主义思想为指导'],
    ['指导思想: 本年度,我校德育工作的指导思想是', '指导思想'],
    ['主要目标任务 抓好一个重点:区域教育优质均衡发展', '主要目标任务'],
    ['加强党的建设，全面从严治党。', '加强党的建设，全面从严治党'],
    ['重点工作任务清单', '重点工作任务清单'],
  ])('%s → %s', (text, heading) => {
    expect(headingOf(text)).toBe(heading);
  });
});

describe('a section glued to the sentence before it (a crawler dropped the full stop)', () => {
  it('starts the very next section when it opens a heading-shaped sentence', () => {
    const o = outline('某会2021年统计工作要点\n一、坚持依法统计。加强统计工作，确保数据全面、及时、准确二、推进统计现代化改革。认真落实改革要求。三、丰富统计内容。开展专题分析。');
    expect(o.sections).toEqual(['1 坚持依法统计', '2 推进统计现代化改革', '3 丰富统计内容']);
    expect(o.plan.sections[0]!.text).toBe('坚持依法统计。加强统计工作，确保数据全面、及时、准确');
  });

  it('not after 第, not inside a list of numerals, not when the number does not continue, not before a long clause', () => {
    const o = outline(
      '某校工作计划\n一、加强管理。做好第二、三批次的审核。落实一二、三年级的课程安排。开展四、五项改革。\n二、提高质量。推进三、四年级开展阅读活动，每周不少于两次，持续提高学生的阅读兴趣和阅读能力。',
    );
    expect(o.sections).toEqual(['1 加强管理', '2 提高质量']);
    const glued = outline('某校工作计划\n一、加强管理。完善制度要求三、开展工作，落实到人。');
    expect(glued.sections).toEqual(['1 加强管理']);
  });

  it('an ASCII period between Chinese characters ends a heading and a lead sentence; between digits it does not', () => {
    const o = outline('某会工作要点\n一、推动统计工作规范化、标准化.继续开展标准编制工作，完成导则报审。\n1.加强队伍建设.提高干部素质。\n2.增长3.5个百分点。');
    expect(o.sections).toEqual(['1 推动统计工作规范化、标准化']);
    expect(o.items).toEqual(['1 加强队伍建设', '2 增长3.5个百分点']);
  });
});

describe('a quotation mark left open in a heading', () => {
  it('does not hide the sub-section that follows', () => {
    expect(outline('2024年工作要点\n一、落实“双减政策（一）加强作业管理。1.控制作业总量。').subsections).toEqual(['1.1 加强作业管理']);
    expect(outline('2024年工作要点\n一、“五育并举（一）德育。开展活动。（二）智育。提升质量。').subsections).toEqual(['1.1 德育', '1.2 智育']);
  });

  it('a closed quotation in a heading, and a quotation in a sentence, are read as before', () => {
    expect(outline('2024年工作要点\n一、落实“双减”政策（一）加强作业管理。').subsections).toEqual(['1.1 加强作业管理']);
    expect(outline('2024年工作要点\n一、总体要求。坚持“（一）号工程”不动摇。').subsections).toEqual([]);
  });
});

describe('a heading flattened into its first paragraph', () => {
  const page = '区教育局2024年工作要点 2024年是关键一年。 一、坚持党建引领，强化党对教育工作的全面领导 加强思想政治建设。深入学习党的理论。 2. 提升基层党建质量。扎实推进规范化建设。 二、深化教育改革 推进资源均衡配置。按计划新建学校。 2. 强化教师队伍建设。以师德为先。';
  it('ends the heading at the space before a sentence, and the unnumbered first item is inferred', () => {
    const o = outline(page);
    expect(o.sections).toEqual(['1 坚持党建引领，强化党对教育工作的全面领导', '2 深化教育改革']);
    expect(o.items).toEqual(['1 加强思想政治建设', '2 提升基层党建质量', '1 推进资源均衡配置', '2 强化教师队伍建设']);
    expect(o.plan.sections[0]!.items[0]!.inferred).toBe(true);
  });
  it('keeps a heading of two phrases whole, and a space in brackets or after a glued marker is no line end', () => {
    const twoPhrases = outline('2024年工作要点\n三、强化保障 确保落实 1.加强组织领导。成立领导小组。');
    expect(twoPhrases.plan.sections[0]!.text).toBe('强化保障 确保落实');
    expect(twoPhrases.items).toEqual(['1 加强组织领导']);
    expect(outline('2024年工作要点\n一、执法任务分解（一）监督检查工作（684 个工作日）根据规定安排检查。其余照常。').subsections).toEqual(['1.1 监督检查工作（684 个工作日）根据规定安排检查']);
    expect(outline('2024年工作要点\n一、执法监督检查计划（一） 开展财经纪律检查。按季度推进。').subsections).toEqual(['1.1 开展财经纪律检查']);
  });
});

describe('a heading with a space inside', () => {
  it('keeps a cut word or a year whole (三、加强 党建, 一、2024年 工作目标)', () => {
    expect(headingOf('加强 党建')).toBe('加强 党建');
    expect(headingOf('2024年 工作目标')).toBe('2024年 工作目标');
  });
  it('a name before a body still ends there (主要目标任务 抓好一个重点…)', () => {
    expect(headingOf('主要目标任务 抓好一个重点:区域教育优质均衡发展')).toBe('主要目标任务');
  });
});
