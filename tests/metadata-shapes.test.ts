// Metadata shapes met on pages from portals beyond the corpus, each with a
// made-up variant and a case that must not change.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';

const OUTLINE = ['一、加强党的建设', '1.深化理论学习。健全学习制度，推动理论学习常态化。', '2.加强基层组织建设。落实党组织领导的校长负责制。'];
const parse = (...lines: string[]) => parsePlan(lines.join('\n'));

describe('doc numbers', () => {
  it('a bare run of digits under 编号 is a site record number, not a doc number', () => {
    expect(parse('编号:928920', '某县2024年教育工作要点', ...OUTLINE).meta.docNumber).toBeNull();
    expect(parse('文件编号: 20240311', '某县2024年教育工作要点', ...OUTLINE).meta.docNumber).toBeNull();
  });
  it('a doc number that names its issuer or year is kept', () => {
    expect(parse('文件编号: 某教发〔2024〕3号', '某县2024年教育工作要点', ...OUTLINE).meta.docNumber).toBe('某教发〔2024〕3号');
    expect(parse('文号: 第12号', '某县2024年教育工作要点', ...OUTLINE).meta.docNumber).toBe('第12号');
  });
});

describe('bylines', () => {
  it('a byline whose counter groups its digits (浏览次数：1,024) is metadata, not prose', () => {
    const plan = parse('首页 > 信息公开', '某区教育局2023年春季学期工作计划', '发布时间：2023-02-20 10:12:33  来源：区教育局  浏览次数：1,024', ...OUTLINE);
    expect(plan.meta.dates.published).toBe('2023-02-20');
    expect(plan.preamble).toEqual([]);
  });
  it('a long line with a clause comma before a number stays prose', () => {
    const plan = parse('某区教育局2023年工作计划', '发布时间：今年全区新建学校5所，300名教师参加培训，来源于区教育局统计数据汇总', ...OUTLINE);
    expect(plan.meta.dates.published).toBeNull();
    expect(plan.preamble.map((p) => p.text)).toEqual(['发布时间：今年全区新建学校5所，300名教师参加培训，来源于区教育局统计数据汇总']);
  });
});

describe('issuer from a title with its year in Chinese numerals', () => {
  it('reads the body before 二〇二四年 as the issuer', () => {
    const plan = parse('某市教育和青年发展局二〇二四年度施政计划', ...OUTLINE);
    expect(plan.meta.issuer).toBe('某市教育和青年发展局');
    expect(plan.meta.year).toBe(2024);
  });
  it('reads a special administrative region as a province-level region', () => {
    const plan = parse('某某特別行政區教育及青年發展局二〇二四年度施政計劃', ...OUTLINE);
    expect(plan.meta.issuer).toBe('某某特別行政區教育及青年發展局');
    expect(plan.meta.region).toEqual({ name: '某某特別行政區', level: 'province' });
  });
  it('does not take a numeral inside a name for a year', () => {
    expect(parse('第二中学一二九运动纪念活动方案', ...OUTLINE).meta.issuer).toBeNull();
  });
});

describe('a table that is the whole document', () => {
  const ROWS = ['类别 | 事项名称 | 2023年度任务目标 | 责任单位 |', '二、教育 | 7.新建公办幼儿园 | 建成幼儿园3所。 | 教育局 |'];
  it('takes the year its header row plans for', () => {
    expect(parse(...ROWS).meta.year).toBe(2023);
  });
  it('takes no year from a header row that only dates its progress, nor from prose', () => {
    expect(parse('类别 | 事项名称 | 2023年1-9月完成情况 | 责任单位 |', ROWS[1]!).meta.year).toBeNull();
    expect(parse('2023年度任务目标已下达各单位。', ...OUTLINE).meta.year).toBeNull();
  });
});

describe('issuer values', () => {
  it('a value opening with a figure is no body (发布机构: 365彩票数)', () => {
    expect(parse('索引号: 1137/2022-04772 | 成文日期: 2022-10-08 |', '发布机构: 365彩票数', ...OUTLINE).meta.issuer).toBeNull();
    expect(parse('发布机构: 某县教育局', ...OUTLINE).meta.issuer).toBe('某县教育局');
  });
});

