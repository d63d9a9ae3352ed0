// Portal chrome by shape and position; plan text is never dropped, whatever
// chrome words it holds. And no rule names a whole seed line.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { boilerplateReason, isPageNumber, isWidgetLine, stripBoilerplate, widgetTail } from '../src/boilerplate.js';
import { normalise } from '../src/normalise.js';
import { FIXTURES, ROOT, fixture, listFixtures } from './helpers.js';

describe('boilerplateReason: chrome by shape, anywhere on the page', () => {
  const cases: Array<[string, string]> = [
    ['登录 | 注册 | 无障碍 | 长者模式', 'widget'],
    ['【字体：大 中 小】 【打印】 【关闭窗口】', 'widget'],
    ['我要纠错  打印  关闭', 'widget'],
    ['分享到：微信 微博 QQ空间', 'widget'],
    ['首页 > 政务公开 > 规划计划', 'breadcrumb'],
    ['您现在的位置：首页 >> 教育动态', 'breadcrumb'],
    ['机关 >> 科室 >> 通知', 'breadcrumb'],
    ['网站首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流', 'navigation'],
    ['阅读次数：1024', 'counter'],
    ['浏览量: 12,345 次', 'counter'],
    ['扫一扫在手机打开当前页', 'qr-prompt'],
    ['手机扫码阅读', 'qr-prompt'],
    ['文件下载', 'download'],
    ['政策咨询：', 'download'],
    ['附件：2024年工作要点.pdf', 'download'],
    ['上一篇：关于做好开学工作的通知', 'pager'],
    ['下一篇 2023年工作总结', 'pager'],
    ['相关链接：', 'related'],
    ['往期推荐', 'related'],
    ['责任编辑：王某', 'editor'],
    ['【审核：李某】', 'editor'],
    ['版权所有 © 2024 某市教育局', 'footer'],
    ['京ICP备12345678号-1  京公网安备 11010502000001号', 'footer'],
    ['网站标识码：1100000001', 'footer'],
    ['主办单位：某县教育局  技术支持：某县信息中心', 'footer'],
    ['预览阅读已结束，若您需要完整文档，请下载', 'share-site'],
    ['本文档由用户上传，仅供参考', 'share-site'],
    ['开通VIP会员 免费下载', 'share-site'],
    ['上传人：abc123  上传时间：2024-01-01  下载：3次', 'share-site'],
    ['— 3 —', 'page-furniture'],
    ['第 3 页 共 9 页', 'page-furniture'],
    ['阅读原文', 'social'],
    ['在看 12', 'social'],
    ['点击上方蓝字关注我们', 'social'],
    ['如果您对本页内容有疑问，请联系我们', 'widget'],
    ['今天是：2024年3月5日 星期二', 'widget'],
    ['请输入关键词', 'widget'],
    ['————————', 'blank-filler'],
    ['关閉窗口 | 列印', 'widget'],
    ['當前位置：首頁 > 政務公開', 'breadcrumb'],
    ['【打印此文】【关闭窗口】', 'widget'],
    ['阅读 (3826)', 'counter'],
    ['更多精彩内容请关注微信公众号“某某教育”', 'social'],
    ['点个在看你最好看', 'social'],
    ['返回网易，查看更多', 'social'],
    ['声明：该文观点仅代表作者本人，本平台仅提供信息存储空间服务。', 'share-site'],
    ['（本文来源：某某文库网 www.example.com 转载请保留）', 'share-site'],
    ['2.该文档所得收入(下载+内容+预览)归上传者所有。', 'share-site'],
  ];
  for (const [line, reason] of cases) {
    it(`${line} → ${reason}`, () => expect(boilerplateReason(line)).toBe(reason));
  }
});

describe('plan text with chrome words stays', () => {
  const content = [
    '5.规范校外培训治理，规范校园周边打印店、文具店经营秩序。',
    '7.推进教育数字化转型。指导师生下载使用国家中小学智慧教育平台资源。',
    '3.推行家长扫码预约入校制度，每学期开展一次家长开放日。',
    '（二）加强与主办单位的沟通协调，办好全市中小学生运动会。',
    '4.加强知识产权教育，尊重作品版权所有者的合法权益。',
    '一、坚持党建引领，全面加强教育系统党的建设',
    '2024年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导。',
    '白城市教育局',
    '2024年2月28日',
    '关于印发《某县2024年教育工作要点》的通知',
    '各乡镇中心学校，县直各学校：',
    '（此件公开发布）',
    '3.建设学校官网www.school.cn，网站转载率达到90%。',
    '推进“互联网+教育”，来源多样的资源接入平台。',
    '6.点亮学生心灵，开展“在看见中成长”主题活动。',
    // a line of the page's own metadata is no widget though it names 本站
    '作者：办公室 来源：本站原创 点击数：2047 更新时间：2023-2-15',
  ];
  for (const line of content) {
    it(line, () => expect(boilerplateReason(line)).toBeNull());
  }
});

