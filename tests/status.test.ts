// Commitment or result (spec section 3, "Commitments, not results"): the
// status of a figure from its clause and from the part of the document it
// sits in, as pure functions of text and heading context.
import { describe, expect, it } from 'vitest';
import { clauseStatus, documentContext, figureStatus, headingPhase, inlinePhases, inResultColumn, resultColumns } from '../src/status.js';
import { findTargets } from '../src/targets.js';
import { parsePlan } from '../src/parse.js';
import { allTargets } from './helpers.js';
import { attachTargets } from '../src/attach-targets.js';
import { buildOutline } from '../src/outline.js';
import { normalise } from '../src/normalise.js';
import { reflow } from '../src/reflow.js';

describe('headings that name a part', () => {
  it.each([
    ['主要成效', 'review'],
    ['一、主要工作成效', 'review'],
    ['2022年主要工作开展情况', 'review'],
    ['2023年工作回顾', 'review'],
    ['存在问题', 'review'],
    ['肯定成绩,科学研判,切实增强做好农业农村工作的责任感', 'review'],
    ['2022年法治工作情况', 'review'],
    ['2023年工作计划', 'plan'],
    ['下一步工作打算', 'plan'],
    ['2024年工作安排', 'plan'],
    ['主要目标', 'plan'],
  ])('%s → %s', (heading, phase) => {
    expect(headingPhase(heading, 2023)).toBe(phase);
  });

  it('a heading that only mentions a review word is no review part', () => {
    expect(headingPhase('加强总结评估', 2023)).toBeNull();
    expect(headingPhase('巩固拓展改革成效的若干措施要落实到位', 2023)).toBeNull();
    expect(headingPhase('推进优质均衡', 2023)).toBeNull();
    expect(headingPhase('巩固创建成果', 2023)).toBeNull();
    expect(headingPhase('提升办学成效', 2023)).toBeNull();
  });

  it('the keyword decides, not the year (2023年工作回顾 in a 2024 report, 2023年工作计划)', () => {
    expect(headingPhase('2022年工作', 2023)).toBeNull();
    expect(headingPhase('2023年工作回顾', 2024)).toBe('review');
    expect(headingPhase('2023年工作计划', 2023)).toBe('plan');
  });
});

describe('the document', () => {
  it('a title that reviews a year opens with the review; its plan year is the later one', () => {
    expect(documentContext('某局2022年工作总结暨2023年工作思路', null, '')).toEqual({ planYear: 2023, initial: 'review' });
    expect(documentContext('某区2021年工作总结和2022年工作计划', null, '')).toEqual({ planYear: 2022, initial: 'review' });
    expect(documentContext('某区教育局2024年工作要点', 2024, '')).toEqual({ planYear: 2024, initial: 'plan' });
  });

  it('a plan whose opening only mentions a review in passing opens as a plan', () => {
    expect(documentContext(null, 2024, '为做好今年工作，\n在认真分析2023年工作总结的基础上，现提出2024年工作要点如下。').initial).toBe('plan');
    const plan = parsePlan(['某区教育局2024年工作要点', '在认真分析2023年工作总结的基础上，提出如下要点。', '一、指导思想', '新建学校3所。'].join('\n'));
    expect(allTargets(plan).map((t) => t.status)).toEqual(['target']);
  });

  it('inline headings of a flattened text switch the phase where they start', () => {
    const text = '现将情况总结如下：一、主要成效全年新建学校3所。二、存在问题经费不足。三、2023年工作计划新建学校5所。';
    expect(inlinePhases(text, 2023).map((s) => s.phase)).toEqual(['review', 'review', 'plan']);
  });
});

