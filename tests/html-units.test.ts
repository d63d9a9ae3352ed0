// The HTML reader's parts, one rule at a time: charset, rendering (innerText
// rules with source lines), chrome by structure, page metadata, and how the
// page's metadata merges with what the text says.
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodePage } from '../src/html/charset.js';
import { parseHtml, parseHtmlPlan, readPage } from '../src/html/index.js';
import { mergeMeta } from '../src/html/merge.js';
import { parsePlanBytes } from '../src/read.js';
import { InputError } from '../src/errors.js';
import type { Meta, MetadataField, PageMetaField } from '../src/schema.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
/** GBK bytes of a string: Node's TextEncoder writes only UTF-8, so every two-byte GBK code is decoded once into a table. */
let gbkTable: Map<string, number[]> | null = null;
function gbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = dec.decode(Uint8Array.of(hi, lo));
        if (lo !== 0x7f && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : gbkTable.get(ch)!));
  return new Uint8Array(out);
}
const lines = (html: string) => readPage(html).text.split('\n');
const rendered = (html: string) => {
  const page = readPage(html);
  return page.text.split('\n').map((t, i) => [page.source[i], t] as const).filter(([, t]) => t.trim() !== '');
};

describe('charset', () => {
  it('finds <meta charset>, http-equiv Content-Type and an XML declaration; ignores charset= in other content', () => {
    expect(declaredCharset(bytes('<html><head><meta charset="GBK"></head>'))).toBe('gbk');
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))).toBe('gb2312');
    expect(declaredCharset(bytes('<?xml version="1.0" encoding="GB18030"?><html>'))).toBe('gb18030');
    expect(declaredCharset(bytes('<meta name="description" content="charset=gbk is a tag"><title>x</title>'))).toBeNull();
    expect(declaredCharset(bytes('<!-- <meta charset="big5"> --><meta charset="utf-8">'))).toBe('utf-8');
  });

  it('BOM first, then the declaration, then detection', () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>工作要点</title></head><body><p>一、总体要求</p></body></html>';
    expect(decodePage(gbk(page))).toMatchObject({ encoding: 'gb18030', charsetSource: 'declared', declared: 'gb2312' });
    expect(decodePage(gbk(page)).text).toContain('一、总体要求');
    // A BOM wins over what the page says.
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(page)]))).toMatchObject({ encoding: 'utf-8-bom', charsetSource: 'bom' });
    // A page that says UTF-8 but is GBK (a template slip): detection reads it.
    const wrong = page.replace('charset=gb2312', 'charset=utf-8');
    expect(decodePage(gbk(wrong))).toMatchObject({ encoding: 'gb18030', charsetSource: 'detected', declared: 'utf-8' });
    // No declaration at all.
    expect(decodePage(gbk('<p>二、主要任务</p>'))).toMatchObject({ encoding: 'gb18030', charsetSource: 'detected', declared: null });
  });

  it('reads Big5 when declared; refuses an unread charset by name when detection fails too', () => {
    const big5 = new Uint8Array([...bytes('<meta charset="big5"><p>'), 0xa4, 0x40, 0xa1, 0x42, ...bytes('</p>')]); // 一、
    expect(decodePage(big5)).toMatchObject({ encoding: 'big5', text: '<meta charset="big5"><p>一、</p>' });
    const latin = new Uint8Array([...bytes('<meta charset="windows-1252"><p>caf'), 0xe9, 0xe9, 0xe9, ...bytes('</p>')]);
    expect(() => decodePage(latin)).toThrow(InputError);
    expect(() => decodePage(latin)).toThrow('the page declares charset windows-1252, which planparse does not read (UTF-8, UTF-16, GB2312/GBK/GB18030, Big5)');
    // Declared but unread, and the bytes are plain UTF-8: read by detection.
    expect(decodePage(bytes('<meta charset="iso-8859-1"><p>一、总体要求</p>'))).toMatchObject({ encoding: 'utf-8', charsetSource: 'detected' });
  });
});

