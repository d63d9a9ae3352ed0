// Metadata from disclosure tables in their layouts, the notice wrapper and the
// text itself, through the whole pipeline (boilerplate first, as in use).
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/parse.js';
import { cellsOf, labelOnly } from '../src/labels.js';
import { normaliseDocNumber, regionOf } from '../src/metadata.js';

const OUTLINE = [
  '一、加强党的建设',
  '1.深化理论学习。健全学习制度，推动理论学习常态化。',
  '2.加强基层组织建设。落实党组织领导的校长负责制。',
];
const parse = (...lines: string[]) => parsePlan(lines.join('\n'));

describe('cellsOf and labelOnly', () => {
  it('splits two cells on a line', () => {
    expect(cellsOf('发文机关: 某市教育局 成文日期: 2023年3月9日').map((c) => [c.label, c.keys, c.value])).toEqual([
      ['发文机关', ['issuer'], '某市教育局'],
      ['成文日期', ['written'], '2023年3月9日'],
    ]);
  });
  it('reads spaced labels and cut labels at the start of a line', () => {
    expect(cellsOf('索  引 号: 123/2023-001')[0]!.keys).toEqual(['indexNumber']);
    const cut = cellsOf('号: 某教〔2023〕5号')[0]!;
    expect(cut.cut).toBe(true);
    expect(cut.keys).toContain('docNumber');
    expect(cut.keys).toContain('indexNumber');
  });
  it('reads a bracketed label and keeps the value as written', () => {
    expect(cellsOf('【发布机构】某县教育局').map((c) => [c.keys[0], c.value])).toEqual([['issuer', '某县教育局']]);
  });
  it('cuts values from the display text when matching on a folded one', () => {
    expect(cellsOf('发布机构：南湾市教育局', '發佈機構：南灣市教育局')[0]!.value).toBe('南灣市教育局');
  });
  it('finds nothing in prose that merely contains a label word', () => {
    expect(cellsOf('要健全发文机关审核制度：做到程序规范。')).toEqual([]);
  });
  it('reads the bylines of other portals: a poster, a bare counter, Traditional labels, a date with no label', () => {
    const cells = (t: string) => cellsOf(t).map((c) => `${c.keys[0]}=${c.value}`);
    expect(cells('发布者：校长室  发布时间：2024-08-30  阅读：326')).toEqual(['author=校长室', 'published=2024-08-30', 'other=326']);
    expect(cells('發佈日期：2024年03月18日　瀏覽次數：1,024')).toEqual(['published=2024年03月18日', 'other=1,024']);
    expect(cells('2024-01-22  阅读量：89')).toEqual(['published=2024-01-22', 'other=89']);
    expect(cells('发表于 2024-01-22 | 分类：计划总结')).toEqual(['published=2024-01-22', 'category=计划总结']);
    // a date alone is a signature's date, and a date before prose is prose
    expect(cells('2024-01-22')).toEqual([]);
    // a date with no label run into the cell before it
    expect(cells('来源：某县教育局 2024-01-22 10:30 阅读：326')).toEqual(['source=某县教育局', 'published=2024-01-22 10:30', 'other=326']);
    expect(cells('2024-03-05 全县新增学位3000个')).toEqual([]);
  });

  it('recognises a label alone on its line', () => {
    expect(labelOnly('索引号')).toEqual({ label: '索引号', key: 'indexNumber' });
    expect(labelOnly('【发布机构】：')).toEqual({ label: '发布机构', key: 'issuer' });
    expect(labelOnly('索引号：123')).toBeNull();
  });
});

