// Saved web pages (fixtures/html): four real pages of one government portal,
// scored against their gold (fixtures/html/gold, the same documents' gold as
// the text exports g07, g01, g15, g16), and hand-written pages of six other
// layouts (fixtures/html/layouts). Every line number must point into the HTML
// source: the source line it names holds the text it is said to hold.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import { decodePage } from '../src/html/charset.js';
import { Plan, type Plan as PlanT, type RemovedLine } from '../src/schema.js';
import { FIXTURES, allItems, norm } from './helpers.js';

const HTML = join(FIXTURES, 'html');
const LAYOUTS = join(HTML, 'layouts');

/** The decoded source lines of a page, as a reader of the file sees them. */
function sourceLines(path: string): string[] {
  return decodePage(new Uint8Array(readFileSync(path))).text.split(/\r\n|\r|\n/);
}

/** A source line's text without tags and with the common entities read, spaces folded away. */
function shownOn(lines: string[], n: number): string {
  const raw = lines[n - 1] ?? '';
  return norm(raw.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/&copy;/g, '©'));
}

/** The first line of the source holding `needle` (1-based). */
function lineHolding(lines: string[], needle: string): number {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i === -1) throw new Error(`no source line holds ${needle}`);
  return i + 1;
}

const contentOf = (plan: PlanT) => norm(JSON.stringify([plan.preamble, plan.sections, plan.items, plan.closing]));

/** Every section and item starts on a source line that shows the start of its text. */
function positionProblems(plan: PlanT, lines: string[]): string[] {
  const problems: string[] = [];
  const check = (what: string, start: number, text: string) => {
    const head = norm(text).replace(/[\p{P}\p{S}]/gu, '').slice(0, 6);
    const shown = shownOn(lines, start).replace(/[\p{P}\p{S}]/gu, '');
    if (!shown.includes(head)) problems.push(`${what} at line ${start} (${head}) is not on that source line`);
  };
  for (const s of plan.sections) check(`section ${s.number}`, s.lines.start, s.heading);
  for (const it of allItems(plan)) check(`item ${it.number}`, it.lines.start, it.text);
  for (const p of [...plan.preamble, ...plan.closing]) check('paragraph', p.lines.start, p.text);
  if (plan.meta.titleLine !== null && plan.meta.title !== null && plan.meta.origins?.title?.from === 'text') {
    check('title', plan.meta.titleLine, plan.meta.title);
    if (plan.meta.origins.title.line !== plan.meta.titleLine) problems.push(`the title's origin is line ${plan.meta.origins.title.line}, not the title line ${plan.meta.titleLine}`);
  }
  return problems;
}