describe('rendering as a browser shows the page', () => {
  it('block elements and <br> make lines; inline elements do not', () => {
    expect(lines('<div>一、<span>总体</span><b>要求</b></div><p>第一段<br>第二行</p><div><div>嵌套</div></div>')).toEqual(['一、总体要求', '', '第一段', '第二行', '', '嵌套']);
  });

  it('collapses white space, and a source line break between two CJK characters vanishes', () => {
    expect(lines('<p>  加强\n  党的建设 \t and\n  more  </p>')).toEqual(['加强党的建设 and more']);
    expect(lines('<p>1.\n落实</p>')).toEqual(['1. 落实']);
    // NBSP is not white space to collapse: an indent of &nbsp; stays (normalise folds it later).
    expect(lines('<p>&nbsp;&nbsp;一、</p>')).toEqual(['\u00a0\u00a0一、']);
  });

  it('table rows are lines, their cells separated by a tab', () => {
    expect(lines('<table><tr><th>索引号：</th><td>123/2024-1</td></tr><tr><td>发文机关：</td><td>某局</td></tr></table>')).toEqual(['索引号：\t123/2024-1', '发文机关：\t某局']);
  });

  it('<pre> keeps its lines and spaces', () => {
    expect(lines('<pre>一、  总体要求\n1. 落实\n</pre>')).toEqual(['一、  总体要求', '1. 落实']);
  });

  it('gives nothing for head, script, style, noscript, template, iframe, controls, hidden elements and forms', () => {
    const html = `<html><head><title>标题</title><style>p{}</style></head><body>
      <script>var a = "一、脚本";</script><noscript>请开启脚本</noscript><template><p>模板</p></template>
      <iframe src="x"></iframe><button>按钮</button><select><option>选项</option></select><textarea>文本框</textarea>
      <div hidden>隐藏一</div><div style="display:none">隐藏二</div><span style="visibility: hidden">隐藏三</span>
      <form><p>表单里的字</p></form><p>正文</p></body></html>`;
    expect(lines(html).filter((t) => t !== '')).toEqual(['正文']);
  });

  it('numbers ordered list entries as shown; bullets and lettered lists show no number', () => {
    expect(lines('<ol start="2"><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul><ol type="a"><li>丁</li></ol><ol style="list-style:none"><li>戊</li></ol>')).toEqual(['2. 甲', '3. 乙', '丙', '丁', '戊']);
  });

  it('each line keeps the source line of its first character', () => {
    const html = '<body>\n<div>\n  <p>\n    一、总体要求</p>\n<p>1. 落实<br>\n2. 推进</p>\n</div>\n</body>';
    expect(rendered(html)).toEqual([
      [4, '一、总体要求'],
      [5, '1. 落实'],
      [6, '2. 推进'],
    ]);
  });
});