describe('cues in the clause', () => {
  it.each([
    ['已建成', '已建成', 'achieved'],
    ['累计培训教师', '累计培训教师', 'achieved'],
    ['同比增长', '同比增长', 'achieved'],
    // a comparison with last year says nothing of when: plans set targets that way too
    ['比上年提高', '比上年提高', null],
    ['本科上线率较上年提高', '本科上线率较上年提高', null],
    ['较去年同期增长了', '较去年同期增长了', 'achieved'],
    // last year named as when the figure happened
    ['在去年新增学位', '在去年新增学位', 'achieved'],
    ['保持上年度水平', '保持上年度水平', null],
    // last year's figure comes before this one: this one is this year's
    ['在去年新增学位2000个的基础上再新增学位', '在去年新增学位2000个的基础上再新增学位', null],
    ['去年全县新建学校3所，较上年增加', '较上年增加', 'achieved'],
    ['2022年,全区新增学位', '全区新增学位', 'achieved'],
    ['全区现有学校', '全区现有学校', 'present'],
    ['全县共有中小学', '全县共有中小学', 'present'],
    ['到2025年,公办园在园幼儿占比达到', '公办园在园幼儿占比达到', 'target'],
    ['2023年,要实现粮食产量稳定在', '要实现粮食产量稳定在', 'target'],
    ['新建学校', '新建学校', null],
    ['截至目前,已培训教师', '已培训教师', 'achieved'],
    ['截至2022年底,全区建成', '全区建成', 'achieved'],
    ['截至2025年底,全区公办园占比达到', '全区公办园占比达到', 'target'],
  ])('%s', (sentence, clause, want) => {
    expect(clauseStatus(sentence, clause, 2023)).toBe(want);
  });

  it('a year inside a name is not the time of the clause (策划2023年重点项目)', () => {
    expect(clauseStatus('策划2023年重点项目', '策划2023年重点项目', 2024)).toBeNull();
  });

  it('a share described, not committed (占…的98.7%), is a result; 占比达到 is not', () => {
    expect(clauseStatus('發放19萬劑(佔中央專案核配劑的', '佔中央專案核配劑的', null)).toBe('achieved');
    expect(clauseStatus('公办园占比达到', '公办园占比达到', null)).toBeNull();
  });

  it('a share of a whole named after 的 (占全市18岁以上目标的人口87.56%) is described, unless committed', () => {
    expect(clauseStatus('發放19萬劑, 佔全市18歲以上目標的人口', '佔全市18歲以上目標的人口', null)).toBe('achieved');
    expect(clauseStatus('参训教师占全县专任教师的人数', '参训教师占全县专任教师的人数', null)).toBe('achieved');
    expect(clauseStatus('确保公办园占全区幼儿园的比例达到', '确保公办园占全区幼儿园的比例达到', null)).toBeNull();
  });

  it('a description of the present goes on through its sentence, until a clause does something', () => {
    expect(findTargets('我局机关在册在岗56人，专门执法机构10人，共66人。全年新建学校3所。').map((t) => t.text)).toEqual(['3所']);
    expect(findTargets('全区现有学校52所，计划新建学校5所。').map((t) => t.text)).toEqual(['5所']);
  });

  it('a figure compared with last year is a target in the plan, a result in the review', () => {
    expect(figureStatus('本科上线率较上年提高', '本科上线率较上年提高', 'plan', 2024)).toBe('target');
    expect(figureStatus('高考上线人数1862人，较上年增加', '较上年增加', 'review', 2024)).toBe('achieved');
  });

  it('the part decides when the clause is silent', () => {
    expect(figureStatus('新建学校', '新建学校', 'review', 2023)).toBe('achieved');
    expect(figureStatus('新建学校', '新建学校', 'plan', 2023)).toBe('target');
    expect(figureStatus('2023年新建学校', '2023年新建学校', 'review', 2023)).toBe('target');
  });
});