describe('isPageNumber', () => {
  it('knows the page-number forms of exports', () => {
    for (const t of ['- 3 -', '—3—', '－ 12 －', '第3页', '第 3 页 共 9 页', '第2页，共4页', '共9页 第3页', '3/9', 'Page 3 of 9']) expect(isPageNumber(t), t).toBe(true);
  });
  it('leaves numbers that are text alone', () => {
    for (const t of ['3', '2024', '1.5万人', '第3批', '3-5个', '共3页材料要提交']) expect(isPageNumber(t), t).toBe(false);
  });
});

const strip = (text: string) => stripBoilerplate(normalise(text));
const reasons = (text: string) => Object.fromEntries(strip(text).removed.map((r) => [r.line, r.reason]));

describe('stripBoilerplate: head and tail of the page', () => {
  const plan = [
    '1.加强党的建设。落实党组织领导的校长负责制，健全议事决策制度。',
    '2.推进教育均衡。新建学校3所，新增学位2000个，缩小城乡差距。',
  ];

  it('drops a site banner above the plan but keeps the same shape inside it', () => {
    expect(reasons(['某区人民政府门户网站', ...plan].join('\n'))).toEqual({ 1: 'navigation' });
  });

  it('drops a contact footer below the plan but keeps a contact line of the notice above it', () => {
    const text = ['联系人：张老师，电话：0571-1234567', ...plan, '地址：文昌路18号  邮编：344000  电话：0794-8200000'].join('\n');
    expect(reasons(text)).toEqual({ 4: 'footer' });
  });

  it('drops the link list under a related heading at the end', () => {
    const text = [...plan, '相关文章', '某区召开教育工作会议 2024-02-28', '某区2023年工作总结', '', '某区教育局'].join('\n');
    expect(reasons(text)).toEqual({ 3: 'related', 4: 'related', 5: 'related' });
  });

  it('drops a numbered link list (相关文章：1.X 2.Y) at the end, but not numbered plan lines under a heading of the plan', () => {
    const text = [...plan, '【2024年工作要点】相关文章：', '1.2024年教育局工作计划', '2.某区2023年工作总结', '版权所有 某某网'].join('\n');
    expect(reasons(text)).toEqual({ 3: 'related', 4: 'related', 5: 'related', 6: 'footer' });
    const mine = [...plan, '工作要求：', '1.加强组织领导', '2.强化督导检查'].join('\n');
    expect(reasons(mine)).toEqual({});
    // a plan that goes on after the list keeps it: its numbered lines were the plan's
    const inside = ['一、工作目标', '相关文件：', '1.2024年重点任务分解表', '2.2024年民生实事清单', ...plan].join('\n');
    expect(reasons(inside)).toEqual({ 2: 'related' });
  });

  it('drops a widget cluster above the plan by the share of widget words', () => {
    expect(reasons(['打印 关闭 某某', ...plan].join('\n'))).toEqual({ 1: 'widget' });
  });

  it('lists NBSP and space-only lines as blank-filler and leaves empty lines unlisted', () => {
    const { removed } = strip(['\u00a0\u00a0', '', ...plan, '\u3000 '].join('\n'));
    expect(removed).toEqual([
      { line: 1, text: '', reason: 'blank-filler' },
      { line: 5, text: '', reason: 'blank-filler' },
    ]);
  });

  it('folds Traditional characters in the matching form of kept lines only', () => {
    const { kept } = strip('南灣市2024年教育工作要點');
    expect(kept[0]!.text).toBe('南灣市2024年教育工作要點');
    expect(kept[0]!.fold).toBe('南湾市2024年教育工作要点');
  });
});

describe('stripBoilerplate: page furniture of exports', () => {
  it('drops page numbers and the running header next to them, keeping the first header', () => {
    const text = [
      '某县教育局文件',
      '某县2024年教育工作要点',
      '1.加强党的建设。落实党组织领导的校长负责制，健全议事决策制',
      '',
      '- 1 -',
      '某县教育局文件',
      '度。',
      '- 2 -',
    ].join('\n');
    expect(reasons(text)).toEqual({ 5: 'page-furniture', 6: 'page-furniture', 8: 'page-furniture' });
  });

  it('keeps a repeated line that sits away from page numbers', () => {
    const text = ['某县教育局', '1.加强党的建设。落实党组织领导的校长负责制。', '某县教育局', '2.推进教育均衡。新建学校3所。', '- 1 -'].join('\n');
    expect(reasons(text)).toEqual({ 5: 'page-furniture' });
  });
});