describe('chrome by structure', () => {
  const chromeOf = (html: string) => readPage(html).chrome.map((c) => [c.cue, c.reason, c.element, c.line, c.text]);
  const article = '<div class="content"><p>一、加强党建，落实全面从严治党主体责任。</p><p>二、推进均衡发展，扩大优质教育资源供给。</p><p>三、建设高素质教师队伍，提升育人水平。</p></div>';

  it('landmark elements, ARIA roles, class and id words; each with its path and line', () => {
    const html = `<body>\n<nav><a href="/">首页</a></nav>\n<div role="search">搜索本站</div>\n<div class="topNav">栏目</div>\n<div id="breadcrumb-bar">当前位置</div>\n<div class="share_box">分享到</div>\n<aside>专题</aside>\n${article}\n<div class="copyright">版权所有</div>\n</body>`;
    expect(chromeOf(html)).toEqual([
      ['<nav>', 'navigation', 'body > nav', 2, '首页'],
      ['role=search', 'widget', 'body > div', 3, '搜索本站'],
      ['class topNav', 'navigation', 'body > div.topNav', 4, '栏目'],
      ['id breadcrumb-bar', 'breadcrumb', 'body > div#breadcrumb-bar', 5, '当前位置'],
      ['class share_box', 'social', 'body > div.share_box', 6, '分享到'],
      ['<aside>', 'related', 'body > aside', 7, '专题'],
      ['class copyright', 'footer', 'body > div.copyright', 9, '版权所有'],
    ]);
  });

  it('words are whole words: navigator, menubar-less names and "header" inside a longer word are not chrome', () => {
    const html = `<body><div class="navigator-free">留下一</div><div class="subheader2">留下二</div><div id="researcher">留下三</div>${article}</body>`;
    expect(chromeOf(html)).toEqual([]);
    expect(lines(html).filter((t) => t !== '').slice(0, 3)).toEqual(['留下一', '留下二', '留下三']);
  });

  it('a link-dense block is chrome; a paragraph with a link or two is not', () => {
    const html = `<body><ul><li><a href="1">政策文件</a></li><li><a href="2">部门文件</a></li><li><a href="3">规划计划</a></li></ul>${article}<p>详见<a href="x">附件1</a>。</p></body>`;
    expect(chromeOf(html)).toEqual([['3 links (100% of the text)', 'navigation', 'body > ul', 1, '政策文件 部门文件 规划计划']]);
  });

  it('a heading over a list saved empty (filled by a script) is chrome', () => {
    const html = `<body>${article}<div class="relalinks"><div class="title_name">相关链接</div><ul><li ms-repeat="list"><a ms-attr-href="el.url"></a></li></ul></div></body>`;
    expect(chromeOf(html)).toEqual([['a heading over an empty list', 'related', 'body > div.relalinks', 1, '相关链接']]);
  });

  it('<header> and <footer> inside an article frame the article and stay', () => {
    const html = `<body><header>网站头部</header><article><header><h1>某县2024年工作要点</h1></header>${article}<footer>2024年3月1日</footer></article><footer>网站底部</footer></body>`;
    expect(chromeOf(html).map((c) => c[2])).toEqual(['body > header', 'body > footer']);
    expect(lines(html).filter((t) => t !== '')).toContain('某县2024年工作要点');
    expect(lines(html).filter((t) => t !== '')).toContain('2024年3月1日');
  });

  it('never cuts the article or what holds it: a page wrapped in a header-named div or an ASP.NET form', () => {
    const html = `<body><form id="form1" action="x.aspx"><div class="main-header-wrap"><div class="search">搜索</div>${article}</div></form></body>`;
    expect(chromeOf(html)).toEqual([['class search', 'widget', 'body > form#form1 > div.main-header-wrap > div.search', 1, '搜索']]);
    expect(lines(html).filter((t) => t !== '')).toHaveLength(3);
  });

  it('the element holding the main heading is not chrome even with a chrome word (class="detail-header")', () => {
    const html = `<body><div class="detail-header"><h1>某县教育局2024年工作要点</h1></div>${article}</body>`;
    expect(chromeOf(html)).toEqual([]);
  });
});

describe('page metadata', () => {
  const head = `<html><head>
<meta name="SiteName" content="某县人民政府">
<meta name="ArticleTitle" content="某县教育局关于印发《某县教育局2024年工作要点》的通知">
<meta name="PubDate" content="2024-03-05 10:20">
<meta name="ContentSource" content="某县教育局">
<meta name="KeyWords" content="">
<meta property="og:title" content="OG标题">
<title>工作要点_某县人民政府</title>
</head><body><svg><title>图标</title></svg></body></html>`;

  it('reads the portal tags, og:title and <title>, with their lines; empty ones and an SVG title are left out', () => {
    expect(readPage(head).page).toEqual([
      { key: 'siteName', tag: 'meta SiteName', value: '某县人民政府', line: 2 },
      { key: 'articleTitle', tag: 'meta ArticleTitle', value: '某县教育局关于印发《某县教育局2024年工作要点》的通知', line: 3 },
      { key: 'published', tag: 'meta PubDate', value: '2024-03-05 10:20', line: 4 },
      { key: 'contentSource', tag: 'meta ContentSource', value: '某县教育局', line: 5 },
      { key: 'ogTitle', tag: 'meta og:title', value: 'OG标题', line: 7 },
      { key: 'title', tag: 'title', value: '工作要点_某县人民政府', line: 8 },
    ]);
  });
});

