// Stage 4: metadata. Finds the plan's own title, reads the disclosure table,
// the page header and the notice wrapper that sit above it, and the signature
// and tables printed below it, and hands the plan body on to the outline.
// Lines arrive with `fold` folded to ASCII and to Simplified characters, so
// every rule matches on `fold` and every value is cut from `text`.
import type { Line } from './lines.js';
import type { Diagnostic, Meta, MetadataField, MetadataLine, Notice, RegionLevel } from './schema.js';
import { cellsOf, isCounterLabel, labelOnly, type Cell } from './labels.js';
import { arabicYears, CN_YEAR_DIGIT, garbledDateReadings, parseDate } from './dates.js';
import { fold } from './normalise.js';
import { isMarkerLine, listEntryNumber, markerOf } from './markers.js';
import { toSimplified } from './hant.js';
import { boilerplateReason, isWidgetLine, widgetTail } from './boilerplate.js';

export interface MetadataResult {
  meta: Meta;
  /** Lines of the plan body: everything after the title, minus a trailing signature and tables. */
  body: Line[];
  /** Lines of the notice wrapper (关于印发…的通知, addressees, transmittal, signature). */
  notice: Line[];
  diagnostics: Diagnostic[];
}

// The kinds of documents planparse reads, as their titles end.
const PLAN_TITLE = /(工作要点|工作计划|工作意见|工作安排|工作思路|工作重点|工作任务|要点|计划|方案|安排|意见|思路|规划|纲要|工作报告|展望)(春季|秋季|上学期|下学期|第[一二]学期|年度)?(\s*[(（][^()（）]{0,30}[)）])?$/;
// What document sites add to a title: 范文, 参考范文, 精选, (3篇), 篇一, 最新…
const SITE_SUFFIX = /(\s*[(（]\s*[一二三四五六七八九十\d]{1,2}\s*篇\s*[)）]|\s*[-—_]\s*\d{1,3}\s*篇|\s*[(（]第?\s*\d+\s*[/／]\s*\d+\s*页?[)）]|[（(]?(参考)?范文(大全)?[)）]?|精选|大全|模板|范本|篇[一二三四五六七八九十]{1,2})+$/;
const SITE_PREFIX = /^(最新|精选|热门|page\s*\d+\s*[-—–]\s*)/i;

/** A title without what a document site added around it. */
export function withoutSiteAffixes(title: string): string {
  const t = title.replace(SITE_SUFFIX, '').replace(SITE_PREFIX, '').trim();
  return t.length >= 4 ? t : title;
}
const NOTICE_TITLE = /(关于印发|关于转发|关于下发|印发|的通知$|通知$|^关于.*的$)/;
// An issuing body as it ends: 教育局, 教育和体育局, 教育委员会, 人民政府, 办公室 …
// Schools and school districts sign their own plans too (洮阳镇学区, 某某中学, 某某中心校).
const SCHOOL_BODY = '学区|中心校|中心学校|学校|中学|小学|幼儿园|教研室|教育督导室';
const ORG = new RegExp(`^[\\u4e00-\\u9fa5（）()]{2,40}?(教育局|教育和体育局|教育体育局|教体局|教文体局|教育科技局|教育委员会|教委|教育厅|局|厅|委员会|委|人民政府|政府|办公室|办公厅|中心|工委|${SCHOOL_BODY})$`);
const ORG_PREFIX = /^([\u4e00-\u9fa5]{1,40}?(教育和体育局|教育体育局|教育局|教体局|教文体局|教育科技局|教育和科技局|教育委员会|教委|教育厅|文教局|社会事业局|社会事业发展局))/;
const ORG_BEFORE_YEAR = new RegExp(`^([\\u4e00-\\u9fa5]{2,30}?(局|委员会|人民政府|政府|办公室|办公厅|中心|厅|${SCHOOL_BODY}))(?=(?:19|20)\\d{2}|[一二][〇零○O0一二三四五六七八九]{3}年|关于)`);
// The red header of an official document: XX教育局文件, XX教育局函
const RED_HEADER = /^[\u4e00-\u9fa5（）()]{2,40}(文件|函|简报)$/;
const ADDRESSEES = /^各[^。]{2,120}[:：]$/;
// Addressees without 各: 区属各学校、幼儿园，局机关各科室：
const ADDRESSEES_LOOSE = /^[^。；;]{2,100}(学校|单位|科室|股室|处室|局|委|院|园|部门|中心)[:：]$/;
const TRANSMITTAL = /(现将|印发给你们|请结合|认真贯彻|贯彻落实|遵照执行|研究同意|予以印发|请认真|抓好落实)/;
// A sentence that hands a document over (现将《…》印发给你们); a notice that is itself the text (…通知如下) does not.
const HANDS_OVER = /现将.{0,80}(?:印发|转发|下发)|(?:印发|转发|下发)给你们/;
// Addressees of either shape (各学校：, 区属各学校、幼儿园：).
const ADDRESSEES_ANY = new RegExp(`${ADDRESSEES.source}|${ADDRESSEES_LOOSE.source}`);
const PUBLIC_NOTE = /^[(（【]?\s*此件(公开发布|主动公开|依申请公开|不公开|公开)\s*[)）】]?$/;
const ATTACHMENT = /^附\s*件\s*(\d+)?\s*[:：]?/;
// 某教字〔2023〕5号, 某教发[2022]3号, 京教基(2021)12号; a garbled 某教20213 as well
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,10}\s*[〔[(（【﹝]\s*(19|20)\d{2}\s*[〕\])）】﹞]\s*第?\d{1,4}\s*号$/;
const DOC_NUMBER_GARBLED = /^[\u4e00-\u9fa5]{1,8}(19|20)\d{3,5}号?$/;
const DATE_ONLY = new RegExp(`^(${CN_YEAR_DIGIT}{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\\d{4}\\s*(年|-|\\.|\\/)\\s*\\d{1,2}\\s*(月|-|\\.|\\/)\\s*\\d{1,2}\\s*日?|\\d{6,8})$`);
// A page header that dates the page itself: 2024-03-08 18:30, 发表于, 原创
const DATED_HEADER = /(\d{1,2}:\d{2}|发表于|发布于|^原创)/;