describe('notice signatures', () => {
  const NOTICE = ['关于印发《某区2024年教育工作要点》的通知', '区教育系统各单位：', '现将《某区2024年教育工作要点》印发给你们，请认真执行。'];
  it('a joint signature of two bodies is the issuer; a title opening with 关于 names none', () => {
    const plan = parse(...NOTICE, '中共某某区教育工作委员会   某某区教育局', '2024年2月20日', '某区2024年教育工作要点', ...OUTLINE);
    expect(plan.meta.notice?.signature).toBe('中共某某区教育工作委员会 某某区教育局');
    expect(plan.meta.issuer).toBe('中共某某区教育工作委员会 某某区教育局');
    expect(plan.meta.region).toEqual({ name: '某某区', level: 'district' });
  });
  it('a line of two phrases is no joint signature', () => {
    const plan = parse(...NOTICE, '加强组织领导 落实工作责任', '2024年2月20日', '某区2024年教育工作要点', ...OUTLINE);
    expect(plan.meta.issuer).toBeNull();
  });
});

describe('publication dates', () => {
  it('发布日期 wins over 公开日期 when a page prints both, whichever comes first', () => {
    const plan = parse('索 引 号: 0024/2023-00095 公开日期: 2023-04-22', '某省教育厅2023年工作要点', '发布日期: 2023-04-25 17:10 信息来源: 省教育厅', ...OUTLINE);
    expect(plan.meta.dates.published).toBe('2023-04-25');
  });
  it('公开日期 alone is the publication date', () => {
    expect(parse('索 引 号: 0024/2023-00095 公开日期: 2023-04-22', '某省教育厅2023年工作要点', ...OUTLINE).meta.dates.published).toBe('2023-04-22');
  });
});

describe('a notice whose plan title is not printed again', () => {
  it('reads the title wrapped over two lines, the transmittal, the signature and the date as the notice', () => {
    const plan = parse('关于印发《某县教育局2024年', '工作要点》的通知', '发布时间：2024-02-02 来源：某县教育局', '各学校：', '现将《某县教育局2024年工作要点》印发给你们，请遵照执行。', '某县教育局', '2024年1月30日', ...OUTLINE);
    expect(plan.meta.notice).toMatchObject({ title: '关于印发《某县教育局2024年工作要点》的通知', signature: '某县教育局', date: '2024-01-30' });
    expect(plan.meta.dates).toEqual({ written: '2024-01-30', published: '2024-02-02' });
    expect(plan.preamble).toEqual([]);
  });
  it('a plan opening with prose that asks to carry things out is no notice', () => {
    const plan = parse('某县教育局2024年工作要点', '全县各校要认真贯彻落实上级部署，推动教育高质量发展。', ...OUTLINE);
    expect(plan.meta.notice).toBeNull();
    expect(plan.preamble.map((p) => p.text)).toEqual(['全县各校要认真贯彻落实上级部署，推动教育高质量发展。']);
  });
});

describe('a notice that is itself the text', () => {
  it('keeps its opening paragraph (…现就有关事项通知如下) as the preamble', () => {
    const opening = '为贯彻落实《某某条例》，进一步加强学校安全工作，现就有关事项通知如下。';
    const plan = parse('关于加强学校安全工作的通知', '各学校：', opening, ...OUTLINE);
    expect(plan.preamble.map((p) => p.text)).toEqual([opening]);
  });
});

describe('a report opening with its title and occasion', () => {
  it('takes the title and the date it was given on, over a crawler\'s title', () => {
    const plan = parse('标题: 政府工作报告（2024）', '某县人民政府工作报告—2024年1月18日在某县第十八届人民代表大会第三次会议上 某县县长 张三 各位代表：现在，我代表县人民政府向大会报告工作。一、2023年工作回顾 全年新建学校3所。');
    expect(plan.meta.title).toBe('某县人民政府工作报告');
    expect(plan.meta.dates.written).toBe('2024-01-18');
  });
  it('a sentence that only mentions a report is no title', () => {
    const plan = parse('标题: 政府工作报告（2024）', '会议听取了工作报告，2024年1月18日在县会议中心闭幕。', ...OUTLINE);
    expect(plan.meta.title).toBe('政府工作报告（2024）');
    expect(plan.meta.dates.written).toBeNull();
  });
});