describe('merging the page metadata into what the text says', () => {
  const meta = (over: Partial<Meta> = {}): Meta => ({
    title: null, titleLine: null, year: null, issuer: null, region: null, docNumber: null, indexNumber: null, category: null,
    dates: { written: null, published: null }, notice: null, fields: [], ...over,
  });
  const field = (key: PageMetaField['key'], value: string, line = 3): PageMetaField => ({ key, tag: key === 'title' ? 'title' : `meta ${key}`, value, line });

  it('the text title stands when it agrees with the page (a notice title holds the plan title)', () => {
    const { meta: m, diagnostics } = mergeMeta(meta({ title: '某县教育局2024年工作要点', titleLine: 40, year: 2024 }), [field('articleTitle', '某县教育局关于印发《某县教育局2024年工作要点》的通知')]);
    expect([m.title, m.titleLine, m.origins?.title, m.origins?.year]).toEqual(['某县教育局2024年工作要点', 40, { from: 'text', tag: null, line: 40 }, { from: 'text', tag: null, line: 40 }]);
    expect(diagnostics).toEqual([]);
  });

  it('a text title that disagrees gives way to ArticleTitle, with an info diagnostic', () => {
    const { meta: m, diagnostics } = mergeMeta(meta({ title: '热门搜索', titleLine: 12 }), [field('articleTitle', '某县教育局2024年工作要点', 6)]);
    expect([m.title, m.titleLine, m.year, m.origins?.title, m.origins?.year]).toEqual([
      '某县教育局2024年工作要点', 6, 2024, { from: 'page', tag: 'meta articleTitle', line: 6 }, { from: 'page', tag: 'meta articleTitle', line: 6 },
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['page-title-differs', 'info', 6]]);
  });

  it('<title> only fills a gap, without the site and column names', () => {
    const page = [field('siteName', '某县人民政府'), field('column', '计划总结'), field('title', '某县教育局2024年工作要点_计划总结_某县人民政府', 9)];
    expect(mergeMeta(meta(), page).meta.title).toBe('某县教育局2024年工作要点');
    expect(mergeMeta(meta({ title: '某县2024年教育工作要点' }), page).meta.title).toBe('某县2024年教育工作要点');
    // A <title> that is only the column and the site gives nothing.
    expect(mergeMeta(meta(), [field('siteName', '某县人民政府'), field('title', '计划总结_某县人民政府')]).meta.title).toBeNull();
  });

  it('PubDate fills a gap, and wins over a different text date with an info diagnostic', () => {
    expect(mergeMeta(meta(), [field('published', '2024-03-05 10:20', 4)]).meta.dates.published).toBe('2024-03-05');
    const { meta: m, diagnostics } = mergeMeta(meta({ dates: { written: '2024-03-01', published: '2024-03-06' } }), [field('published', '2024-03-05 10:20', 4)]);
    expect([m.dates.published, m.dates.written, m.origins?.published?.from, m.origins?.written?.from]).toEqual(['2024-03-05', '2024-03-01', 'page', 'text']);
    expect(diagnostics.map((d) => d.code)).toEqual(['page-date-differs']);
  });

  it('a value read from the text names the line it was read on: its metadata cell, or the title holding it', () => {
    const cell = (line: number, key: MetadataField['key'], value: string) => ({ line, text: `${value}`, cells: [{ line, label: '', key, value }] });
    const m = mergeMeta(
      meta({ title: '某县教育局2024年工作要点', titleLine: 7, year: 2024, issuer: '某县教育局', dates: { written: '2024-03-01', published: null }, fields: [cell(3, 'issuer', '某县人民政府'), cell(90, 'issuer', '某县教育局'), cell(91, 'written', '2024年3月1日')] }),
      [],
    ).meta;
    expect(m.origins).toEqual({
      title: { from: 'text', tag: null, line: 7 },
      year: { from: 'text', tag: null, line: 7 },
      issuer: { from: 'text', tag: null, line: 90 },
      written: { from: 'text', tag: null, line: 91 },
      published: null,
    });
    // an issuer read from the title is on the title's line; a year the title does not hold has no line
    expect(mergeMeta(meta({ title: '某县教育局2024年工作要点', titleLine: 7, year: 2025, issuer: '某县教育局' }), []).meta.origins).toMatchObject({ issuer: { line: 7 }, year: { line: null } });
  });

  it('the issuer: the text first; ContentSource or the ArticleTitle\'s leading body fill a gap; the site name is no issuer', () => {
    expect(mergeMeta(meta({ issuer: '某县教育局' }), [field('contentSource', '某县人民政府办公室')]).meta.issuer).toBe('某县教育局');
    expect(mergeMeta(meta(), [field('contentSource', '某县教育局')]).meta).toMatchObject({ issuer: '某县教育局', region: { name: '某县', level: 'county' } });
    expect(mergeMeta(meta(), [field('articleTitle', '某市行政审批局2023年工作计划')]).meta.issuer).toBe('某市行政审批局');
    expect(mergeMeta(meta(), [field('articleTitle', '关于做好2023年招生工作的通知')]).meta.issuer).toBeNull();
    const site = mergeMeta(meta({ issuer: '某市人民政府' }), [field('siteName', '某市人民政府'), field('articleTitle', '某市行政审批局2023年工作计划')]);
    expect([site.meta.issuer, site.diagnostics.map((d) => d.code)]).toEqual(['某市行政审批局', ['page-issuer-differs']]);
  });
});