export function normaliseDocNumber(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[[(（【﹝]((?:19|20)\d{2})[\])）】﹞]/, '〔$1〕');
}

function isPlanTitle(l: Line): boolean {
  const t = l.fold;
  if (t.length > 70 || t.length < 4 || /[。;；]/.test(t)) return false;
  if (isMarkerLine(t)) return false;
  if (ATTACHMENT.test(t) || NOTICE_TITLE.test(t)) return false;
  if (cellsOf(t).length > 0 || labelOnly(t)) return false;
  return PLAN_TITLE.test(withoutSiteAffixes(t));
}

/** A line that can be a page's title: short, no sentence punctuation, not a date, number, label or issuing body alone. */
function isPageTitle(value: string): boolean {
  const t = toSimplified(value.trim());
  if (t.length < 4 || t.length > 60 || /[。，；,;:：!！?？|｜]/.test(t) || !/[\u4e00-\u9fff]/.test(t)) return false;
  // Words apart (a table header, 发展改革委办公厅 文件) or a column name (民生事项名称) are no title.
  if (/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(t) || /(名称|序号|备注|单位|时间)$/.test(t)) return false;
  if (withoutSiteAffixes(t).replace(SITE_SUFFIX, '').length < 4 || /^[-—=*#(（[【]/.test(t)) return false;
  if (DATE_ONLY.test(t) || DOC_NUMBER.test(t) || ORG.test(t) || RED_HEADER.test(t) || cellsOf(t).length > 0 || labelOnly(t) || isMarkerLine(t)) return false;
  return boilerplateReason(t) === null && !/(点击|下载|登录|关闭|收藏|分享)/.test(t);
}

/**
 * A title printed right after its issuing body (高邮市人社局高邮市人社事业…规划):
 * the body goes when the title then names the same place again.
 */
function withoutGluedIssuer(title: string): string {
  const t = toSimplified(title);
  const m = /^([\u4e00-\u9fa5]{2,30}?(局|委员会|人民政府|政府|办公室|厅))/.exec(t);
  if (!m) return title;
  const rest = t.slice(m[1]!.length);
  return rest.length >= 6 && rest.slice(0, 2) === t.slice(0, 2) ? title.slice(m[1]!.length) : title;
}

// The circulation list and imprint at the foot of an official document.
const COPY_TO = /^(?:抄送|抄报|分送|主送)\s*[:：]/;
const IMPRINT = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发?$/;

/** A line of the circulation block (抄送：…, its wrapped continuation, the imprint): metadata, never an issuer. */
function inCirculation(l: Line): boolean {
  return COPY_TO.test(l.fold) || IMPRINT.test(l.fold) || (l.fold.length <= 40 && /(办公室|委员会|政府|局|厅)[，,、。]?$/.test(l.fold) && /[，,、。]$/.test(l.fold));
}

/** An attachment entry without its number: 1.2024年重点工作任务分工 → 2024年重点工作任务分工. */
function withoutEntryNumber(text: string): string {
  return text.trim().replace(/^(?:[\d０-９]{1,2}\s*[.．、)）]|[\u2488-\u249b])\s*/, '').trim();
}

/** 附件：某某2024年重点工作任务分工 — a line naming an attached file, not a sentence. */
function isAttachmentLine(l: Line): boolean {
  return ATTACHMENT.test(l.fold) && l.fold.length <= 80 && !/[。；;]/.test(l.fold);
}

function isNoticeTitle(l: Line): boolean {
  if (l.fold.length > 90) return false;
  // A comma outside the book title makes it a sentence that reports a notice (近日，某局印发《…》，一起来看).
  const outsideTitles = l.fold.replace(/《[^》]*》/g, '');
  return !/[。，,]/.test(outsideTitles) && NOTICE_TITLE.test(l.fold) && /(关于|印发|通知)/.test(l.fold);
}

// A title and the occasion it was given on: 某某工作报告—2024年1月18日在某某会议上.
const OCCASION = /^([^\s，。；,;：:]{4,40}?(?:工作报告|报告|讲话|工作要点|工作计划))\s*[—–-]{1,2}\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*在/;

// A comma that groups digits (浏览次数：1,024) is no clause mark.
const CLAUSE_MARK = /[，。；;]|(?<!\d),|,(?!\d{3}(?!\d))/;

/** A line of prose: long enough and punctuated like a sentence. */
function isProse(l: Line): boolean {
  return l.fold.length >= 30 && CLAUSE_MARK.test(l.fold);
}

function isSignatureOrg(l: Line): boolean {
  return (ORG.test(l.fold) && l.fold.length <= 30) || isJointSignature(l.fold);
}

/** A joint signature: two or three bodies on one line, set apart by spaces (中共某区教育工作委员会 某区教育局). */
function isJointSignature(t: string): boolean {
  const parts = t.split(/\s+/);
  return parts.length >= 2 && parts.length <= 3 && t.length <= 64 && parts.every((p) => p.length <= 30 && ORG.test(toSimplified(p)));
}

/** Region of an issuer (临川市教育局 → 临川市, city). Matched on the Simplified form, named as written. */
export function regionOf(issuer: string | null): Meta['region'] {
  if (!issuer) return null;
  // the body's own name goes first: 教育局, 教委…, and a school's or school district's (洮阳镇学区: 学区 is no 区)
  // a Party committee's name opens with 中共 (中共某区教育工作委员会): the region follows it
  const party = /^(?:中共|中国共产党)/.exec(toSimplified(issuer))?.[0].length ?? 0;
  const simple = toSimplified(issuer).slice(party).replace(new RegExp(`(教育.*|教体局|教委.*|${SCHOOL_BODY})$`), '');
  const m = /^(.*?(省|特别行政区|自治区|市|自治州|州|盟|地区|区|县|自治县|旗|镇|乡))(?=[^省市区县旗镇乡州盟]*$)/.exec(simple);
  if (!m || m[1]!.length < 2) return null;
  const name = issuer.slice(party, party + m[1]!.length);
  const last = m[2]!;
  const municipalities = ['北京市', '上海市', '天津市', '重庆市'];
  let level: RegionLevel = 'unknown';
  if (municipalities.includes(m[1]!) || last === '省' || last === '自治区' || last === '特别行政区') level = 'province';
  else if (last === '市' || last === '自治州' || last === '州' || last === '盟' || last === '地区') level = 'city';
  else if (last === '区') level = 'district';
  else if (last === '县' || last === '自治县' || last === '旗') level = 'county';
  else if (last === '镇' || last === '乡') level = 'town';
  return { name, level };
}

function yearOf(written: string | null, body: Line[]): number | null {
  // full-width digits and years in Chinese numerals (大理州二〇二四年教育工作要点) read as digits
  const title = written === null ? null : arabicYears(fold(written));
  if (title) {
    if (/(19|20)\d[xX×ｘＸ*]年/.test(title)) return null;
    // 2022年工作总结暨2023年工作思路: the year the plan part names.
    const review = /((?:19|20)\d{2})\s*年?[^暨及和与并]{0,16}(总结|回顾|情况|小结)[^暨及和与并]{0,4}(暨|及|和|与|并)[^\d]{0,8}((?:19|20)\d{2})/.exec(toSimplified(title));
    if (review) return Number(review[4]);
    const m = /((?:19|20)\d{2})\s*(?:年|－|-)/.exec(title);
    if (m) return Number(m[1]);
    if (/(19|20)\d{2}/.test(title)) return Number(/((?:19|20)\d{2})/.exec(title)![1]);
  }
  // A plan without a year in its title often opens with it: 2020年，…总体要求是
  const first = body[0]?.fold ?? '';
  const m = /^((?:19|20)\d{2})年[，,是]/.exec(first);
  if (m) return Number(m[1]);
  // …or names it in its section headings (二、全力抓好2021年农业农村工作): the latest year a heading plans for.
  let latest: number | null = null;
  for (const l of body) {
    const marker = markerOf(l.fold);
    if (!marker || marker.level !== 'section') continue;
    const heading = l.fold.slice(marker.length).split(/[。]/)[0]!;
    for (const y of heading.matchAll(/((?:19|20)\d{2})\s*年[^，。；]{0,12}(工作|任务|目标|计划|思路|要点)/g)) latest = Math.max(latest ?? 0, Number(y[1]));
  }
  if (latest !== null) return latest;
  // …or in the header row of the table it is (类别 | 事项 | 2022年度任务目标 | 责任单位 |)
  // (a scraped row arrives cut into spans, one per cell: the spans of its first line are the row)
  const top = body[0];
  if (!top) return null;
  const row = body.filter((l, i) => i < 64 && l.no === top.no).map((l) => l.fold).join(' ');
  const planned = row.split('|').length >= 4 ? /((?:19|20)\d{2})\s*年度?(?:任务|目标|计划|重点)/.exec(row) : null;
  return planned ? Number(planned[1]) : null;
}

// A value that says there is none: 文号: 无, 暂无, —, /.
const NONE = /^(无|暂无|没有|空|null|none|n\/a|[-—/／\\]+)$/i;

/** Every usable value of a key, in order. */
function pickAll(fields: MetadataField[], key: MetadataField['key']): string[] {
  return usable(fields, key).map((x) => x.value.trim());
}

/**
 * The fields of a key whose value says something (not empty, not 无). A doc
 * number holds a number and names its issuer or year in words or brackets
 * (浙卫发〔2023〕10号, 第3号): a bare run of digits is a site's own record number
 * (编号: 928920 on a document-sharing site).
 */
function usable(fields: MetadataField[], key: MetadataField['key']): MetadataField[] {
  return fields.filter((x) => x.key === key && x.value !== '' && !NONE.test(x.value.trim()) && (key !== 'docNumber' || (/[\d〇零一二三四五六七八九]/.test(x.value) && /[\u4e00-\u9fff〔〕[\]（）()【】]/.test(x.value))));
}

/** An issuer names a body: never a doc number, a date, a path or a link. */
function isIssuerName(value: string): boolean {
  const t = toSimplified(value.trim());
  if (t.length < 2 || t.length > 60) return false;
  if (DOC_NUMBER.test(t) || DATE_ONLY.test(t) || parseDate(t) !== null) return false;
  // a body's name opens with a word, never a figure (发布机构: 365彩票数 is a spam insert)
  if (/^[\d０-９]/.test(t)) return false;
  return !/[\/\\|｜]|https?:|www\.|\.(html?|pdf|docx?)$/i.test(t) && /[\u4e00-\u9fffA-Za-z]/.test(t);
}

function pick(fields: MetadataField[], key: MetadataField['key']): string | null {
  return usable(fields, key)[0]?.value ?? null;
}

/**
 * What a cell really holds, or null when it holds nothing a reader wants:
 * an empty cell, a placeholder (无, —), the page's widgets read as a value
 * (浏览次数: 我要纠错 打印 【, 字体: [ ]), or a counter without its number.
 * A counter keeps only its number (点击量: 1,204 次 关闭窗口 → 1,204 次).
 */
export function realValue(label: string, key: MetadataField['key'], value: string): string | null {
  // Table cells scraped with their bars: | 2022-10-08 |
  let v = value.replace(/^[\s|｜]+|[\s|｜]+$/g, '');
  if (v === '' || NONE.test(v)) return null;
  // The toolbar after the last cell of a bar (来源：某县教育局 打印 关闭) is no part of its value.
  if (v.includes(' ')) {
    const words = v.split(/\s+/);
    while (words.length > 1 && isWidgetLine(words[words.length - 1]!)) words.pop();
    v = words.join(' ');
  }
  // …or glued to it (来源：某县教育局打印关闭, links side by side)
  const tail = widgetTail(v);
  if (tail >= 2 && tail < v.length && key !== 'category') v = v.slice(0, tail).replace(/[\s|｜:：]+$/, '');
  if (isCounterLabel(label)) return /^\d[\d,，]*(\s*人?次)?/.exec(v)?.[0] ?? null;
  // A category may be named like a menu entry (栏目: 政策解读, 信息公开): only there is a lone widget word a value.
  if (isWidgetLine(v) && !(key === 'category' && !/[\s|｜【】[\]]/.test(v))) return null;
  return v;
}

/** Turn cells into fields, resolving cut labels by the shape of their value; cells without a real value give none. */
function fieldsOf(line: Line, cells: Cell[]): MetadataField[] {
  const out: MetadataField[] = [];
  for (const c of cells) {
    let key = c.keys[0] ?? 'other';
    if (c.keys.length > 1) {
      if (c.keys.includes('indexNumber') && /^[\dA-Za-z-]*\/[\dA-Za-z-]+|^\d{6,}/.test(c.value)) key = 'indexNumber';
      else if (c.keys.includes('docNumber') && /[〔[(（【﹝]\s*(19|20)\d{2}|[号號]$/.test(c.value)) key = 'docNumber';
      else if (c.keys.includes('indexNumber') && c.value !== '') key = 'indexNumber';
    }
    const value = realValue(c.label, key, c.value);
    if (value !== null) out.push({ line: line.no, label: c.label, key, value });
  }
  return out;
}

/**
 * Record a metadata line. A Markdown paragraph can span several source lines
 * (`last`); the lines after its first are recorded as continuations (no
 * text, no cells) so every source line stays accounted for.
 */
function record(out: MetadataLine[], l: Line, cells: MetadataField[]): void {
  out.push({ line: l.no, text: l.text, cells });
  for (let n = l.no + 1; n <= (l.last ?? l.no); n++) out.push({ line: n, text: '', cells: [] });
}

/** Lines that list attachments (附件：1.X / 2.Y): numbered, but titles of files, not outline items. */
function attachmentListLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!ATTACHMENT.test(lines[i]!.fold)) continue;
    const own = lines[i]!.fold.replace(ATTACHMENT, '');
    let n = listEntryNumber(own) ?? 0;
    // 附件：1.X — the line that opens the list is part of it.
    if (n === 1 && own.length <= 60 && !/[。，；,;]/.test(own)) out.add(i);
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!.fold;
      if (listEntryNumber(t) !== n + 1 || t.length > 50 || /[。，；,;]/.test(t)) break;
      out.add(j);
      n++;
    }
  }
  return out;
}