describe('tables', () => {
  const header = '类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 1-9月份工作完成情况 | 监督电话 |';
  it('a 完成情况 column is a column of results', () => {
    expect(resultColumns(header)).toEqual([false, false, false, false, true, false]);
    expect(resultColumns('姓名 | 电话 | 地址')).toBeNull();
  });
  it('a baseline column printed beside the targets (2023年完成值, 现状值) is a column of results', () => {
    expect(resultColumns('序号 | 指标名称 | 2023年完成值 | 2024年目标值 |')).toEqual([false, false, true, false]);
    expect(resultColumns('指标 | 现状值 | 目标值 | 属性')).toEqual([false, true, false, false]);
    expect(resultColumns('序号 | 指标名称 | 2024年目标值 | 责任单位')).toBeNull();
  });
  it('a row with a merged first cell is aligned from the right', () => {
    const columns = resultColumns(header)!;
    const row = '14.改扩建学校 | 新建教学楼2座 | 教育局 | 已完成70% | 0535 |';
    expect(inResultColumn(row, row.indexOf('2座'), columns)).toBe(false);
    expect(inResultColumn(row, row.indexOf('70%'), columns)).toBe(true);
  });
  it('a row padded with empty cells at the end is aligned as if they were not there', () => {
    const columns = resultColumns(header)!;
    const padded = '15.推进场地建设 | 完成13处场地建设 | 教育局 | 完成基础施工30% | 0535 | |';
    expect(inResultColumn(padded, padded.indexOf('30%'), columns)).toBe(true);
    expect(inResultColumn(padded, padded.indexOf('13处'), columns)).toBe(false);
    const full = '四、教育 | 16.课后服务 | 覆盖34所学校 | 教育局 | 参与率100% | 0535 | | |';
    expect(inResultColumn(full, full.indexOf('100%'), columns)).toBe(true);
    expect(inResultColumn(full, full.indexOf('34所'), columns)).toBe(false);
  });
});

describe('status of targets in a parsed plan', () => {
  it('a review section reports results, the plan section commitments', () => {
    const plan = parsePlan(
      ['某局2022年工作总结暨2023年工作思路', '一、主要工作成效', '全年新建学校3所，新增学位2000个。', '二、2023年工作思路', '新建学校5所，新增学位4950个。'].join('\n'),
    );
    const got = allTargets(plan).map((t) => `${t.text}|${t.status}`);
    expect(got).toEqual(['3所|achieved', '2000个|achieved', '5所|target', '4950个|target']);
  });

  it('a flattened document (one line) reviews first when its inline headings say so', () => {
    const text = '现将有关情况总结如下：一、主要成效全年新建学校3所，累计培训教师500人次。二、存在问题经费不足。三、2023年工作计划新建学校5所，培训教师800人次。';
    const got = findTargets(text, { phaseAt: (o) => (o < text.indexOf('三、') ? 'review' : 'plan'), planYear: 2023 }).map((t) => `${t.text}|${t.status}`);
    expect(got).toEqual(['3所|achieved', '500人次|achieved', '5所|target', '800人次|target']);
    const parsed = allTargets(parsePlan(`某局2022年工作总结暨2023年工作计划\n${text}`)).map((t) => `${t.text}|${t.status}`);
    expect(parsed).toEqual(got);
  });
});

describe('what the parser knows before the body (PlanFacts)', () => {
  // The outline is built the way parsePlan builds it; the facts are what parsePlan can hand over from the metadata.
  const outlineOf = (text: string) => buildOutline(reflow(normalise(text)));
  const statuses = (outline: ReturnType<typeof outlineOf>) =>
    [...outline.preamble.flatMap((p) => p.targets), ...outline.items.flatMap((i) => i.targets), ...outline.sections.flatMap((s) => [...(s.targets ?? []), ...s.paragraphs.flatMap((p) => p.targets)])].map((t) => `${t.text}|${t.status}`);

  it('a table header among the metadata lines marks its 完成情况 column as results', () => {
    const outline = outlineOf('14.改扩建学校 | 新建教学楼2座 | 教育局 | 整体施工完成70% | 0535 |');
    attachTargets(outline, outline.segments, { before: ['类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 1-9月份工作完成情况 | 监督电话 |'] });
    expect(statuses(outline)).toEqual(['2座|target', '70%|achieved']);
  });

  it('a review heading among them opens the body in review; a plan heading glued to a line ends it', () => {
    const outline = outlineOf(['1.城镇新增就业1269万人', '2.资助学生3700人次2022年发展主要预期目标', '1.城镇新增就业1100万人以上'].join('\n'));
    attachTargets(outline, outline.segments, { before: ['2021年工作回顾'] });
    expect(statuses(outline)).toEqual(['1269万人|achieved', '3700人次|achieved', '1100万人以上|target']);
  });
});
