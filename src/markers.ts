// Outline markers of Chinese official documents, matched on the folded form
// of a line (full-width ASCII already folded to ASCII).
import { chineseToNumber } from './numerals.js';

export type MarkerLevel = 'section' | 'subsection' | 'item' | 'point';

export interface Marker {
  level: MarkerLevel;
  /** The marker as it appears in the folded text: 一、 (一) 1. (1) ① */
  marker: string;
  number: number;
  /** Length of the marker (and the spaces after it) in the line. */
  length: number;
}

const CN = '[一二三四五六七八九十百零〇两]';
// 一、 十二、 一百九十九、 (but not 一是 / 一方面): a Chinese numeral then 、 or ．/. then text.
// Up to six characters so that plans with hundreds of sections (二百五十一、) still match.
const SECTION = new RegExp(`^(${CN}{1,6})\\s*[、.]\\s*`);
// (一) （一） 【一】 — folded, so （ is (; ㈠ … ㈩ are one character each
// A scrape can drop the opening bracket (一）加强党建): the closing one still marks a sub-section.
const SUBSECTION = new RegExp(`^(?:[(【]?\\s*(${CN}{1,6})\\s*[)】]|([\u3220-\u3229]))\\s*[、.]?\\s*`);
// A full date right after an item's stop (1.8月19日至31日…, 2、9月15日，…): the item opens
// with the day it reports on. A decimal never runs into 月…日, and 3、4月 (a span of
// months in prose) names no day.
const DATE_AFTER = '(?:1[0-2]|0?[1-9])月(?:[12]\\d|3[01]|0?[1-9])[日号]';
// 1. 1、 1) 1． — not 1.5万, not 2024年, not 1:1, not 3、4月 (a span of months in prose)
const ITEM = new RegExp(`^(\\d{1,3})\\s*(?:、(?!\\d{1,2}月)|\\.(?!\\d)|\\)(?!\\d)|[、.](?=${DATE_AFTER}))\\s*`);
// ⒈ … ⒛: a number and its full stop in one character
const ITEM_STOPPED = /^([\u2488-\u249b])\s*/;
// (1) （1） ① … ⑳ ⑴ … ⒇
const POINT = /^(?:\(\s*(\d{1,3})\s*\)|([\u2460-\u2473])|([\u2474-\u2487]))\s*[、.]?\s*/;

// Plans set out like regulations: 第一章 总体目标 (a section) and 第一条 … (an item,
// numbered straight through the chapters). An article's number is followed by a
// space or a stop (第一条主线 is a phrase); a chapter may run into its short heading.
const ARTICLE = new RegExp(`^第(${CN}{1,6})条(?:\\s+|[、.:]\\s*)(?=\\S)`);
const CHAPTER = new RegExp(`^第(${CN}{1,6})章(?!节)(?:\\s+|[、.:]\\s*|(?=[^\\s。；;，,]{2,20}$))(?=\\S)`);

// Decoration a page sets before a heading or an item (▍一、 ◆1. ★6. ▶(二) 📌1. **三、):
// arrows, block and geometric shapes, stars, dingbats, emoji, Markdown emphasis
// pasted as text. A marker after it is the line's marker.
const DECORATION = /^(?:[\u2190-\u21ff\u2580-\u25ff\u2600-\u27bf\u2b00-\u2bff\u203b\u2022\u00b7]|\p{Extended_Pictographic}|\*{1,2})[\ufe0f\s]*/u;
// A keycap emoji number (1️⃣ 2️⃣): an item.
const KEYCAP = /^(\d{1,2})\ufe0f?\u20e3\s*/;

/** The outline marker a line opens with, or null. */
export function markerOf(fold: string): Marker | null {
  const plain = plainMarkerOf(fold);
  if (plain !== null || !mayBeDecorated(fold.charCodeAt(0))) return plain;
  const keycap = KEYCAP.exec(fold);
  if (keycap && fold.length > keycap[0].length) return { level: 'item', marker: keycap[0].trim(), number: Number(keycap[1]), length: keycap[0].length };
  // up to two decorations (▶ ★ 1.)
  let skip = 0;
  for (let k = 0; k < 2; k++) {
    const d = DECORATION.exec(fold.slice(skip));
    if (!d) break;
    skip += d[0].length;
    const inner = plainMarkerOf(fold.slice(skip));
    if (inner) return { ...inner, marker: fold.slice(0, skip) + inner.marker, length: skip + inner.length };
  }
  return null;
}