/**
 * The metadata printed below the plan: a signature (issuing body, date,
 * 此件公开发布) and disclosure tables, with cells on one line or a label on one
 * line and its value on the next. Returns the index where that tail starts.
 */
function tailStart(body: Line[]): number {
  let lastAnchor = -1;
  body.forEach((l, i) => {
    if ((isMarkerLine(l.fold) || isProse(l)) && !COPY_TO.test(l.fold)) lastAnchor = i;
  });
  let start = body.length;
  // Walk back over lines that are metadata-shaped; a value line counts when a label-only line precedes it.
  for (let i = body.length - 1; i > lastAnchor; i--) {
    const l = body[i]!;
    const prev = body[i - 1];
    const valueOfLabel = prev !== undefined && i - 1 > lastAnchor && labelOnly(prev.fold) !== null && labelOnly(l.fold) === null;
    if (valueOfLabel) {
      start = i - 1;
      i--;
      continue;
    }
    // An official document's imprint (某局办公室 2024年3月4日印发) and the circulation list above it (抄送：…), wrapped over a few lines.
    if (IMPRINT.test(l.fold)) {
      start = i;
      for (let k = i - 1; k > lastAnchor && k >= i - 6; k--) {
        if (COPY_TO.test(body[k]!.fold)) {
          start = k;
          i = k;
          break;
        }
      }
      continue;
    }
    if (COPY_TO.test(l.fold)) {
      start = i;
      continue;
    }
    if (isSignatureOrg(l) || DATE_ONLY.test(l.fold) || PUBLIC_NOTE.test(l.fold) || isAttachmentLine(l) || (cellsOf(l.fold).length > 0 && !isProse(l)) || labelOnly(l.fold)) {
      start = i;
      continue;
    }
    break;
  }
  return start;
}