describe('reading a page through the library', () => {
  it('parseHtmlPlan: line numbers of diagnostics and removed lines point into the HTML', () => {
    const html = '<html>\n<body>\n<div class="nav"><a href="/">首页</a></div>\n<p>一、加强党建</p>\n<p>1. 落实责任。</p>\n<p>3. 推进改革。</p>\n<p>浏览次数：1024</p>\n</body>\n</html>\n';
    const plan = parseHtmlPlan(html, { path: 'x.html' });
    expect(plan.source).toEqual({ path: 'x.html', encoding: 'utf-8', format: 'html', bytes: Buffer.byteLength(html), lines: 9 });
    expect(plan.diagnostics.find((d) => d.code === 'item-number-gap')?.line).toBe(6);
    expect(plan.boilerplate.map((b) => [b.line, b.reason])).toEqual([[3, 'navigation'], [7, 'counter']]);
    expect(plan.sections[0]!.items.map((i) => i.lines)).toEqual([{ start: 5, end: 5 }, { start: 6, end: 6 }]);
  });

  it('a .txt that opens with a doctype, <html>, <head> or <body> is read as a page; stdin with --stdin-format html too', async () => {
    for (const head of ['<!DOCTYPE html>', '<?xml version="1.0"?>\n<!DOCTYPE html>', '<!-- saved -->\n<html lang="zh">', '<HEAD><title>t</title></HEAD>', '<body>']) {
      const plan = await parsePlanBytes(bytes(`${head}\n<p>一、总体要求</p><p>1. 落实。</p>`), 'page.txt');
      expect(plan.source.format, head).toBe('html');
      expect(plan.sections.map((s) => s.heading)).toEqual(['总体要求']);
    }
    // A fragment without <html> is HTML when the caller says so.
    const frag = await parsePlanBytes(bytes('<p>一、总体要求</p><p>1. 落实。</p>'), null, 'html');
    expect([frag.source.format, frag.sections.length]).toEqual(['html', 1]);
    // ...and text otherwise: tags and all.
    const asText = await parsePlanBytes(bytes('<p>一、总体要求</p>'), null, 'text');
    expect(asText.source.format).toBe('text');
  });

  it('an empty page is an empty plan with its warning', () => {
    const plan = parseHtmlPlan('<html><head><title></title></head><body></body></html>');
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['empty-input']);
    expect(parseHtml('').type).toBe('root');
  });
});

describe('a disclosure bar in a block named as chrome', () => {
  const page = (cls: string, bar: string) =>
    `<html><head><title>某县教育局2024年工作要点</title></head><body><div class="main"><div class="${cls}">${bar}</div><div class="content"><p>一、加强党的建设</p><p>1.深入推进党建引领。培育示范校5所。</p><p>2.加强思想政治教育。每学期开展活动不少于4次。</p></div></div></body></html>`;
  it('keeps its date and source when the class says header or toolbar', () => {
    for (const cls of ['info-header', 'toolbar', 'article-tools']) {
      const plan = parseHtmlPlan(page(cls, '<span>发布时间：2024-01-16</span><span>来源：某县教育局</span><a>打印</a><a>关闭</a>'));
      expect(plan.meta.dates.published, cls).toBe('2024-01-16');
      expect(plan.meta.issuer, cls).toBe('某县教育局');
    }
  });
  it('still drops such a block when it holds no disclosure fact, and a footer whatever it holds', () => {
    const plain = parseHtmlPlan(page('toolbar', '<a>打印</a> <a>关闭</a> <span>字号：大 中 小</span>'));
    expect(plain.boilerplate.map((b) => b.reason)).toContain('widget');
    const footer = parseHtmlPlan(page('footer', '<span>发布时间：2024-01-16</span> <span>主办单位：某县教育局</span>'));
    expect(footer.meta.dates.published).toBeNull();
  });
});