describe('disclosure tables', () => {
  it('reads a table with cut labels printed twice, resolving 号 by its value', () => {
    const plan = parse(
      '号: 113/202301-0007 信息分类: 计划总结',
      '关: 某县教育局 发布日期: 2023-03-20',
      '称: 某县教育局2023年工作要点',
      '号: 某教〔2023〕12号',
      '索引号: 113/202301-0007 信息分类: 计划总结',
      '发布机关: 某县教育局 发布日期: 2023-03-20',
      '某县教育局2023年工作要点',
      ...OUTLINE,
    );
    expect(plan.meta).toMatchObject({
      title: '某县教育局2023年工作要点', titleLine: 7, issuer: '某县教育局', indexNumber: '113/202301-0007',
      docNumber: '某教〔2023〕12号', category: '计划总结', dates: { written: null, published: '2023-03-20' },
      region: { name: '某县', level: 'county' }, year: 2023,
    });
    expect(plan.meta.fields.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6]);
    // a metadata line holds its text and its cells; `fields` names the lines only
    expect(Object.keys(plan.meta.fields[0]!)).toEqual(['line', 'text', 'cells']);
    expect(plan.meta.fields[0]!.cells.map((c) => c.label)).toEqual(['号', '信息分类']);
  });

  it('reads a table printed one label per line with the value below', () => {
    const plan = parse('某区2023年工作计划', ...OUTLINE, '', '某区教育局', '2023年3月2日', '索引号', '113/2023-0215', '发文字号', '某教[2023]7号');
    expect(plan.meta).toMatchObject({ indexNumber: '113/2023-0215', docNumber: '某教〔2023〕7号', issuer: '某区教育局', dates: { written: '2023-03-02' } });
    expect(plan.sections[0]!.items).toHaveLength(2);
  });

  it('takes the plan title over the notice title in the table', () => {
    const plan = parse('标题: 某市教育局关于印发《某市2024年教育工作要点》的通知', ...OUTLINE);
    expect(plan.meta.title).toBe('某市2024年教育工作要点');
  });

  it('gives year null for a template year', () => {
    expect(parse('某区教育局202x年工作要点', ...OUTLINE).meta.year).toBeNull();
  });

  it('dates a page by a header line with a time', () => {
    expect(parse('原创 某县教育发布 2024-03-08 18:30', '某县2024年教育工作要点', ...OUTLINE).meta.dates.published).toBe('2024-03-08');
  });
});