/** Metadata lines of a table: label: value cells, or a label alone followed by its value. */
function readTable(lines: Line[], fields: MetadataField[], fieldLines: MetadataLine[]): Line[] {
  const rest: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // A row of labels over a row of values (索引号 发布机构 成文日期 / 123/2024-1 某县教育局 2024-03-11).
    const paired = rowTable(l, lines[i + 1]);
    if (paired) {
      record(fieldLines, l, []);
      record(fieldLines, lines[i + 1]!, paired);
      for (const f of paired) fields.push(f);
      i++;
      continue;
    }
    const cells = cellsOf(l.fold, l.text);
    // 索 引 号： alone on its line is a label whose value is on the next line, not an empty cell.
    const labelAlone = cells.length > 0 && cells.every((c) => c.value === '') && labelOnly(l.fold) !== null;
    if (cells.length > 0 && !labelAlone) {
      const fs = fieldsOf(l, cells);
      // A loop, not push(...fs): one scraped line can hold more cells than
      // a call may take arguments.
      for (const f of fs) fields.push(f);
      record(fieldLines, l, fs);
      continue;
    }
    const label = labelOnly(l.fold);
    const next = lines[i + 1];
    if (label && next && !labelOnly(next.fold) && cellsOf(next.fold).length === 0) {
      const value = realValue(label.label, label.key, next.text);
      const fs: MetadataField[] = value === null ? [] : [{ line: next.no, label: label.label, key: label.key, value }];
      record(fieldLines, l, []);
      record(fieldLines, next, fs);
      for (const f of fs) fields.push(f);
      i++;
      continue;
    }
    rest.push(l);
  }
  return rest;
}

