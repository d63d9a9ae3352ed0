// The indicator of a target (spec section 3, "The indicator"), its direction,
// deadline and baseline, and the vocabulary that gives one key per indicator.
import { describe, expect, it } from 'vitest';
import { findTargets } from '../src/targets.js';
import { INDICATORS, VOCABULARY_VERSION, indicatorKeyOf } from '../src/vocabulary.js';

const first = (text: string) => findTargets(text)[0]!;

describe('the indicator as written', () => {
  it.each([
    ['公办园在园幼儿占比提升至66%', '公办园在园幼儿占比'],
    ['保障中小学生每天综合体育活动不低于2小时', '中小学生每天综合体育活动'],
    ['新建、改扩建中小学幼儿园9所', '新建、改扩建中小学幼儿园'],
    ['全年新增学位4950个', '新增学位'],
    ['指导各县至少建设1个紧密型教育集团', '建设紧密型教育集团'],
    ['确保年底95%的区属学校通过验收', '区属学校通过验收'],
    ['落实中小学每学年开设不少于12课时安全教育课程', '开设安全教育课程'],
    ['学前三年幼儿入园率达90%', '学前三年幼儿入园率'],
    // 各 (each) stands between the name and the figure, it is no part of the name
    ['确保学生每天校内、校外体育活动各1小时', '学生每天校内、校外体育活动'],
    ['班主任每学期家访、谈心各不少于1次', '班主任每学期家访、谈心'],
    ['支持各类学校新建实验室3个', '各类学校新建实验室'],
    // a short aside widens the thing counted (县（市、区）); a long one ends it
    ['新增2至3个县（市、区）通过国家督导评估认定', '新增县（市、区）通过国家督导评估认定'],
    ['新建5所学校（含2所九年一贯制学校）', '新建学校'],
    // counted are those an action is done to (对…开展): the action names the figure
    ['计划对 3家以上行政事业单位开展行政事业单位内部控制检查', '开展行政事业单位内部控制检查'],
    ['对全县50所学校进行办学质量督导评估', '进行办学质量督导评估'],
    ['对接高校5所', '对接高校'],
  ])('%s → %s', (text, indicator) => {
    expect(first(text).indicator).toBe(indicator);
  });

  it('a list named before 分别 hands out one name per figure', () => {
    expect(findTargets('初中入学率、巩固率、毕业率分别为100%、99.9%、99.9%').map((t) => t.indicator)).toEqual(['初中入学率', '巩固率', '毕业率']);
  });

  it('nothing named before the figure: the activity after it (与/将 …)', () => {
    expect(first('确保每月至少1次与孩子班主任进行沟通交流').indicator).toBe('与孩子班主任进行沟通交流');
    expect(first('应当在24小时内将执法数据录入直报系统').indicator).toBe('将执法数据录入直报系统');
  });

  it('a level that names nothing after a change is the level of that change', () => {
    expect(findTargets('普通高中一本上线率提高2个百分点，力争达到35%').map((t) => t.indicator)).toEqual(['普通高中一本上线率提高', '普通高中一本上线率']);
    expect(findTargets('体质健康优良率提升3个百分点，达到55%以上').map((t) => t.indicator)).toEqual(['体质健康优良率提升', '体质健康优良率']);
    // not across sentences, and not after a figure that is no change
    expect(findTargets('一本上线率提高2个百分点。力争达到35%').map((t) => t.indicator)).toEqual(['一本上线率提高', null]);
    expect(findTargets('新建学校3所，力争达到35%').map((t) => t.indicator)).toEqual(['新建学校', null]);
  });

  it('a figure alone in a table cell is named by its row\'s label cell', () => {
    expect(findTargets('2 | 义务教育巩固率 | 99.2% | 99.5% |').map((t) => t.indicator)).toEqual(['义务教育巩固率', '义务教育巩固率']);
    expect(findTargets('3 | 公办园在园幼儿占比（%） | 60 | 不低于65% |').map((t) => t.indicator)).toEqual(['公办园在园幼儿占比']);
    // a cell that names its figure keeps its own name; outside a table nothing is borrowed
    expect(findTargets('4 | 学前教育 | 新增学位900个 |').map((t) => t.indicator)).toEqual(['新增学位']);
    expect(first('义务教育巩固率，99.5%').indicator).toBeNull();
  });

  it('a bare rate is the rate of the work named by the clause before it', () => {
    expect(first('开展幼儿园保教质量评估，覆盖率100%').indicator).toBe('幼儿园保教质量评估覆盖率');
    expect(first('全面实施教师全员培训，完成率达到95%以上').indicator).toBe('教师全员培训完成率');
    // not past a sentence end, nor from a clause that counts something itself, nor without a verb of doing
    expect(first('开展保教质量评估。覆盖率100%').indicator).toBe('覆盖率');
    expect(findTargets('新建学校3所，完成率100%').map((t) => t.indicator)).toEqual(['新建学校', '完成率']);
    expect(first('幼儿园保教质量，覆盖率100%').indicator).toBe('覆盖率');
  });

  it('a bare change names the figure before it in the sentence', () => {
    expect(findTargets('水产品产量达49万吨，增长2.16%').map((t) => t.indicator)).toEqual(['水产品产量', '水产品产量增长']);
  });
});

