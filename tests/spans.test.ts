// Lines → spans: where a flattened page is cut, and where it is not.
import { describe, expect, it } from 'vitest';
import { cutPoints, splitLine } from '../src/spans.js';
import { fold, normalise } from '../src/normalise.js';

const pieces = (text: string) => splitLine(normalise(text)[0]!).map((s) => s.text);

describe('cutPoints / splitLine', () => {
  it('cuts a flattened page at its block joins: spaces between Chinese words, sentence ends, the addressees colon', () => {
    expect(pieces('当前位置： 首页政务公开 时间：2023-04-28 09:42 微信 微博 各处室，各单位：现将方案印发给你们。 某局 2023年4月27日 某区2023年工作方案 为了做好工作，特制定本方案。一、指导思想')).toEqual([
      '当前位置： 首页政务公开',
      '时间：2023-04-28 09:42',
      '微信',
      '微博',
      '各处室，各单位：',
      '现将方案印发给你们。',
      '某局',
      '2023年4月27日',
      '某区2023年工作方案',
      '为了做好工作，特制定本方案。',
      '一、指导思想',
    ]);
  });

  it('keeps label: value, dates and numbers with their units, Latin words and bracketed text whole', () => {
    expect(pieces('发布时间:2022年 03月 18日 阅读次数:784 次')).toEqual(['发布时间:2022年 03月 18日', '阅读次数:784 次']);
    expect(pieces('使用 PDF 2.0 格式')).toEqual(['使用', 'PDF 2.0', '格式']);
    expect(pieces('《关于 印发 方案的通知》（试行 稿）要求')).toEqual(['《关于 印发 方案的通知》（试行 稿）要求']);
    expect(pieces('他说：“做好工作。继续努力。”然后')).toEqual(['他说：“做好工作。继续努力。”然后']);
  });

  it('ends a span after a signature date glued to what follows, and before a date glued to its signature', () => {
    expect(pieces('指挥部 2023年4月10日君山片区2023年工作要点')).toEqual(['指挥部', '2023年4月10日', '君山片区2023年工作要点']);
    expect(pieces('依法予以处理。 平潭综合实验区财政金融局2023年6月29日')).toEqual(['依法予以处理。', '平潭综合实验区财政金融局', '2023年6月29日']);
  });

  it('cuts a notice flattened without spaces at its joins, even right after the transmittal sentence', () => {
    expect(pieces('某市教育局文件某教〔2024〕3号某市教育局关于印发《2024年教育工作要点》的通知各县区教育局:现将《2024年教育工作要点》印发给你们，请认真贯彻执行。附件:2024年教育工作要点附件2024年教育工作要点为深入贯彻全市教育大会精神，制定本要点。一、总体要求')).toEqual([
      '某市教育局文件',
      '某教〔2024〕3号',
      '某市教育局关于印发《2024年教育工作要点》的通知',
      '各县区教育局:',
      '现将《2024年教育工作要点》印发给你们，请认真贯彻执行。',
      '附件:2024年教育工作要点',
      '附件',
      '2024年教育工作要点',
      '为深入贯彻全市教育大会精神，制定本要点。',
      '一、总体要求',
    ]);
    // a sentence that has started (a comma before the join) is not cut
    expect(pieces('按照市里的要求，制定工作计划附件格式另发')).toEqual(['按照市里的要求，制定工作计划附件格式另发']);
  });

  it('keeps a breadcrumb one span: its pieces alone are no chrome', () => {
    expect(pieces('某市人民政府门户网站 首页 > 政务公开 > 部门文件 > 区教育局 某区教育局2024年工作要点')).toEqual(['某市人民政府门户网站', '首页 > 政务公开 > 部门文件 > 区教育局', '某区教育局2024年工作要点']);
  });

  it('cuts a title glued to the first section', () => {
    expect(pieces('教育局基础教育科工作参考计划范文一、指导思想:实践科学发展观')).toEqual(['教育局基础教育科工作参考计划范文', '一、指导思想:实践科学发展观']);
  });

  it('gives each span its column; the spaces between spans belong to none', () => {
    const line = normalise('标题 正文内容。下一句')[0]!;
    const spans = splitLine(line);
    expect(spans.map((s) => [s.col, s.text])).toEqual([[0, '标题'], [3, '正文内容。'], [8, '下一句']]);
    for (const s of spans) expect(line.text.slice(s.col, s.col + s.text.length)).toBe(s.text);
  });

  it('leaves a line without joins alone and never cuts inside a sentence', () => {
    const line = normalise('全面加强党的建设，推进教育改革')[0]!;
    expect(splitLine(line)).toEqual([line]);
    expect(cutPoints(fold('到2025年，学前三年毛入园率达到95%以上'))).toEqual([]);
  });
});

describe('a bracket left open before the page tail', () => {
  it('does not hold the tail labels in one piece', () => {
    const line = '三、改革工作要点 ( 浏览次数: 更新时间:2018-02-10 20:36:57 上一篇:2018年党支部组织生活会工作方案 下一篇:全县元旦晚会工作方案';
    const pieces = cutPoints(line).map((at, k, all) => line.slice(at, all[k + 1] ?? line.length).trim());
    expect(pieces).toContain('上一篇:2018年党支部组织生活会工作方案');
    expect(pieces.some((p) => p.startsWith('浏览次数:'))).toBe(true);
  });
  it('a closed bracket with a colon inside stays one piece', () => {
    expect(cutPoints('成立领导小组（组长：张三 副组长：李四）负责统筹。')).toEqual([]);
  });
});

describe('an outline marker after a space', () => {
  it('starts a piece whatever stands before it', () => {
    const line = '发布时间:2020-03-02 15:00 累计次数: 字体:[ ] 1.实施校舍安全工程,完成加固校舍3.03万平方米。';
    const pieces = cutPoints(line).map((at, k, all) => line.slice(at, all[k + 1] ?? line.length).trim());
    expect(pieces).toContain('1.实施校舍安全工程,完成加固校舍3.03万平方米。');
  });
  it('not a number that is no marker (3.5%)', () => {
    expect(cutPoints('字体:[ ] 3.5%以上')).toEqual([]);
  });
});