/**
 * The fields of a table laid out in rows: a line of two or more labels with
 * no values, and under it a line of as many values, paired by position. Null
 * when the lines are not that (a value missing leaves the columns unknown).
 */
function rowTable(header: Line, values: Line | undefined): MetadataField[] | null {
  if (!values || values.no === header.no) return null;
  const labels = header.fold.split(/\s+/).filter((t) => t !== '');
  if (labels.length < 2 || /[:：]/.test(header.fold)) return null;
  const heads = labels.map((t) => labelOnly(t));
  if (heads.some((h) => h === null)) return null;
  const cells = values.text.split(/\s+/).filter((t) => t !== '');
  if (cells.length !== labels.length || cellsOf(values.fold).length > 0 || cells.some((t) => labelOnly(toSimplified(t)) !== null)) return null;
  const out: MetadataField[] = [];
  heads.forEach((h, k) => {
    const value = realValue(h!.label, h!.key, cells[k]!);
    if (value !== null) out.push({ line: values.no, label: h!.label, key: h!.key, value });
  });
  return out;
}

/**
 * Split the page into head (metadata, notice), the plan title, and the body.
 * `lines` holds what boilerplate stripping kept.
 */
export function extractMetadata(lines: Line[]): MetadataResult {
  const diagnostics: Diagnostic[] = [];
  const fieldLines: MetadataLine[] = [];
  const attachments = attachmentListLines(lines);

  // Where the plan body starts: the first outline marker line (or, with no
  // marker, the first run of prose). The title is the last title-like line before it.
  let firstMarker = lines.findIndex((l, i) => isMarkerLine(l.fold) && l.heading === undefined && !attachments.has(i));
  const firstHeading = lines.findIndex((l) => l.heading !== undefined && !isPlanTitle(l));
  if (firstMarker < 0 || (firstHeading >= 0 && firstHeading < firstMarker)) firstMarker = firstHeading;
  let titleAt = -1;
  const limit = firstMarker >= 0 ? firstMarker : lines.length;
  for (let i = 0; i < limit; i++) if (isPlanTitle(lines[i]!) && !isProse(lines[i]!)) titleAt = i;
  let headEnd = titleAt; // lines [0, headEnd) are head; titleAt is the title line
  if (titleAt < 0) {
    // No title line: the head is whatever precedes the first prose or marker line
    // and carries metadata or notice shape.
    headEnd = 0;
    for (let i = 0; i < limit; i++) {
      const l = lines[i]!;
      // (a transmittal sentence after the addressees is the notice's too: its signature and date follow it)
      const transmits = HANDS_OVER.test(l.fold) && headEnd === i && i > 0 && ADDRESSEES_ANY.test(lines[i - 1]!.fold);
      if (cellsOf(l.fold).length > 0 || labelOnly(l.fold) || isNoticeTitle(l) || ADDRESSEES.test(l.fold) || DOC_NUMBER.test(l.fold) || PUBLIC_NOTE.test(l.fold) || transmits) {
        headEnd = i + 1;
        continue;
      }
      if (isProse(l) && !TRANSMITTAL.test(l.fold)) break;
      // Short lines in the head; not the opening sentence of a paragraph that goes on in the same line (⑴改善教学条件。推进…).
      const next = lines[i + 1];
      const runsOn = next !== undefined && next.no === l.no && next.col > l.col;
      if (headEnd === i && !isProse(l) && !runsOn) headEnd = i + 1;
    }
    if (headEnd > limit) headEnd = limit;
  }

  const titleLine = titleAt >= 0 ? lines[titleAt]! : null;
  let bodyStart = titleAt >= 0 ? titleAt + 1 : headEnd;
  // A page header printed under the title (发布时间：… 来源：…) still belongs to the head.
  const afterTitle: Line[] = [];
  // …and so do the issuing body and the date a 要点 prints under its title (某县教育局 / （2024年2月20日）).
  const byline: Array<{ line: Line; key: 'issuer' | 'written' }> = [];
  for (;;) {
    const l = lines[bodyStart];
    if (!l) break;
    if (cellsOf(l.fold).length > 0 && !isProse(l)) afterTitle.push(l);
    else if (titleLine && byline.length < 2 && isSignatureOrg(l) && !isPlanTitle(l)) byline.push({ line: l, key: 'issuer' });
    else if (titleLine && byline.length < 2 && DATE_ONLY.test(l.fold.replace(/^[(（]\s*|\s*[)）]$/g, ''))) byline.push({ line: l, key: 'written' });
    else break;
    bodyStart++;
  }
  const head = lines.slice(0, headEnd).concat(afterTitle);
  let body = lines.slice(bodyStart);

  // Head: metadata lines, then the notice wrapper, in whatever order the page put them.
  const fields: MetadataField[] = [];
  for (const { line, key } of byline) {
    const f: MetadataField = { line: line.no, label: '', key, value: line.text.trim().replace(/^[(（]\s*|\s*[)）]$/g, '') };
    fields.push(f);
    record(fieldLines, line, [f]);
  }
  const noticeLines: Line[] = [];
  const untabled = readTable(head, fields, fieldLines);
  let noticeStart = untabled.findIndex((l) => isNoticeTitle(l));
  // The red header, doc number and issuing body printed above the notice title belong to it.
  while (noticeStart > 0) {
    const prev = untabled[noticeStart - 1]!;
    const tableBetween = fieldLines.some((f) => f.line > prev.no && f.line < untabled[noticeStart]!.no);
    if (!tableBetween && (RED_HEADER.test(prev.fold) || DOC_NUMBER.test(prev.fold) || DOC_NUMBER_GARBLED.test(prev.fold) || ORG.test(prev.fold))) noticeStart--;
    else break;
  }
  for (let i = 0; i < untabled.length; i++) {
    const l = untabled[i]!;
    if (noticeStart >= 0 && i >= noticeStart) {
      noticeLines.push(l);
    } else if (noticeStart < 0 && (ADDRESSEES.test(l.fold) || TRANSMITTAL.test(l.fold) || PUBLIC_NOTE.test(l.fold) || RED_HEADER.test(l.fold) || DOC_NUMBER.test(l.fold))) {
      // A notice whose title was cut away.
      noticeStart = i;
      noticeLines.push(l);
    } else {
      // A page title or a stray header line above the plan: keep it as a metadata line.
      const key: MetadataField['key'] = isPlanTitle(l) || PLAN_TITLE.test(l.fold) ? 'title' : parseDate(l.fold) && DATED_HEADER.test(l.fold) ? 'published' : 'other';
      const f: MetadataField = { line: l.no, label: '', key, value: l.text };
      fields.push(f);
      record(fieldLines, l, [f]);
      if (f.key === 'other') {
        diagnostics.push({ code: 'head-line-unclassified', severity: 'info', message: `line above the plan title kept as metadata: ${l.text.slice(0, 40)}`, line: l.no });
      }
    }
  }

  // An attachment list (附件：1.X 2.Y) inside the body names files: metadata, not outline items.
  const listed = new Set([...attachments].map((i) => lines[i]!));
  body = body.filter((l) => {
    if (!listed.has(l)) return true;
    const f: MetadataField = { line: l.no, label: '附件', key: 'other', value: l.text };
    fields.push(f);
    record(fieldLines, l, [f]);
    return false;
  });

  // The title or a head line printed again below it (a page title, then the document's own): metadata, not content.
  const printed = new Set<string>(fields.filter((f) => f.label === '').map((f) => toSimplified(f.value).replace(/\s+/g, '')));
  if (titleLine) printed.add(titleLine.fold.replace(/\s+/g, ''));
  body = body.filter((l) => {
    if (l.fold.length > 90 || printed.size === 0) return true;
    const key = l.fold.replace(/\s+/g, '');
    if (key.length > 60 || !printed.has(key) || isMarkerLine(l.fold) || /[。；;，,]/.test(key)) return true;
    const f: MetadataField = { line: l.no, label: '', key: titleLine && key === titleLine.fold.replace(/\s+/g, '') ? 'title' : 'other', value: l.text };
    fields.push(f);
    record(fieldLines, l, [f]);
    return false;
  });

  // Below the plan: a signature and tables, down to the end of the page.
  const tailAt = tailStart(body);
  const tail = body.slice(tailAt);
  body = body.slice(0, tailAt);
  const signatureDates: Line[] = [];
  for (const l of readTable(tail, fields, fieldLines)) {
    const key: MetadataField['key'] = DATE_ONLY.test(l.fold) ? 'written' : PUBLIC_NOTE.test(l.fold) || isAttachmentLine(l) || inCirculation(l) ? 'other' : 'issuer';
    if (key === 'written') signatureDates.push(l);
    const f: MetadataField = { line: l.no, label: '', key, value: l.text };
    fields.push(f);
    record(fieldLines, l, [f]);
  }

  const notice = noticeLines.length > 0 ? parseNotice(noticeLines, diagnostics) : null;

  // Fields, most specific source first.
  const tableTitle = pick(fields.filter((f) => f.label !== ''), 'title');
  let title = titleLine ? titleLine.text : null;
  // A report or speech opening with its own title and occasion, run into its text (…工作报告—2024年1月18日在…会议上…).
  // (the line may sit in the head, cut into short pieces, or open the body)
  const opening = titleLine ? undefined : [...fields.filter((f) => f.label === '' && f.key === 'other').map((f) => f.value), body[0]?.text].find((v) => v !== undefined && OCCASION.test(fold(v)));
  const occasion = opening ? OCCASION.exec(fold(opening)) : null;
  if (!title && occasion) title = opening!.slice(0, occasion[1]!.length);
  if (!title && tableTitle && !NOTICE_TITLE.test(toSimplified(tableTitle))) title = tableTitle;
  if (!title && notice) {
    const m = /《([^》]+)》/.exec(notice.title);
    if (m) title = m[1]!;
  }
  if (!title && tableTitle) {
    const m = /《([^》]+)》/.exec(tableTitle);
    if (m) title = m[1]!;
  }
  // A page without a plan-shaped title line: the page's own title, the first short unpunctuated line above the plan.
  if (!title) {
    const candidates = fields.filter((f) => f.label === '' && f.line <= (lines[headEnd]?.no ?? Infinity) && isPageTitle(f.value));
    // A line naming a year is a document's title more often than a column name above it (行业资讯).
    title = (candidates.find((f) => /(19|20)\d{2}/.test(f.value)) ?? candidates[0])?.value ?? null;
  }
  // A notice that is itself the document (关于加强…的通知, no plan inside).
  if (!title && notice && notice.title !== '') title = /关于印发(.{4,}?)的通知/.exec(notice.title)?.[1] ?? notice.title;
  if (title) title = withoutGluedIssuer(withoutSiteAffixes(title));

  // The body that opens the notice title (XX教育局关于印发…, 南京印发《…》): never from inside a book title;
  // a title opening with 关于 names none.
  const noticeIssuer = notice ? (/^(?!关于|關於|印发|印發|转发|轉發)([^《“"〈]+?)(关于|關於|印发|转发|印發|轉發)/.exec(notice.title)?.[1] ?? null) : null;
  // An issuing body that opens the title: the bureaus' own names, or any body named before the year (平潭…行政审批局2022年…).
  const titleIssuer = title ? (ORG_PREFIX.exec(toSimplified(title)) ?? ORG_BEFORE_YEAR.exec(toSimplified(title))) : null;
  const issuer =
    [
      pickAll(fields, 'issuer'),
      notice?.signature && (ORG.test(toSimplified(notice.signature)) || isJointSignature(fold(notice.signature))) ? [notice.signature] : [],
      noticeIssuer && noticeIssuer.length >= 2 ? [noticeIssuer] : [],
      titleIssuer && title ? [title.slice(0, titleIssuer[1]!.length)] : [],
      // a source naming a body before one naming an account or a site (来源：市中教育 … 来源：乐山市市中区教育局)
      [...pickAll(fields, 'source')].sort((a, b) => Number(ORG.test(toSimplified(b))) - Number(ORG.test(toSimplified(a)))),
    ]
      .flat()
      .find(isIssuerName) ?? null;

  const docRaw = pick(fields, 'docNumber') ?? notice?.docNumber ?? null;
  const published = firstDate(fields, 'published');
  let written = firstDate(fields, 'written') ?? notice?.date ?? (occasion ? parseDate(occasion[2]!) : null);
  if (!written) {
    const garbled = [...noticeLines, ...signatureDates].filter((l) => /^\d{6,8}$/.test(l.fold));
    written = resolveGarbled(garbled, published, diagnostics);
  }

  // A title spanning several source lines (Markdown): its later lines are continuations.
  for (let n = (titleLine?.no ?? 0) + 1; titleLine && n <= (titleLine.last ?? titleLine.no); n++) fieldLines.push({ line: n, text: '', cells: [] });

  const meta: Meta = {
    title,
    titleLine: titleLine ? titleLine.no : null,
    year: yearOf(title, body),
    issuer,
    region: regionOf(issuer),
    docNumber: docRaw ? normaliseDocNumber(docRaw) : null,
    indexNumber: pick(fields, 'indexNumber'),
    category: pick(fields, 'category'),
    dates: { written, published },
    notice,
    fields: fieldLines.sort((a, b) => a.line - b.line),
  };
  return { meta, body, notice: noticeLines, diagnostics };
}

// The publishing date proper (发布日期, 发布时间) wins over the other labels read as
// one (公开日期, 更新时间, 日期) when a page prints both.
const PUBLISHED_PROPER = /^(?:发布|發佈|发表|發表)(?:日期|时间|時間)$/;

function firstDate(fields: MetadataField[], key: MetadataField['key']): string | null {
  let found: string | null = null;
  for (const f of fields) {
    if (f.key !== key) continue;
    const d = parseDate(f.value);
    if (!d) continue;
    if (key !== 'published' || PUBLISHED_PROPER.test(toSimplified(f.label).replace(/\s/g, ''))) return d;
    found ??= d;
  }
  return found;
}

/** A signature date whose separators were lost (2021116): take it only when one reading is possible. */
function resolveGarbled(lines: Line[], published: string | null, diagnostics: Diagnostic[]): string | null {
  for (const l of lines) {
    const all = garbledDateReadings(l.fold);
    const readings = all.filter((r) => published === null || r <= published);
    if (readings.length === 1) {
      const why = all.length > 1 ? 'the only reading before the publication date' : 'the only valid reading';
      diagnostics.push({ code: 'date-garbled-resolved', severity: 'info', message: `date "${l.fold}" read as ${readings[0]} (${why})`, line: l.no });
      return readings[0]!;
    }
    const options = readings.length > 0 ? `: could be ${readings.join(' or ')}` : '';
    diagnostics.push({ code: 'date-garbled', severity: 'warning', message: `date "${l.fold}" has lost its separators and cannot be read with certainty${options}; kept as written`, line: l.no });
  }
  return null;
}

function parseNotice(lines: Line[], diagnostics: Diagnostic[]): Notice {
  const titleParts: string[] = [];
  let docNumber: string | null = null;
  let addressees: string | null = null;
  const body: string[] = [];
  const attachments: string[] = [];
  let signature: string | null = null;
  let date: string | null = null;
  let dateText: string | null = null;
  let seenAddressees = false;
  let inAttachments = false;
  for (const l of lines) {
    const t = l.fold;
    if (inAttachments && listEntryNumber(t) !== null && t.length <= 50 && !/[。，；,;]/.test(t)) {
      attachments.push(withoutEntryNumber(l.text));
      continue;
    }
    inAttachments = false;
    if (!seenAddressees && isNoticeTitle(l)) {
      // The wrapper title is often printed twice (page title, then the document's own): keep one.
      if (titleParts.length === 0 || !/通知$/.test(toSimplified(titleParts.join('')))) titleParts.push(l.text);
    } else if (DOC_NUMBER.test(t) || (!seenAddressees && DOC_NUMBER_GARBLED.test(t))) docNumber = l.text.trim();
    else if (ADDRESSEES.test(t) || (!seenAddressees && body.length === 0 && ADDRESSEES_LOOSE.test(t))) {
      addressees = l.text.replace(/[:：]$/, '');
      seenAddressees = true;
    } else if (ATTACHMENT.test(t)) {
      // 附件：1.X (a list follows) or 附件1 (the heading of an attached document)
      const own = l.text.slice(t.match(ATTACHMENT)![0].length).trim();
      if (own !== '') attachments.push(listEntryNumber(fold(toSimplified(own))) !== null ? withoutEntryNumber(own) : own);
      inAttachments = true;
    } else if (PUBLIC_NOTE.test(t) || RED_HEADER.test(t)) continue;
    else if (DATE_ONLY.test(t)) {
      dateText = l.text;
      const d = parseDate(t);
      if (d) date = d;
    } else if (isSignatureOrg(l) && (seenAddressees || body.length > 0)) signature = l.text;
    else if (!seenAddressees && ORG.test(t)) continue; // the issuing body printed above a repeated title
    else body.push(l.text);
  }
  if (titleParts.length === 0) {
    diagnostics.push({ code: 'notice-title-missing', severity: 'info', message: 'notice wrapper without a title line', line: lines[0]!.no });
  }
  return {
    title: titleParts.join(''),
    docNumber: docNumber ? normaliseDocNumber(docNumber) : null,
    addressees,
    body: body.length ? body.join('') : null,
    signature,
    date,
    dateText,
    attachments: attachments.map((a) => a.replace(/^《(.+)》$/, '$1')),
    lines: { start: lines[0]!.no, end: lines[lines.length - 1]!.last ?? lines[lines.length - 1]!.no },
  };
}