describe('direction, deadline, baseline', () => {
  it('a change goes up or down', () => {
    expect(first('体质健康优良率提高5个百分点').direction).toBe('up');
    expect(first('近视率下降0.5个百分点').direction).toBe('down');
    expect(first('新建学校3所').direction).toBeUndefined();
  });
  it('the deadline is kept as written, with its year', () => {
    expect(first('到2025年，公办园在园幼儿占比达到66%').by).toBe('到2025年');
    expect(first('年底前完成改造12所').by).toBe('年底前');
    expect(first('2024年底建成学校5所').by).toBe('2024年底');
    expect(first('比2020年提高5个百分点').by).toBeUndefined();
  });
  it('the baseline of a change: 从60%提高到66% → 60', () => {
    const t = first('公办园在园幼儿占比从60%提高到66%');
    expect(t).toMatchObject({ value: 66, from: 60, comparator: 'gte', direction: 'up' });
  });
});

describe('the indicator vocabulary', () => {
  it('is versioned data with at least 40 indicators, each with a stable key, a unit and phrasings', () => {
    expect(VOCABULARY_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(INDICATORS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(INDICATORS.map((e) => e.key)).size).toBe(INDICATORS.length);
    for (const e of INDICATORS) {
      expect(e.key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(e.units).toContain(e.unit);
      expect(e.phrasings.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['public_kindergarten_share', '%', ['公办园在园幼儿占比', '公办幼儿园在园幼儿占比', '公办园在园幼儿比例']],
    ['preschool_gross_enrolment_rate', '%', ['学前三年毛入园率', '学前三年幼儿入园(班)率', '全区学前三年入园率']],
    ['compulsory_retention_rate', '%', ['九年义务教育巩固率', '义务教育巩固率']],
    ['new_school_places', '个', ['新增学位', '新增公办学位', '增加义务教育学位']],
    ['daily_physical_activity', '小时', ['每天综合体育活动', '校园体育活动时间', '每天体育锻炼']],
    ['after_school_service_coverage', '%', ['课后服务覆盖率', '义务教育学校课后服务覆盖率']],
    ['myopia_rate', '%', ['近视率', '儿童青少年总体近视率']],
  ])('%s: the same indicator worded differently maps to one key', (key, unit, phrasings) => {
    for (const p of phrasings) expect(indicatorKeyOf(p, unit)).toBe(key);
  });

  it('an unrelated phrase maps to none', () => {
    expect(indicatorKeyOf('地区生产总值增长', '%')).toBeNull();
    expect(indicatorKeyOf('旅游人均消费', '元')).toBeNull();
    expect(indicatorKeyOf(null, '%')).toBeNull();
  });

  it('a phrase in the wrong unit is not the indicator (新增学位 counts places, not money)', () => {
    expect(indicatorKeyOf('新增学位', '元')).toBeNull();
  });

  it('a target carries its key', () => {
    expect(first('公办园在园幼儿占比提升至66%').indicatorKey).toBe('public_kindergarten_share');
    expect(first('地区生产总值增长3.5%').indicatorKey).toBeNull();
  });
});

describe('a name too long to read', () => {
  it('is cut where a word ends, never inside one', async () => {
    const { findTargets } = await import('../src/targets.js');
    const [t] = findTargets('建设档案大数据中心、数据跨境服务枢纽、超融合边缘云计算3个项目。');
    expect(t!.indicator).toBe('数据跨境服务枢纽、超融合边缘云计算项目');
  });
});