/** A chrome entry's line holds the opening tag of the element it names. */
function chromeProblems(removed: RemovedLine[], lines: string[]): string[] {
  return removed
    .filter((b) => b.element !== undefined)
    .flatMap((b) => {
      const tag = b.element!.split(' > ').pop()!.split(/[.#]/)[0]!;
      return new RegExp(`<${tag}[\\s>]`, 'i').test(lines[b.line - 1] ?? '') ? [] : [`${b.element} is not opened on line ${b.line}`];
    });
}

interface Gold {
  meta: Record<'title' | 'issuer' | 'docNumber' | 'written' | 'published', string | string[] | null> & { year: number | null };
  sections: { number: number; heading: string | string[] }[];
  items: { number: number; lead: string }[];
  absent: string[];
  present: string[];
}

const lead = (s: string | null | undefined) => norm(s).replace(/[\p{P}\p{S}]/gu, '').slice(0, 4);
const oneOf = (want: string | string[] | null, got: string | null) => (want === null ? got === null : [want].flat().some((w) => norm(w) === norm(got)));

const realPages = readdirSync(HTML).filter((f) => f.endsWith('.html')).sort();

it('has the four real pages with their gold and source notes', () => {
  expect(realPages).toEqual(['pingtan-83182.html', 'pingtan-83226.html', 'pingtan-83241.html', 'pingtan-83259.html']);
  for (const f of realPages) expect(JSON.parse(readFileSync(join(HTML, f.replace('.html', '.source.json')), 'utf8')).path).toContain('page.html');
});

for (const file of realPages) {
  describe(`real page ${file}`, async () => {
    const path = join(HTML, file);
    const gold = JSON.parse(readFileSync(join(HTML, 'gold', file.replace('.html', '.json')), 'utf8')) as Gold;
    const plan = await parsePlanFile(path);
    const lines = sourceLines(path);

    it('is a schema-valid plan read as HTML, its line count that of the source', () => {
      expect(Plan.safeParse(plan).success).toBe(true);
      expect(plan.source.format).toBe('html');
      expect(plan.source.encoding).toBe('utf-8');
      expect(plan.source.lines).toBe(lines.length - (lines[lines.length - 1] === '' ? 1 : 0));
    });

    it('finds every gold section and item, and nothing more', () => {
      const sections = plan.sections.map((s) => ({ number: s.number, heading: s.heading }));
      expect(sections.length).toBe(gold.sections.length);
      gold.sections.forEach((g, i) => {
        expect(sections[i]!.number).toBe(g.number);
        expect(oneOf(g.heading, sections[i]!.heading), `section ${g.number}: ${sections[i]!.heading}`).toBe(true);
      });
      expect(allItems(plan).map((it) => `${it.number}|${lead(it.title ?? it.text)}`)).toEqual(gold.items.map((g) => `${g.number}|${lead(g.lead)}`));
    });

    it('reads title, issuer, document number and dates as the gold has them', () => {
      const m = plan.meta;
      expect(oneOf(gold.meta.title, m.title), `title ${m.title}`).toBe(true);
      expect(oneOf(gold.meta.issuer, m.issuer), `issuer ${m.issuer}`).toBe(true);
      expect(oneOf(gold.meta.docNumber, m.docNumber)).toBe(true);
      expect(m.dates.written).toBe(gold.meta.written);
      expect(m.dates.published).toBe(gold.meta.published);
    });

    // 2022年工作总结暨2023年工作思路: the year of the plan, not of the review.
    it(`reads the year ${gold.meta.year}`, () => {
      expect(plan.meta.year).toBe(gold.meta.year);
    });

    it('keeps the plan and drops the portal', () => {
      const content = contentOf(plan);
      for (const s of gold.present) expect(content.includes(norm(s)), `lost: ${s}`).toBe(true);
      for (const s of gold.absent) expect(content.includes(norm(s)), `leaked: ${s}`).toBe(false);
    });

    it('cuts header, breadcrumb and footer by structure, each with its element path and line', () => {
      const cut = plan.boilerplate.filter((b) => b.element !== undefined);
      expect(cut.find((b) => b.cue === 'class header')).toMatchObject({ reason: 'navigation', element: 'body > div.wrap > div.header.menu_hov', line: lineHolding(lines, '<div class="header menu_hov">') });
      expect(cut.find((b) => b.reason === 'breadcrumb')).toMatchObject({ cue: 'class breadcrumb', line: lineHolding(lines, '<div class="breadcrumb"') });
      const footer = cut.find((b) => b.reason === 'footer')!;
      expect(footer).toMatchObject({ element: 'body > div.wrap > div.footer', cue: 'class footer', line: lineHolding(lines, '<div class="footer">') });
      expect(footer.text).toContain('网站标识码');
      expect(chromeProblems(plan.boilerplate, lines)).toEqual([]);
    });

    it('points every section, item and paragraph at the source line that holds it', () => {
      expect(positionProblems(plan, lines)).toEqual([]);
    });

    it('records the page metadata, each field with its tag and line', () => {
      const page = plan.meta.page!;
      const at = (key: string) => page.find((f) => f.key === key);
      expect(at('siteName')).toEqual({ key: 'siteName', tag: 'meta SiteName', value: '平潭综合实验区党工委管委会', line: lineHolding(lines, 'name="SiteName"') });
      expect(at('siteIdCode')?.value).toBe('3590000001');
      expect(at('articleTitle')?.value).toBe(gold.meta.title);
      expect(at('title')?.value).toBe('年度计划_ 平潭综合实验区党工委管委会');
      // read from the text: its line is the source line that shows the date
      const published = plan.meta.origins?.published;
      expect(published).toMatchObject({ from: 'text', tag: null });
      expect(lines[published!.line! - 1]!.replace(/[年月]/g, '-')).toContain(plan.meta.dates.published!.slice(0, 7));
    });
  });
}

interface Layout {
  file: string;
  encoding?: string;
  meta: { title: string; year: number; issuer: string | null; docNumber?: string | null; written: string | null; published: string | null };
  /** Where title, issuer and published came from: 'text' or the page field's tag. */
  origins: { title: string; issuer: string | null; published: string | null };
  sections: string[];
  /** The sections' text (heading line after the marker), where it differs from the heading. */
  sectionTexts?: string[];
  items: number[];
  /** Chrome cut by structure: cue → reason. */
  cut: Record<string, string>;
  /** Lines removed by the text rules: reason → a source string on that line. */
  textRules: [string, string][];
  present: string[];
  absent: string[];
}

const layouts: Layout[] = [
  {
    file: 'trs-wcm.html',
    meta: { title: '永宁县教育体育局2024年工作要点', year: 2024, issuer: '永宁县教育体育局', written: '2024-02-26', published: '2024-02-27' },
    origins: { title: 'text', issuer: 'text', published: 'text' },
    sections: ['坚持立德树人，筑牢思想根基', '推进均衡发展，扩大优质资源', '强化队伍建设，提升保障水平'],
    items: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    cut: { 'id nav': 'navigation', 'class art_share': 'social', 'class art_tools': 'widget', 'id footer': 'footer', '4 links (80% of the text)': 'navigation', '3 links (93% of the text)': 'navigation' },
    // The byline row (发布时间 … 来源 … 浏览次数) is one metadata line.
    textRules: [['breadcrumb', '<div class="position">']],
    present: ['全年开展思政课集体备课不少于12次', '确保义务教育教师平均工资收入水平不低于当地公务员平均工资收入水平'],
    absent: ['网站标识码', '相关文章', '繁體版', '搜索', 'bds_weixin', '.TRS_Editor P', '微信', '打印本页'],
  },
  {
    file: 'wechat.html',
    meta: { title: '滨湖区教育局2024年工作要点', year: 2024, issuer: '滨湖区教育局', written: null, published: '2024-03-01' },
    origins: { title: 'text', issuer: 'text', published: 'byline' },
    // The text stage ends a heading at the space between its two phrases; the section's text keeps both.
    sections: ['聚焦立德树人', '聚焦优质均衡', '聚焦队伍建设'],
    sectionTexts: ['聚焦立德树人 培育时代新人', '聚焦优质均衡 办好家门口好学校', '聚焦队伍建设 激发教育活力'],
    items: [1, 2, 3, 4, 5, 6, 7],
    cut: { 'byline between the heading and the article': 'other', 'class rich_media_tool': 'widget' },
    // <br> splits the QR prompt in two lines of one source line: 微信扫一扫 / 关注该公众号.
    textRules: [['editor', '编辑：陈晨'], ['qr-prompt', '微信扫一扫<br>关注该公众号'], ['social', '微信扫一扫<br>关注该公众号']],
    present: ['建成区级思政教育实践基地5个', '义务教育学校教师交流比例不低于15%'],
    absent: ['滨湖教育发布', '阅读原文', '赞 36', '在看', '关注该公众号', '使用小程序', 'msg_title', '编辑：陈晨'],
  },
  {
    file: 'docshare.html',
    meta: { title: '2024年度西湖镇中心学校教育教学工作计划', year: 2024, issuer: null, written: null, published: null },
    origins: { title: 'text', issuer: null, published: null },
    sections: ['指导思想', '工作目标', '主要措施'],
    items: [1, 2, 3, 4, 5],
    cut: { '<header>': 'navigation', '<footer>': 'footer', '4 links (95% of the text)': 'navigation' },
    textRules: [['download', '<h1 class="doc-title">'], ['share-site', '上传人：'], ['share-site', '本文档由用户上传'], ['page-furniture', '第1页 / 共4页'], ['page-furniture', '第2页 / 共4页'], ['share-site', '预览已结束'], ['share-site', '下载券']],
    present: ['优秀率提高5个百分点', '每周开设兴趣社团不少于15个'],
    absent: ['上传人', '侵权', '第1页', '预览已结束', '下载券', '相关文档', '开通VIP', '版权所有', '搜索海量文档'],
  },
  {
    file: 'disclosure-table.html',
    meta: { title: '青州市教育和体育局2024年工作要点', year: 2024, issuer: '青州市教育和体育局', docNumber: '青教体发〔2024〕5号', written: '2024-02-20', published: '2024-02-26' },
    origins: { title: 'text', issuer: 'text', published: 'text' },
    sections: ['加强党的全面领导', '推动各类教育协调发展', '建设高素质教师队伍'],
    items: [1, 2, 3, 4, 5, 6, 7],
    cut: { 'class gov-header': 'navigation', '<nav>': 'navigation', 'class gov-footer': 'footer' },
    textRules: [['download', '<span>附件：</span>']],
    present: ['创建党建品牌学校10所', '交流轮岗教师不少于200名'],
    absent: ['索引号', '11370781MB2851234X', '印发给你们', '此件公开发布', '网站标识码', '云门山南路'],
  },
  {
    file: 'gbk-table-layout.html',
    encoding: 'gb18030',
    meta: { title: '石门县教育局2023年工作要点', year: 2023, issuer: '石门县教育局', written: '2023-03-10', published: '2023-03-15' },
    origins: { title: 'text', issuer: 'text', published: 'text' },
    sections: ['抓党建，强化政治引领', '补短板，改善办学条件', '提质量，促进内涵发展'],
    items: [],
    cut: { '5 links (82% of the text)': 'navigation', '4 links (80% of the text)': 'navigation', 'class wz_tools': 'widget' },
    textRules: [['breadcrumb', '您现在的位置'], ['footer', '版权所有'], ['footer', '湘ICP备05004567号']],
    present: ['新建县第三完全小学，新增学位1350个', '招聘公费师范生45名，培训教师2600人次'],
    absent: ['您现在的位置', '政策法规', '打印本页', '湘ICP备', '建议使用1024', '石门概况'],
  },
  {
    file: 'paragraphs-br.html',
    meta: { title: '城南区教育局2024年工作计划', year: 2024, issuer: '城南区教育局办公室', written: '2024-01-12', published: '2024-01-15' },
    origins: { title: 'title', issuer: 'text', published: 'text' },
    sections: ['夯实基础教育', '提升育人质量', '建强教师队伍'],
    items: [1, 2, 3, 4, 5, 6],
    cut: { '4 links (100% of the text)': 'navigation' },
    textRules: [['footer', 'Copyright&copy;2024']],
    present: ['新增普惠性幼儿园学位600个，普惠性幼儿园在园幼儿占比达到92%', '中小学生每天校内体育活动时间不少于1小时，国家学生体质健康标准达标率达到93%以上'],
    absent: ['教育动态', '苏ICP备', '版权所有'],
  },
];

for (const want of layouts) {
  describe(`layout ${want.file}`, async () => {
    const path = join(LAYOUTS, want.file);
    const plan = await parsePlanFile(path);
    const lines = sourceLines(path);

    it('reads the metadata, and records where each value came from', () => {
      const m = plan.meta;
      expect({ title: m.title, year: m.year, issuer: m.issuer, written: m.dates.written, published: m.dates.published, ...(want.meta.docNumber !== undefined ? { docNumber: m.docNumber } : {}) }).toEqual(want.meta);
      const origin = (o: { from: string; tag: string | null } | null | undefined) => (o ? (o.from === 'text' ? 'text' : o.tag) : null);
      expect({ title: origin(m.origins?.title), issuer: origin(m.origins?.issuer), published: origin(m.origins?.published) }).toEqual(want.origins);
      expect(plan.source.format).toBe('html');
      expect(plan.source.encoding).toBe(want.encoding ?? 'utf-8');
    });

    it('finds the outline', () => {
      expect(plan.sections.map((s) => s.heading)).toEqual(want.sections);
      if (want.sectionTexts) expect(plan.sections.map((s) => s.text)).toEqual(want.sectionTexts);
      const items = allItems(plan).map((i) => i.number);
      // Sub-sections (（一）) hold the items of a plan without 1. items.
      if (want.items.length > 0) expect(items).toEqual(want.items);
      else expect(plan.sections.map((s) => s.subsections.length)).toEqual([2, 2, 2]);
    });

    it('cuts chrome by structure, with element path and the line that opens it', () => {
      const cut = plan.boilerplate.filter((b) => b.element !== undefined);
      expect(Object.fromEntries(cut.map((b) => [b.cue, b.reason]))).toEqual(want.cut);
      expect(chromeProblems(plan.boilerplate, lines)).toEqual([]);
    });

    it('leaves the rest to the text rules, on the right source lines', () => {
      const byRule = plan.boilerplate.filter((b) => b.element === undefined && b.reason !== 'blank-filler').map((b) => [b.reason, b.line]);
      expect(byRule).toEqual(want.textRules.map(([reason, needle]) => [reason, lineHolding(lines, needle)]));
    });

    it('keeps content and drops chrome', () => {
      const content = contentOf(plan);
      for (const s of want.present) expect(content.includes(norm(s)), `lost: ${s}`).toBe(true);
      for (const s of want.absent) expect(content.includes(norm(s)), `leaked: ${s}`).toBe(false);
    });

    it('points every section, item and paragraph at its source line', () => {
      expect(positionProblems(plan, lines)).toEqual([]);
    });
  });
}

describe('an HTML fragment with ordered lists, a hidden block and <pre> (.htm)', async () => {
  const path = join(LAYOUTS, 'list-fragment.htm');
  const plan = await parsePlanFile(path);
  const lines = sourceLines(path);

  it('numbers list entries as a browser shows them, start and value honoured', () => {
    expect(plan.sections.map((s) => s.heading)).toEqual(['保教工作', '安全工作']);
    expect(allItems(plan).map((i) => [i.number, i.lines.start])).toEqual([
      [1, lineHolding(lines, '每月不少于2次')],
      [2, lineHolding(lines, '每天不少于2小时')],
      [3, lineHolding(lines, '安全疏散演练')],
      [5, lineHolding(lines, 'value="5"')],
    ]);
    expect(plan.diagnostics.find((d) => d.code === 'item-number-gap')?.line).toBe(lineHolding(lines, 'value="5"'));
  });

  it('gives nothing for a hidden block, and keeps the lines of <pre>', () => {
    expect(contentOf(plan)).not.toContain(norm('旧版计划'));
    expect(plan.meta.dates.written).toBe('2024-02-20');
    expect(plan.meta.fields.find((f) => f.cells.some((x) => x.key === 'written'))?.line).toBe(lineHolding(lines, '2024年2月20日'));
  });
});