describe('a task table and a related box beside the article', () => {
  const html = `<html><head><title>某县教育局2024年工作要点</title></head><body><div class="content"><p>一、办好民生实事</p><p>1.实施民生实事项目。具体任务见下表。</p>
<table><tr><td>序号</td><td>项目名称</td><td>目标任务</td><td>责任股室</td></tr><tr><td>1</td><td>新建公办幼儿园</td><td>6所</td><td>计财股</td></tr><tr><td>2</td><td>新增义务教育学位</td><td>2000个</td><td>基教股</td></tr></table>
<p>2.维护校园安全。开展安全检查不少于4次。</p></div>
<div class="jd-box"><h3>相关解读</h3><div><a href="/jd/1.html">图解：《某县教育局2024年工作要点》</a><p>今年，全县将新建公办幼儿园6所，新增学位1080个。</p></div></div></body></html>`;
  const plan = parseHtmlPlan(html);
  const items = plan.sections[0]!.items;
  it('keeps the rows apart in the item text, and each figure is named by its own row', () => {
    expect(items[0]!.text).toContain('责任股室 1 新建公办幼儿园 6所 计财股 2 新增义务教育学位 2000个');
    expect(items[0]!.targets.map((t) => [t.text, t.indicator])).toEqual([['6所', '新建公办幼儿园'], ['2000个', '新增义务教育学位']]);
  });
  it('drops the box headed 相关解读, excerpt and figures and all', () => {
    expect(items[1]!.text).toBe('维护校园安全。开展安全检查不少于4次。');
    expect(plan.boilerplate.some((b) => b.reason === 'related')).toBe(true);
  });
});

describe('publication dates in other meta tags', () => {
  it('reads firstpublishedtime (gov.cn), publishdate and article:published_time', () => {
    const page = (tag: string) => `<html><head>${tag}<title>某县教育局2024年工作要点</title></head><body><div class="content"><p>一、加强党的建设</p><p>1.深入推进党建引领。培育示范校5所。</p></div></body></html>`;
    expect(parseHtmlPlan(page('<meta name="firstpublishedtime" content="2024-01-16-17:21:05">')).meta.dates.published).toBe('2024-01-16');
    expect(parseHtmlPlan(page('<meta name="publishdate" content="2024-02-01">')).meta.dates.published).toBe('2024-02-01');
    expect(parseHtmlPlan(page('<meta property="article:published_time" content="2024-03-02T08:00:00+08:00">')).meta.dates.published).toBe('2024-03-02');
  });
});

describe('markup nested past any real page', () => {
  it('is read flat with a warning, on any thread, every character kept', () => {
    const deep = '<html><body>' + '<div>'.repeat(1800) + '<p>一、加强教育</p><p>1.新建学校3所。</p>' + '</div>'.repeat(1800) + '</body></html>';
    const plan = parseHtmlPlan(deep);
    expect(plan.sections.map((s) => s.heading)).toEqual(['加强教育']);
    expect(plan.sections[0]!.items[0]!.targets[0]!.value).toBe(3);
    expect(plan.diagnostics.map((d) => d.code)).toContain('markup-too-deep');
    const unclosed = parseHtmlPlan('<html><body>' + '<b><i>一、加强教育<br>'.repeat(1000) + '</body></html>');
    expect(unclosed.sections).toHaveLength(1000);
  });
  it('an ordinary page is read as before, with no warning', () => {
    const plan = parseHtmlPlan('<html><body><div><div><p>一、加强教育</p><p>1.新建学校3所。</p></div></div></body></html>');
    expect(plan.diagnostics.map((d) => d.code)).not.toContain('markup-too-deep');
  });
});