describe('full-width punctuation is seen in the folded form', () => {
  it('keeps a repeated line with a comma next to a page number (a sentence, not a header)', () => {
    const text = ['加强安全教育，确保平安', '1.加强党的建设。落实党组织领导的校长负责制。', '加强安全教育，确保平安', '- 1 -'].join('\n');
    expect(reasons(text)).toEqual({ 4: 'page-furniture' });
  });
});

describe('no rule names a whole seed line', () => {
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'src', f), 'utf8'));
  const seedLines = new Set<string>();
  for (const f of listFixtures('seeds')) {
    for (const raw of fixture(join('seeds', f)).split(/\r\n|\r|\n/)) {
      const t = raw.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
      if ([...t].length >= 6) seedLines.add(t);
    }
  }

  it('has seed lines to look for', () => expect(seedLines.size).toBeGreaterThan(100));

  it('src/ contains none of them', () => {
    const found = [...seedLines].filter((line) => sources.some((s) => s.includes(line)));
    expect(found).toEqual([]);
  });
});

// Keep FIXTURES referenced for readers looking for where seeds live.
void FIXTURES;

describe('wrapped plan lines and table rows that look a little like chrome stay', () => {
  for (const line of [
    '推广使用校园二维码门禁系统',
    '每周星期三下午开展集体教研活动',
    '序号 工作任务 牵头科室 完成时限',
    '1 新建幼儿园 基建科 12月底',
    '以上数据仅作为工作参考依据',
  ]) {
    it(line, () => expect(boilerplateReason(line)).toBeNull());
  }
});

describe('an article printed twice', () => {
  const article = ['某县教育局2024年工作要点', '2024年，全县教育系统要紧扣建设目标。', '一、加强党的建设', '1.强化政治引领。全年集中学习不少于12次。', '2.夯实基层党建。创建党支部10个。', '二、推进优质均衡', '3.扩充学位资源。新增学位3150个。'];
  it('keeps the first copy and drops the second as repeated', () => {
    const r = reasons([...article, ...article.slice(1), '附件下载：要点.docx'].join('\n'));
    expect(Object.entries(r).filter(([, v]) => v === 'repeated').map(([k]) => Number(k))).toEqual([8, 9, 10, 11, 12, 13]);
  });
  it('keeps a short run of lines that repeats (a heading and one item) and repeats without a sentence', () => {
    const r = reasons([...article, '一、加强党的建设', '1.强化政治引领。全年集中学习不少于12次。', '二、重点任务', '三、保障措施', '四、工作要求', '五、其他', '二、重点任务', '三、保障措施', '四、工作要求', '五、其他'].join('\n'));
    expect(Object.values(r)).not.toContain('repeated');
  });
});

describe('widget words written side by side', () => {
  it('a share bar whose links have nothing between them is a widget line', () => {
    expect(isWidgetLine('分享到：微信微博QQ空间')).toBe(true);
    expect(isWidgetLine('打印关闭')).toBe(true);
  });
  it('a word that only starts with a widget word is not', () => {
    expect(isWidgetLine('微信公众号推送')).toBe(false);
    expect(isWidgetLine('打印机采购')).toBe(false);
  });
  it('finds a toolbar glued to the end of a value', () => {
    expect(widgetTail('某县教育局打印关闭')).toBe(5);
    expect(widgetTail('某县教育局')).toBe(5);
    expect(widgetTail('中共某县委教育工作委员会')).toBe(12);
  });
});

describe('page furniture named by its shape', () => {
  const reason = (t: string) => boilerplateReason(t);
  it('a page action and what it acts on is a button (返回列表, 【我要打印】, 回到顶部, TOP)', () => {
    for (const t of ['返回列表', '【我要打印】', '回到顶部', 'TOP', '【打印本页】 【关闭窗口】']) expect(isWidgetLine(t), t).toBe(true);
    expect(isWidgetLine('返回家乡创业')).toBe(false);
  });
  it('QR captions and the 党政机关 badge of a footer are widgets', () => {
    for (const t of ['微信公众号', '政务微博', '移动客户端', '党政机关']) expect(isWidgetLine(t), t).toBe(true);
  });
  it('a social post credits, repost note and ask to like', () => {
    expect(reason('来源｜丰城教育')).toBe('editor');
    expect(reason('投稿邮箱：fcjyfb@163.com')).toBe('editor');
    expect(reason('图片来源：网络')).toBe('editor');
    expect(reason('声明：本文部分内容转载自丰城发布，版权归原作者所有。')).toBe('share-site');
    expect(reason('觉得不错，请点赞↓')).toBe('social');
  });
  it('leaves the page metadata and plan sentences alone', () => {
    expect(reason('来源：某县教育局')).toBeNull();
    expect(reason('开展“点赞新时代”主题教育活动不少于2次。')).toBeNull();
    expect(reason('分享优秀教学案例，推动成果转化。')).toBeNull();
  });
});