/** Whether a line opening with this code unit may hold a decorated marker: a digit (keycap), *, a symbol or an emoji. */
function mayBeDecorated(c: number): boolean {
  return c === 42 || (c >= 48 && c <= 57) || (c >= 0x2190 && c <= 0x2bff) || c === 0x203b || c === 0x2022 || c === 0xb7 || (c >= 0xd800 && c <= 0xdbff);
}

function plainMarkerOf(fold: string): Marker | null {
  if (fold.charCodeAt(0) === 0x7b2c /* 第 */) return articleMarker(fold);
  // A heading set in brackets (【一、办好人民满意教育】): the marker inside opens it.
  if (fold.startsWith('【') && fold.endsWith('】')) {
    const inner = SECTION.exec(fold.slice(1));
    const n = inner ? chineseToNumber(inner[1]!) : null;
    if (inner && n !== null && n > 0) return { level: 'section', marker: inner[0].trim(), number: n, length: 1 + inner[0].length };
  }
  let m = SECTION.exec(fold);
  if (m) {
    const n = chineseToNumber(m[1]!);
    if (n !== null && n > 0) return { level: 'section', marker: m[0].trim(), number: n, length: m[0].length };
  }
  m = SUBSECTION.exec(fold);
  if (m) {
    const n = m[1] !== undefined ? chineseToNumber(m[1]) : m[2]!.charCodeAt(0) - 0x3220 + 1;
    if (n !== null && n > 0) return { level: 'subsection', marker: m[0].trim(), number: n, length: m[0].length };
  }
  m = ITEM.exec(fold);
  if (m && fold.length > m[0].length) {
    return { level: 'item', marker: m[0].trim(), number: Number(m[1]), length: m[0].length };
  }
  m = ITEM_STOPPED.exec(fold);
  if (m && fold.length > m[0].length) {
    return { level: 'item', marker: m[0].trim(), number: m[1]!.charCodeAt(0) - 0x2488 + 1, length: m[0].length };
  }
  m = POINT.exec(fold);
  if (m) {
    const n = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? m[2].charCodeAt(0) - 0x2460 + 1 : m[3]!.charCodeAt(0) - 0x2474 + 1;
    return { level: 'point', marker: m[0].trim(), number: n, length: m[0].length };
  }
  return null;
}

/** 第一章 (a section) or 第一条 (an item), or null. */
function articleMarker(fold: string): Marker | null {
  const chapter = CHAPTER.exec(fold);
  const m = chapter ?? ARTICLE.exec(fold);
  const n = m ? chineseToNumber(m[1]!) : null;
  if (!m || n === null || n <= 0) return null;
  return { level: chapter ? 'section' : 'item', marker: m[0].trim(), number: n, length: m[0].length };
}

/** Whether a marker is a chapter or an article (第一章, 第一条) rather than a numeral marker. */
export function isArticleMarker(m: Marker): boolean {
  return m.marker.startsWith('第');
}

// Items past 999: four or five digits open a line as a year or a figure
// (2024、2025年…) far more often than as a number, so they are a marker only
// where the numbering has reached them (…999, then 1000).
const LONG_ITEM = /^(\d{4,5})\s*(?:、(?!\d{1,2}月)|\.(?!\d)|\)(?!\d))\s*/;

/** The item marker numbered `last + 1` a line opens with, when the numbering is past 998; else null. */
export function itemMarkerAfter(fold: string, last: number): Marker | null {
  if (last < 999) return null;
  const m = LONG_ITEM.exec(fold);
  if (!m || fold.length <= m[0].length || Number(m[1]) !== last + 1) return null;
  return { level: 'item', marker: m[0].trim(), number: last + 1, length: m[0].length };
}

/**
 * The number of an entry of a list of titles (附件：1.X, 相关文章：1.X, ⒈X).
 * Unlike an item marker, 1. may run into a digit: files and articles are
 * named by year (1.2024年重点工作任务分解表).
 */
export function listEntryNumber(fold: string): number | null {
  const m = /^(\d{1,2})\s*[.、)]\s*(?=\S)/.exec(fold);
  if (m) return Number(m[1]);
  const marker = markerOf(fold);
  return marker?.level === 'item' ? marker.number : null;
}

/** A part of a document above its sections: 第一部分, 第二部分; a chapter (第一章) above 一、 sections. */
export const PART_MARK = /^\s*第[一二三四五六七八九十]{1,3}(?:部分|章(?!节))/;

/** Whether a line opens with a section, sub-section or item marker. */
export function isMarkerLine(fold: string): boolean {
  const m = markerOf(fold);
  return m !== null && m.level !== 'point';
}