describe('fields hold real values only', () => {
  it('reads a value that is a cut label with its colon as an empty cell', () => {
    expect(cellsOf('号: 词:').map((c) => [c.label, c.value])).toEqual([
      ['号', ''],
      ['词', ''],
    ]);
    expect(cellsOf('称: 键字：').map((c) => [c.label, c.value])).toEqual([
      ['称', ''],
      ['键字', ''],
    ]);
  });

  it('cuts a counter label that runs on from the value before it', () => {
    expect(cellsOf('更新时间: 2024-06-02访问次数:').map((c) => [c.label, c.value])).toEqual([
      ['更新时间', '2024-06-02'],
      ['访问次数', ''],
    ]);
    expect(cellsOf('发布时间: 2021-01-05 10:00 累计次数:').map((c) => [c.label, c.value])).toEqual([
      ['发布时间', '2021-01-05 10:00'],
      ['累计次数', ''],
    ]);
  });

  it('keeps no empty cell, no widget words, no counter without its number', () => {
    const plan = parse(
      '号: 11340000/202406-00011 信息分类: 工作计划',
      '生效时间: 废止时间:',
      '号: 词:',
      '某县教育局2024年工作要点',
      '发布时间: 2024-06-01 09:30 信息来源: 某县教育局 浏览次数: 我要纠错 打印 【字体:  ',
      '更新时间: 2024-06-02访问次数:',
      '来源: 某县教育局 点击量: 1,204 次 关闭窗口',
      '作者: 浏览量: 显示稿件总访问量 字号: [ ]',
      ...OUTLINE,
    );
    const cells = plan.meta.fields.flatMap((l) => l.cells.map((f) => `${f.line} ${f.label}=${f.value}`));
    expect(cells).toEqual([
      '1 号=11340000/202406-00011',
      '1 信息分类=工作计划',
      '5 发布时间=2024-06-01 09:30',
      '5 信息来源=某县教育局',
      '6 更新时间=2024-06-02',
      '7 来源=某县教育局',
      '7 点击量=1,204 次',
    ]);
    // every metadata line is still recorded with its text, cells or none
    expect(plan.meta.fields.map((l) => l.line)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(plan.meta).toMatchObject({ indexNumber: '11340000/202406-00011', issuer: '某县教育局', dates: { published: '2024-06-01' } });
  });

  it('keeps a category named like a menu entry (栏目: 政策解读)', () => {
    const plan = parse('栏目: 政策解读 发布日期: 2024-03-01', '某县教育局2024年工作要点', ...OUTLINE);
    expect(plan.meta.fields[0]!.cells.map((f) => f.value)).toEqual(['政策解读', '2024-03-01']);
  });
});

describe('notice wrapper', () => {
  const notice = (date: string, published = '2023-03-20') =>
    parse(
      `发布时间：${published} 10:00`,
      '某县教育局文件',
      '某教发(2023)2号',
      '某县教育局关于印发《某县2023年教育工作要点》的通知',
      '各学区、县直各学校：',
      '现将《某县2023年教育工作要点》印发给你们，请认真组织实施。',
      '附件：1.某县2023年教育工作要点',
      '2.某县2023年重点任务分工',
      '某县教育局',
      date,
      '（此件主动公开）',
      '某县2023年教育工作要点',
      ...OUTLINE,
    );

  it('reads every part of the wrapper', () => {
    const plan = notice('2023年1月12日');
    expect(plan.meta.notice).toMatchObject({
      title: '某县教育局关于印发《某县2023年教育工作要点》的通知',
      docNumber: '某教发〔2023〕2号',
      addressees: '各学区、县直各学校',
      body: '现将《某县2023年教育工作要点》印发给你们，请认真组织实施。',
      signature: '某县教育局',
      date: '2023-01-12',
      attachments: ['某县2023年教育工作要点', '某县2023年重点任务分工'],
      lines: { start: 2, end: 11 },
    });
    expect(plan.meta).toMatchObject({ title: '某县2023年教育工作要点', titleLine: 12, docNumber: '某教发〔2023〕2号', dates: { written: '2023-01-12', published: '2023-03-20' } });
    // The attachment list is not the outline.
    expect(plan.sections).toHaveLength(1);
  });

  it('resolves a garbled signature date when only one reading precedes publication', () => {
    const plan = notice('2023112');
    expect(plan.meta.dates.written).toBe('2023-01-12');
    expect(plan.diagnostics.find((d) => d.code === 'date-garbled-resolved')?.line).toBe(10);
  });

  it('keeps a garbled date raw with a warning when two readings remain', () => {
    const plan = notice('2023112', '2023-12-20');
    expect(plan.meta.dates.written).toBeNull();
    expect(plan.meta.notice?.dateText).toBe('2023112');
    const d = plan.diagnostics.find((x) => x.code === 'date-garbled');
    expect(d).toMatchObject({ severity: 'warning', line: 10 });
    expect(d?.message).toContain('2023-01-12 or 2023-11-02');
  });
});

describe('normaliseDocNumber and regionOf', () => {
  it('normalises the year brackets only', () => {
    expect(normaliseDocNumber('某教发[2023]2号')).toBe('某教发〔2023〕2号');
    expect(normaliseDocNumber('某教（2023） 2号')).toBe('某教〔2023〕2号');
    expect(normaliseDocNumber('某教【2023】2號')).toBe('某教〔2023〕2號');
  });
  it('tells the level of a region from the issuer', () => {
    expect(regionOf('某某省教育厅')).toEqual({ name: '某某省', level: 'province' });
    expect(regionOf('上海市教育委员会')).toEqual({ name: '上海市', level: 'province' });
    expect(regionOf('某市某区教育局')).toEqual({ name: '某市某区', level: 'district' });
    expect(regionOf('南灣市教育局')).toEqual({ name: '南灣市', level: 'city' });
    expect(regionOf('某某縣教育局')).toEqual({ name: '某某縣', level: 'county' });
    expect(regionOf('区教育和体育局')).toBeNull();
    // a school district's 学区 is no 区
    expect(regionOf('洮阳镇学区')).toEqual({ name: '洮阳镇', level: 'town' });
    expect(regionOf('某某县第一中学')).toEqual({ name: '某某县', level: 'county' });
  });
});

describe('the issuer and date a 要点 prints under its title', () => {
  it('are metadata, not the preamble', () => {
    const plan = parsePlan(['首页 > 计划总结', '某县教育局2024年工作要点', '某县教育局', '（2024年2月20日）', '2024年，重点做好以下工作。', '一、重点工作', '1.落实主体责任。每季度召开会议1次。'].join('\n'));
    expect([plan.meta.issuer, plan.meta.dates.written]).toEqual(['某县教育局', '2024-02-20']);
    expect(plan.preamble.map((p) => p.text)).toEqual(['2024年，重点做好以下工作。']);
  });
});

describe('an attachment line after the closing', () => {
  it('is metadata, not closing text, and no issuer', () => {
    const plan = parsePlan(['某区2024年教育工作要点', '一、加强党建', '1.落实校长负责制。修订完善学校章程23所。', '总之，全区教育系统要奋力谱写教育高质量发展新篇章。', '附件：某区教育委员会2024年重点工作任务分工'].join('\n'));
    expect(plan.closing.map((p) => p.text)).toEqual(['总之，全区教育系统要奋力谱写教育高质量发展新篇章。']);
    expect(plan.meta.fields.at(-1)!.cells).toEqual([{ line: 5, label: '', key: 'other', value: '附件：某区教育委员会2024年重点工作任务分工' }]);
    expect(plan.meta.issuer).toBeNull();
  });
});

describe('the issuer', () => {
  it('a school district signing its own plan is its issuer, before the portal column named in 来源', () => {
    const m = parsePlan(['某县人民政府网', '某县某镇学区2024年工作计划', '发布时间：2024-02-22  来源：县教育局  点击数：415', '某县某镇学区2024年工作计划', '一、工作目标', '全面提升教育质量，确保各项目标落到实处。', '', '某镇学区', '2024年2月20日'].join('\n')).meta;
    expect([m.issuer, m.dates.written]).toEqual(['某镇学区', '2024-02-20']);
  });

  it('a sentence reporting a notice (近日，某局印发《…》，一起来看) is no notice title: its opening words are no issuer', () => {
    const m = parsePlan(['2024-02-26 来源：某区教育', '近日，某市某区教育局印发《某区2024年教育工作要点》，一起来看', '某区2024年教育工作要点', '一、加强党建', '1.落实校长负责制。修订完善学校章程23所。'].join('\n')).meta;
    expect([m.notice, m.issuer === null || !m.issuer.includes('近日')]).toEqual([null, true]);
  });
});

describe('Markdown paragraphs spanning several lines', () => {
  it('account for every line of a metadata paragraph and of a title paragraph', async () => {
    const { parsePlanBytes } = await import('../src/read.js');
    const { accountingProblems } = await import('./helpers.js');
    const source = '发布日期：2024-02-26\n发布机构：某县教育局\n\n某县2024年\n教育工作要点\n\n1. 加强党建。落实责任。\n2. 推进均衡。新建学校。\n';
    const plan = await parsePlanBytes(new TextEncoder().encode(source), 'page.md');
    expect(plan.meta.title).toBe('某县2024年教育工作要点');
    expect(plan.meta.dates.published).toBe('2024-02-26');
    expect(accountingProblems(plan, source)).toEqual([]);
  });
});

describe('an attachment list after the signature', () => {
  it('is metadata even when its files are named by year (1.2024年…), and the signature above it stays the signature', () => {
    const plan = parsePlan(['某某旗教育体育局2024年教育工作要点', '1、全面加强党的建设。落实制度。', '2、维护校园安全稳定。配备率均达到100%。', '', '某某旗教育体育局', '二〇二四年三月五日', '', '附件：1.2024年教育重点工作任务分解表', '2.2024年教育民生实事项目清单'].join('\n'));
    expect(plan.items.map((i) => i.text)).toEqual(['全面加强党的建设。落实制度。', '维护校园安全稳定。配备率均达到100%。']);
    expect([plan.meta.issuer, plan.meta.dates.written]).toEqual(['某某旗教育体育局', '2024-03-05']);
    expect(plan.meta.fields.map((f) => f.text)).toContain('2.2024年教育民生实事项目清单');
  });
});

describe('disclosure tables in other layouts', () => {
  const meta = (lines: string[]) => parsePlan([...lines, '某某县教育局2024年工作要点', '一、加强党建', '1.强化理论武装。全年集中学习不少于12次。'].join('\n')).meta;

  it('a row of labels over a row of values, paired by position', () => {
    const m = meta(['索引号\t发布机构\t成文日期', '123/2024-1\t某某县教育局\t2024-03-11', '主题分类 文号 发布日期', '教育 某教〔2024〕8号 2024-03-14']);
    expect([m.indexNumber, m.issuer, m.dates.written, m.category, m.docNumber, m.dates.published]).toEqual(['123/2024-1', '某某县教育局', '2024-03-11', '教育', '某教〔2024〕8号', '2024-03-14']);
  });

  it('not when a value is missing (the columns are unknown) or the second row holds labels', () => {
    const m = meta(['索引号 发布机构 成文日期', '123/2024-1 2024-03-11']);
    expect([m.indexNumber, m.dates.written]).toEqual([null, null]);
  });

  it('a label spaced out to the column width, alone on its line, takes the value on the next line', () => {
    const m = meta(['索 引 号：', '115101230116928756/2024-00045', '文　　号：', '某教发〔2024〕12号', '生成日期：', '2024-03-05']);
    expect([m.indexNumber, m.docNumber]).toEqual(['115101230116928756/2024-00045', '某教发〔2024〕12号']);
  });
});

describe('a flattened page header', () => {
  it('a breadcrumb ending in a column named 部门文件 is chrome, not a red header opening a notice; the issuer comes from the title', () => {
    const m = parsePlan('某市某区人民政府门户网站 首页 > 政务公开 > 部门文件 > 区教育局 某区教育局２０２４年工作要点 来源：某区教育局 发布时间：２０２４－０３－０５ 【打印】【关闭】 某区教育局２０２４年工作要点 ２０２４年，区教育局将加快建设教育强区。 一、加强党的全面领导 １．全面落实校长负责制。完善议事决策制度。').meta;
    expect([m.issuer, m.notice, m.dates.published, m.year]).toEqual(['某区教育局', null, '2024-03-05', 2024]);
  });
});

describe('the year of a title', () => {
  it('is read from Chinese numerals and full-width digits too', () => {
    const year = (title: string) => parsePlan([title, '一、总体要求', '1.提高质量。新建学校3所。'].join('\n')).meta.year;
    expect(year('大理州二〇二四年教育工作要点')).toBe(2024);
    expect(year('某县二○二四年教育工作要点')).toBe(2024);
    expect(year('某区教育局２０２４年工作要点')).toBe(2024);
  });
});

describe('the foot of an official document and the source of a repost', () => {
  it('the circulation list and the imprint are metadata, never the last item nor the issuer', () => {
    const plan = parsePlan(['某市教育局2024年工作要点', '一、加强队伍', '1.完善教师管理。交流轮岗教师不少于400名。', '', '抄送：市委办公室，市人大常委会办公室，市政府办公室，', '市政协办公室。', '某市教育局办公室 2024年3月4日印发'].join('\n'));
    expect(plan.sections[0]!.items[0]!.text).toBe('完善教师管理。交流轮岗教师不少于400名。');
    expect(plan.meta.issuer).toBe('某市教育局');
  });
  it('a source naming a body is the issuer before one naming an account', () => {
    const plan = parsePlan(['2024-02-26 18:05 来源：市中教育', '某区2024年教育工作要点', '一、加强党建', '1.落实校长负责制。', '来源：某市某区教育局'].join('\n'));
    expect(plan.meta.issuer).toBe('某市某区教育局');
  });
});

describe('a bar of bracketed cells', () => {
  it('reads 【发布时间：…】【来源：…】 as label: value cells', () => {
    const cells = cellsOf('【发布时间：2024-03-05】【来源：修水县教育体育局】【字体：大 中 小】');
    expect(cells.map((c) => [c.label, c.value])).toEqual([['发布时间', '2024-03-05'], ['来源', '修水县教育体育局'], ['字体', '大 中 小']]);
  });
  it('a bracketed label alone still opens a line (【发布机构】某县教育局)', () => {
    expect(cellsOf('【发布机构】某县教育局').map((c) => [c.label, c.value])).toEqual([['发布机构', '某县教育局']]);
  });
});
