// Stage 4: metadata. Finds the plan's own title, reads the disclosure table,
// the page header and the notice wrapper that sit above it (and a signature
// below it), and hands the plan body on to the outline.
import type { Line } from './lines.js';
import type { Diagnostic, Meta, MetadataField, MetadataLine, Notice, RegionLevel } from './schema.js';
import { cellsOf, type Cell } from './labels.js';
import { garbledDateReadings, parseDate } from './dates.js';
import { isMarkerLine } from './markers.js';

export interface MetadataResult {
  meta: Meta;
  /** Lines of the plan body: everything after the title, minus a trailing signature. */
  body: Line[];
  diagnostics: Diagnostic[];
}

// The kinds of documents planparse reads, as their titles end.
const PLAN_TITLE = /(工作要点|工作计划|工作意见|工作安排|工作思路|工作重点|工作任务|要点|计划|方案|安排|意见|思路)(\s*[(（][^()（）]{0,30}[)）])?$/;
const NOTICE_TITLE = /(关于印发|关于转发|关于下发|印发|的通知$|通知$|^关于.*的$)/;
// An issuing body as it ends: 教育局, 教育和体育局, 教育委员会, 人民政府, 办公室 …
const ORG = /^[\u4e00-\u9fa5（）()]{2,40}?(教育局|教育和体育局|教育体育局|教体局|教文体局|教育科技局|教育委员会|教委|教育厅|局|厅|委员会|委|人民政府|政府|办公室|办公厅|中心|工委)$/;
const ORG_PREFIX = /^([\u4e00-\u9fa5]{1,40}?(教育和体育局|教育体育局|教育局|教体局|教文体局|教育科技局|教育和科技局|教育委员会|教委|教育厅|文教局|社会事业局|社会事业发展局))/;
const ADDRESSEES = /^各[^。]{2,120}[:：]$/;
const TRANSMITTAL = /(现将|印发给你们|请结合|认真贯彻|贯彻落实|遵照执行|研究同意|予以印发|请认真|抓好落实)/;
const PUBLIC_NOTE = /^[(（【]?\s*此件(公开发布|主动公开|依申请公开|不公开|公开)\s*[)）】]?$/;
const ATTACHMENT = /^附\s*件\s*(\d+)?\s*[:：]?/;
// 白教字〔2024〕1号, 南教发[2024]3号, 京教基(2024)12号; a garbled 南教20202 as well
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,10}\s*[〔[(（【﹝]\s*(19|20)\d{2}\s*[〕\])）】﹞]\s*第?\d{1,4}\s*号$/;
const DOC_NUMBER_GARBLED = /^[\u4e00-\u9fa5]{1,8}(19|20)\d{3,5}号?$/;
const DATE_ONLY = /^([〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}\s*(年|-|\.|\/)\s*\d{1,2}\s*(月|-|\.|\/)\s*\d{1,2}\s*日?|\d{6,8})$/;

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
  if (cellsOf(t).length > 0) return false;
  return PLAN_TITLE.test(t);
}

function isNoticeTitle(l: Line): boolean {
  return l.fold.length <= 90 && !/。/.test(l.fold) && NOTICE_TITLE.test(l.fold) && /(关于|印发|通知)/.test(l.fold);
}

/** A line of prose: long enough and punctuated like a sentence. */
function isProse(l: Line): boolean {
  return l.fold.length >= 30 && /[，,。；;]/.test(l.fold);
}

function regionOf(issuer: string | null): Meta['region'] {
  if (!issuer) return null;
  const m = /^(.*?(省|自治区|市|自治州|州|盟|地区|区|县|自治县|旗|镇|乡))(?=[^省市区县旗镇乡州盟]*$)/.exec(issuer.replace(/(教育.*|教体局|教委.*)$/, ''));
  if (!m || m[1]!.length < 2) return null;
  const name = m[1]!;
  const last = m[2]!;
  const municipalities = ['北京市', '上海市', '天津市', '重庆市'];
  let level: RegionLevel = 'unknown';
  if (municipalities.includes(name) || last === '省' || last === '自治区') level = 'province';
  else if (last === '市' || last === '自治州' || last === '州' || last === '盟' || last === '地区') level = 'city';
  else if (last === '区') level = 'district';
  else if (last === '县' || last === '自治县' || last === '旗') level = 'county';
  else if (last === '镇' || last === '乡') level = 'town';
  return { name, level };
}

function yearOf(title: string | null, body: Line[]): number | null {
  if (title) {
    if (/(19|20)\d[xX×ｘＸ*]年/.test(title)) return null;
    const m = /((?:19|20)\d{2})\s*(?:年|－|-)/.exec(title);
    if (m) return Number(m[1]);
    if (/(19|20)\d{2}/.test(title)) return Number(/((?:19|20)\d{2})/.exec(title)![1]);
  }
  // A plan without a year in its title often opens with it: 2020年，…总体要求是
  const first = body[0]?.fold ?? '';
  const m = /^((?:19|20)\d{2})年[，,是]/.exec(first);
  return m ? Number(m[1]) : null;
}

function pick(fields: MetadataField[], key: MetadataField['key']): string | null {
  const f = fields.find((x) => x.key === key && x.value !== '');
  return f ? f.value : null;
}

/** Turn cells into fields, resolving cut labels by the shape of their value. */
function fieldsOf(line: Line, cells: Cell[]): MetadataField[] {
  return cells.map((c) => {
    let key = c.keys[0] ?? 'other';
    if (c.keys.length > 1) {
      if (c.keys.includes('indexNumber') && /^[\dA-Za-z-]*\/[\dA-Za-z-]+|^\d{6,}/.test(c.value)) key = 'indexNumber';
      else if (c.keys.includes('docNumber') && /[〔[(（【﹝]\s*(19|20)\d{2}|号$/.test(c.value)) key = 'docNumber';
      else if (c.keys.includes('indexNumber') && c.value !== '') key = 'indexNumber';
    }
    return { line: line.no, label: c.label, key, value: c.value };
  });
}

/**
 * Split the page into head (metadata, notice), the plan title, and the body.
 * `lines` holds what boilerplate stripping kept.
 */
export function extractMetadata(lines: Line[]): MetadataResult {
  const diagnostics: Diagnostic[] = [];
  const fieldLines: MetadataLine[] = [];

  // Where the plan body starts: the first outline marker line (or, with no
  // marker, the first run of prose). The title is the last title-like line before it.
  let firstMarker = lines.findIndex((l) => isMarkerLine(l.fold) && l.heading === undefined);
  const firstHeading = lines.findIndex((l) => l.heading !== undefined && !isPlanTitle(l));
  if (firstMarker < 0 || (firstHeading >= 0 && firstHeading < firstMarker)) firstMarker = firstHeading;
  let titleAt = -1;
  const limit = firstMarker >= 0 ? firstMarker : lines.length;
  for (let i = 0; i < limit; i++) if (isPlanTitle(lines[i]!) && !isProse(lines[i]!)) titleAt = i;
  // A table-only title (称: …) still tells us the title when no line repeats it.
  let headEnd = titleAt; // lines [0, headEnd) are head; titleAt is the title line
  if (titleAt < 0) {
    // No title line: the head is whatever precedes the first prose or marker line
    // and carries metadata or notice shape.
    headEnd = 0;
    for (let i = 0; i < limit; i++) {
      const l = lines[i]!;
      if (cellsOf(l.fold).length > 0 || isNoticeTitle(l) || ADDRESSEES.test(l.fold) || DOC_NUMBER.test(l.fold) || PUBLIC_NOTE.test(l.fold)) {
        headEnd = i + 1;
        continue;
      }
      if (isProse(l) && !TRANSMITTAL.test(l.fold)) break;
      if (headEnd === i && !isProse(l)) headEnd = i + 1; // short lines in the head
    }
    if (headEnd > limit) headEnd = limit;
  }

  const titleLine = titleAt >= 0 ? lines[titleAt]! : null;
  let bodyStart = titleAt >= 0 ? titleAt + 1 : headEnd;
  // A page header printed under the title (发布时间：… 来源：…) still belongs to the head.
  const afterTitle: Line[] = [];
  while (bodyStart < lines.length && cellsOf(lines[bodyStart]!.fold).length > 0 && !isProse(lines[bodyStart]!)) {
    afterTitle.push(lines[bodyStart]!);
    bodyStart++;
  }
  const head = lines.slice(0, headEnd).concat(afterTitle);
  let body = lines.slice(bodyStart);

  // Head: metadata lines, then the notice wrapper, in whatever order the page put them.
  const fields: MetadataField[] = [];
  const noticeLines: Line[] = [];
  let noticeStart = head.findIndex((l) => isNoticeTitle(l));
  for (let i = 0; i < head.length; i++) {
    const l = head[i]!;
    const cells = cellsOf(l.fold);
    if (cells.length > 0) {
      const fs = fieldsOf(l, cells);
      fields.push(...fs);
      fieldLines.push({ line: l.no, text: l.text, fields: fs });
    } else if (noticeStart >= 0 && i >= noticeStart) {
      noticeLines.push(l);
    } else if (noticeStart < 0 && (ADDRESSEES.test(l.fold) || TRANSMITTAL.test(l.fold) || PUBLIC_NOTE.test(l.fold))) {
      // A notice whose title was cut away.
      noticeStart = i;
      noticeLines.push(l);
    } else {
      // A page title or a stray header line above the plan: keep it as a metadata line.
      const f: MetadataField = { line: l.no, label: '', key: isPlanTitle(l) || PLAN_TITLE.test(l.fold) ? 'title' : 'other', value: l.text };
      fields.push(f);
      fieldLines.push({ line: l.no, text: l.text, fields: [f] });
      if (f.key === 'other') {
        diagnostics.push({ code: 'head-line-unclassified', severity: 'info', message: `line above the plan title kept as metadata: ${l.text.slice(0, 40)}`, line: l.no });
      }
    }
  }

  // Trailing signature after the plan: an issuing body and/or a date, last lines of the page.
  const signature: Line[] = [];
  while (body.length > 0 && signature.length < 3) {
    const last = body[body.length - 1]!;
    if ((ORG.test(last.fold) && last.fold.length <= 30) || DATE_ONLY.test(last.fold) || PUBLIC_NOTE.test(last.fold)) {
      signature.unshift(last);
      body = body.slice(0, -1);
    } else break;
  }
  for (const l of signature) {
    const key: MetadataField['key'] = DATE_ONLY.test(l.fold) ? 'written' : PUBLIC_NOTE.test(l.fold) ? 'other' : 'issuer';
    const f: MetadataField = { line: l.no, label: '', key, value: key === 'written' ? l.fold : l.text };
    fields.push(f);
    fieldLines.push({ line: l.no, text: l.text, fields: [f] });
  }

  const notice = noticeLines.length > 0 ? parseNotice(noticeLines, diagnostics) : null;

  // Fields, most specific source first.
  const tableTitle = pick(fields.filter((f) => f.label !== ''), 'title');
  let title = titleLine ? titleLine.text : null;
  if (!title && tableTitle && !NOTICE_TITLE.test(tableTitle)) title = tableTitle;
  if (!title && notice) {
    const m = /《([^》]+)》/.exec(notice.title);
    if (m) title = m[1]!;
  }
  if (!title && tableTitle) {
    const m = /《([^》]+)》/.exec(tableTitle);
    if (m) title = m[1]!;
  }

  const noticeIssuer = notice ? (/^(.+?)关于/.exec(notice.title)?.[1] ?? null) : null;
  const issuer =
    pick(fields, 'issuer') ??
    (notice?.signature && ORG.test(notice.signature) ? notice.signature : null) ??
    (noticeIssuer && noticeIssuer.length >= 2 ? noticeIssuer : null) ??
    (title ? (ORG_PREFIX.exec(title)?.[1] ?? null) : null) ??
    pick(fields, 'source');

  const docRaw = pick(fields, 'docNumber') ?? notice?.docNumber ?? null;
  const published = firstDate(fields, 'published');
  let written = firstDate(fields, 'written') ?? notice?.date ?? null;
  if (!written && notice && notice.date === null) {
    written = resolveGarbled(noticeLines, published, diagnostics);
  }

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
  return { meta, body, diagnostics };
}

function firstDate(fields: MetadataField[], key: MetadataField['key']): string | null {
  for (const f of fields) {
    if (f.key !== key) continue;
    const d = parseDate(f.value);
    if (d) return d;
  }
  return null;
}

/** A signature date whose separators were lost (2020115): take it only when one reading is possible. */
function resolveGarbled(lines: Line[], published: string | null, diagnostics: Diagnostic[]): string | null {
  for (const l of lines) {
    if (!/^\d{6,8}$/.test(l.fold)) continue;
    const readings = garbledDateReadings(l.fold).filter((r) => published === null || r <= published);
    if (readings.length === 1) {
      diagnostics.push({ code: 'date-garbled-resolved', severity: 'info', message: `date "${l.fold}" read as ${readings[0]} (the only reading before the publication date)`, line: l.no });
      return readings[0]!;
    }
    diagnostics.push({ code: 'date-garbled', severity: 'warning', message: `date "${l.fold}" has lost its separators and cannot be read with certainty`, line: l.no });
  }
  return null;
}

function parseNotice(lines: Line[], diagnostics: Diagnostic[]): Notice {
  const titleParts: string[] = [];
  let docNumber: string | null = null;
  let addressees: string | null = null;
  const body: string[] = [];
  let signature: string | null = null;
  let date: string | null = null;
  let seenAddressees = false;
  for (const l of lines) {
    const t = l.fold;
    if (!seenAddressees && isNoticeTitle(l)) {
      // The wrapper title is often printed twice (page title, then the document's own): keep one.
      if (titleParts.length === 0 || !/通知$/.test(titleParts.join(''))) titleParts.push(l.text);
    }
    else if (DOC_NUMBER.test(t) || (!seenAddressees && DOC_NUMBER_GARBLED.test(t))) docNumber = l.text.trim();
    else if (ADDRESSEES.test(t)) {
      addressees = l.text.replace(/[:：]$/, '');
      seenAddressees = true;
    } else if (PUBLIC_NOTE.test(t) || ATTACHMENT.test(t)) continue;
    else if (DATE_ONLY.test(t)) {
      const d = parseDate(t);
      if (d) date = d;
    } else if (ORG.test(t) && t.length <= 30 && (seenAddressees || body.length > 0)) signature = l.text;
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
    lines: { start: lines[0]!.no, end: lines[lines.length - 1]!.no },
  };
}
