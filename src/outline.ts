// Stage 6: the outline. Paragraph blocks → preamble, sections (with
// sub-sections), items, sub-points, closing, with numbering diagnostics.
import type { Block } from './lines.js';
import type { Diagnostic, Item, Paragraph, Point, Section, Subsection } from './schema.js';
import { isArticleMarker, itemMarkerAfter, markerOf, PART_MARK, type Marker } from './markers.js';
import { findPoints, type FoundPoint } from './points.js';
import { fold } from './normalise.js';

export interface Outline {
  preamble: Paragraph[];
  sections: Section[];
  items: Item[];
  closing: Paragraph[];
  diagnostics: Diagnostic[];
  /** For every node with text: the source blocks its text was joined from. */
  segments: Map<object, Segment[]>;
}

/** Where a source block sits inside a node's text. */
export interface Segment {
  offset: number;
  start: number;
  end: number;
}

// A closing paragraph opens with a summing-up word (总之, 综上 …) after the outline.
const CLOSING = /^(总之|综上所述|综上|总而言之|让我们|同志们)/;
// (a Markdown emphasis pasted as text closes a heading too: **三、提升教育质量**)
const TRAILING_PUNCT = /[。；;，,：:！!？?、】*\s]+$/;

// The words a heading is made of when it names a part of the plan (指导思想,
// 工作目标, 主要措施, 2023年工作计划, 存在问题): a heading that runs straight into
// its body (一、指导思想坚持习近平…) ends after them.
const HEADING_TERM = new RegExp(
  '^(?:(?:19|20)\\d{2}年度?|下一步|本年度|本学期|今年|明年)?' +
    '(?:主要|重点|总体|具体|基本|有关|其他|近期|年度|具体工作|主要工作|重点工作)?(?:工作)?' +
    '(?:指导思想|目标任务|工作目标|主要目标|总体目标|具体目标|发展目标|目标|主要任务|重点任务|任务|具体措施|保障措施|主要措施|工作措施|措施|工作要求|有关要求|要求|基本原则|工作原则|原则|' +
    '工作思路|思路|工作重点|重点|工作安排|安排|实施步骤|步骤|时间安排|进度安排|组织领导|组织保障|领导|职责分工|分工|工作内容|内容|实施范围|范围|实施对象|对象|' +
    '主要成效|工作成效|成效|主要成绩|成绩|存在问题|问题|主要做法|做法|开展情况|完成情况|情况|工作计划|计划|工作打算|打算|保障|举措)',
);

/** Heading of a section: the text up to the first full stop, without trailing punctuation; a named part that runs into its body ends after its name. */
// A full stop: 。, or an ASCII period between two Chinese characters (a crawled
// page's stand-in for 。; between digits it is a decimal point).
const FULL_STOP = /。|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])/;
// A table cell ends a lead too: 推进课后服务 | 对全市34所学校… (the task's name, then its target).
const LEAD_END = /[。；;]|(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])|\s\|/;

export function headingOf(text: string): string {
  const stop = text.search(FULL_STOP);
  const head = (stop >= 0 ? text.slice(0, stop) : text).replace(TRAILING_PUNCT, '').trim();
  // 主要目标任务 抓好一个重点… — a short name before a space is the heading.
  const space = head.indexOf(' ');
  // Not a word of two (三、加强 党建) nor a year (一、2024年 工作目标): those are cut words, the heading is whole.
  if (space >= 3 && space <= 15 && !/[，,；;:：「“《(（]/.test(head.slice(0, space)) && !/年$/.test(head.slice(0, space)) && !/^\d/.test(head.slice(space + 1))) return head.slice(0, space);
  // 指导思想：本年度… — a short name before a colon is the heading.
  const colon = head.search(/[:：]/);
  if (colon >= 2 && colon <= 15 && !/[，,；;]/.test(head.slice(0, colon))) return head.slice(0, colon).trim();
  if (head.length > 16) {
    const m = HEADING_TERM.exec(head);
    // Not when the name goes on (指导思想和工作目标, 工作目标、任务) or is cut inside a word.
    if (m && m[0].length >= 2 && m[0].length < head.length && !/^[、和及与暨，,：:的]/.test(head.slice(m[0].length))) {
      return m[0];
    }
  }
  return head;
}

/** The lead sentence of an item: its text up to the first 。 (or ；), whatever its length. */
export function leadOf(text: string): string | null {
  const stop = text.search(LEAD_END);
  const lead = (stop >= 0 ? text.slice(0, stop) : text).replace(TRAILING_PUNCT, '').trim();
  return lead.length > 0 ? lead : null;
}

/** The title of an item is its lead sentence. */
export function titleOf(lead: string | null): string | null {
  return lead;
}

// Lead sentences are short verb phrases closed by 。 (加强思想政治建设。…); used to
// tell a lost item from a continuation paragraph.
function looksLikeLead(text: string): boolean {
  const stop = text.indexOf('。');
  return stop >= 4 && stop <= 30 && !/[，,；;：:]/.test(text.slice(0, stop));
}

// Characters that make a number at the start of a line a quantity, not a lost marker (2所学校…, 3年…).
const QUANTITY_AFTER = /^[年月日号时分秒个所项名人次万千百亿元倍届期批周天%％.,，、\d０-９]/;

/**
 * Length of a bare item number that lost its punctuation (`4推进校园文化建设。`),
 * when the line starts with exactly the number inferred for it; 0 otherwise.
 */
function bareNumberLength(text: string, number: number): number {
  const digits = String(number);
  if (!text.startsWith(digits)) return 0;
  const rest = text.slice(digits.length);
  return rest.length > 0 && !QUANTITY_AFTER.test(rest) ? digits.length : 0;
}

type Container = Section | Subsection | { items: Item[] };
/** The parts of a block an item needs: a paragraph moved into an item is one too. */
type Piece = Pick<Block, 'text' | 'fold' | 'start' | 'end'>;

// A table row whose first cell is a section's name and whose next cell is the
// section's first task (四、教育文化 | 14.改扩建… | 完成…): the category column is
// printed only on the row of its first task. The name cell is short and holds
// no sentence.
const ROW_CELL = /^([^|。；;]{1,30}?)\s*\|\s*/;

/** A heading cell and the item cell after it, when a row prints both; else null. */
function headingAndItem(b: Block, m: Marker): [Block, Block] | null {
  const cell = ROW_CELL.exec(b.fold.slice(m.length));
  if (!cell) return null;
  const at = m.length + cell[0].length;
  if (markerOf(b.fold.slice(at))?.level !== 'item') return null;
  const head = m.length + cell[1]!.length;
  return [
    { ...b, text: b.text.slice(0, head), fold: b.fold.slice(0, head), end: b.start },
    { ...b, text: b.text.slice(at), fold: b.fold.slice(at), base: (b.base ?? 0) + at },
  ];
}

/** Rows that print a heading cell and an item cell become a heading block and an item block. */
function splitHeadingRows(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const m = b.heading === undefined && b.list === undefined && b.fold.includes('|') ? markerOf(b.fold) : null;
    const pair = m && (m.level === 'section' || m.level === 'subsection') ? headingAndItem(b, m) : null;
    if (pair) out.push(...pair);
    else out.push(b);
  }
  return out;
}

export function buildOutline(input: Block[]): Outline {
  const blocks = input.some((b) => b.fold.includes('|')) ? splitHeadingRows(input) : input;
  const preamble: Paragraph[] = [];
  const sections: Section[] = [];
  const topItems: Item[] = [];
  const closing: Paragraph[] = [];
  const diagnostics: Diagnostic[] = [];
  const segments = new Map<object, Segment[]>();

  // Declared wide: the helpers below reassign them, which narrowing cannot see.
  let section = null as Section | null;
  let subsection = null as Subsection | null;
  let item = null as Item | null;
  let lastItemNumber = 0; // last item number seen anywhere
  let itemsSeen = 0;
  let inClosing = false;
  let afterPart = false; // a part heading since the last section
  let lastSubsectionNumber = 0; // the last sub-section number seen, in any section
  // The item number read so far, for items past 999 (itemMarkerAfter).
  let numbered = 0;
  const read = blocks.map((b) => {
    const m = markerOf(b.fold) ?? itemMarkerAfter(b.fold, numbered);
    if (m?.level === 'item') numbered = m.number;
    return m;
  });
  // A plan with no 1. level numbers its tasks (1) (2) on lines of their own
  // (一、党建引领 / （1）落实主体责任。…): those are its items.
  // (Bracketed numbers only: ① ② open sub-points far more often than tasks.)
  const bracketed = (m: Marker | null) => m?.level === 'point' && m.marker.startsWith('(');
  const pointsAreItems = !read.some((m) => m?.level === 'item') && read.filter(bracketed).length >= 2;
  const markers = pointsAreItems ? read.map((m): Marker | null => (m && bracketed(m) ? { ...m, level: 'item' } : m)) : read;
  // Chapters (第一章) are the sections of a plan set out in articles; above 一、 sections they are parts (PART_MARK).
  if (markers.some((m) => m?.level === 'section' && !isArticleMarker(m))) {
    markers.forEach((m, i) => {
      if (m?.level === 'section' && isArticleMarker(m)) markers[i] = null;
    });
  }
  // Whether the plan numbers its items (1. 1、 an ordered Markdown list, (1) standing for items).
  const numberedItems = markers.some((m) => m?.level === 'item');
  // Markdown headings without a numeral marker become sections numbered in order;
  // the shallowest such heading depth is the section level. A loop, not
  // Math.min(...): a spread of a huge plan's headings overflows the call stack.
  let sectionDepth = 0;
  blocks.forEach((b, i) => {
    if (b.heading !== undefined && markers[i] === null && (sectionDepth === 0 || b.heading < sectionDepth)) sectionDepth = b.heading;
  });
  // A plan without any 一、 uses (一) as its top level.
  const subsectionsAreSections = !markers.some((m) => m?.level === 'section');
  // The closing (总之…) comes after the outline: a 总之 paragraph followed by
  // more sections or items is a summary inside the outline, not the closing.
  let lastOutlineBlock = -1;
  markers.forEach((m, i) => {
    if ((m !== null && m.level !== 'point') || blocks[i]!.heading !== undefined) lastOutlineBlock = i;
  });

  const warn = (code: string, message: string, line: number, severity: Diagnostic['severity'] = 'warning') =>
    diagnostics.push({ code, severity, message, line });

  const paragraphOf = (b: Block): Paragraph => {
    const p: Paragraph = { text: b.text, lines: { start: b.start, end: b.end }, targets: [] };
    segments.set(p, [{ offset: 0, start: b.start, end: b.end }]);
    return p;
  };

  const container = (): Container => subsection ?? section ?? { items: topItems };

  // Sub-points given by nested Markdown lists, per item; other items' points are found in their text.
  const listPoints = new Map<Item, FoundPoint[]>();
  // The last paragraph put in each item: where the next one joins.
  const lastPiece = new Map<Item, string>();

  const newItem = (b: Piece, m: Marker | null, number: number): Item => {
    const text = m ? b.text.slice(m.length).trim() : b.text.slice(bareNumberLength(b.text, number)).trim();
    const lead = leadOf(text);
    const it: Item = {
      number,
      // A Markdown bullet has its marker outside the text (length 0).
      marker: m ? (m.length > 0 ? b.text.slice(0, m.length).trim() : m.marker) : null,
      inferred: m === null,
      title: titleOf(lead),
      lead,
      text,
      lines: { start: b.start, end: b.end },
      points: [],
      targets: [],
    };
    segments.set(it, [{ offset: 0, start: b.start, end: b.end }]);
    lastPiece.set(it, text);
    return it;
  };

  const append = (it: Item, b: Piece, text: string) => {
    // Chinese paragraphs join without a space, but two figures or Latin words
    // do not: a table row ending in 92 and the next row's number 2 are not 922.
    // (Asked of the piece before, not of it.text: a regex on a growing rope flattens it each time.)
    // A paragraph opening on a figure (a table row's number: 责任股室 | 1 新建…) is set apart too.
    // So is the body after a title line of its own (2.加强思想政治教育 | 每学期开展…): the
    // space keeps the title out of the first clause's name.
    const before = lastPiece.get(it) ?? '';
    const titleLine = segments.get(it)!.length === 1 && /[\u4e00-\u9fff]$/.test(before) && !/[。！？!?；;，,：:]/.test(before);
    const gap = titleLine || /^[0-9]/.test(text) || (/[0-9A-Za-z%]$/.test(before) && /^[A-Za-z]/.test(text)) ? ' ' : '';
    lastPiece.set(it, text);
    segments.get(it)!.push({ offset: it.text.length + gap.length, start: b.start, end: b.end });
    it.text += gap + text;
    it.lines.end = b.end;
  };

  const openSection = (b: Block, number: number, marker: string, written: string) => {
    // a heading set in brackets (【一、…】) closes its bracket
    const body = marker.startsWith('【') ? written.replace(/】\s*$/, '') : written;
    // 第二部分 2024年工作计划 … 一、: a part starts its sections again from 一.
    const partRestart = afterPart && number === 1;
    afterPart = false;
    if (partRestart) {
      // numbered again, as the document does
    } else if (section && number !== section.number + 1) {
      if (number <= section.number) warn('section-number-duplicate', `section ${marker} repeats or goes back after section ${section.number}`, b.start);
      else warn('section-number-gap', `section numbering jumps from ${section.number} to ${number}`, b.start);
    } else if (!section && number !== 1) {
      warn('section-number-gap', `the first section is numbered ${number}, not 1`, b.start);
    }
    section = { number, marker, heading: headingOf(body), text: body, lines: { start: b.start, end: b.end }, paragraphs: [], subsections: [], items: [] };
    sections.push(section);
    subsection = null;
    item = null;
  };

  for (const [index, b] of blocks.entries()) {
    if (inClosing) {
      closing.push(paragraphOf(b));
      continue;
    }
    let m = markers[index]!;
    // A top-level Markdown bullet (- …) is an item only in a plan with no numbered items;
    // where items are numbered, bullets are the text of the item or heading they sit under.
    const bulletEntry = b.list !== undefined && b.list.depth === 1 && !b.list.ordered && m === null;
    if (bulletEntry && numberedItems) {
      if (item) {
        append(item, b, b.text);
        // (append may set the entry off with a space: the point starts where its text does)
        const offset = item.text.length - b.text.length;
        const points = listPoints.get(item) ?? [];
        points.push({ marker: b.list!.marker, number: points.length + 1, offset, text: b.text });
        listPoints.set(item, points);
      } else {
        const host = subsection ?? section;
        if (host) host.paragraphs.push(paragraphOf(b));
        else preamble.push(paragraphOf(b));
      }
      continue;
    }
    if (b.list && b.list.depth > 1 && item && (m === null || m.level === 'point')) {
      // An entry of a nested Markdown list: a sub-point of the item above.
      append(item, b, b.text);
      const offset = item.text.length - b.text.length;
      const points = listPoints.get(item) ?? [];
      points.push({ marker: b.list.marker, number: b.list.number, offset, text: b.text });
      listPoints.set(item, points);
      continue;
    }
    // A top-level Markdown bullet of a plan without numbered items is an item; its number follows the items before it.
    const bullet = bulletEntry;
    if (bullet) m = { level: 'item', marker: b.list!.marker, number: 0, length: 0 };
    if (b.heading !== undefined && m === null) {
      // Markdown heading without a numeral: a section (or sub-section when deeper).
      if (b.heading <= sectionDepth || !section) {
        openSection(b, (section?.number ?? 0) + 1, '#'.repeat(b.heading), b.text);
      } else {
        const sub: Subsection = { number: section.subsections.length + 1, marker: '#'.repeat(b.heading), heading: headingOf(b.text), text: b.text, lines: { start: b.start, end: b.end }, paragraphs: [], items: [] };
        section.subsections.push(sub);
        subsection = sub;
        item = null;
      }
      continue;
    }
    if (m?.level === 'subsection' && subsectionsAreSections) {
      // (一) used as the top level of a plan without 一、 sections.
      m = { ...m, level: 'section' };
    }
    if (m?.level === 'section') {
      openSection(b, m.number, b.text.slice(0, m.length).trim(), b.text.slice(m.length).trim());
      continue;
    }
    if (m?.level === 'subsection' && section) {
      const body = b.text.slice(m.length).trim();
      const prev = section.subsections[section.subsections.length - 1];
      // Sub-sections may be numbered straight through the document, as items may: (一)…(三) in 一、, (四) in 二、.
      const runsOn = !prev && m.number === lastSubsectionNumber + 1 && lastSubsectionNumber > 0;
      const expectedSub = prev ? prev.number + 1 : runsOn ? m.number : 1;
      lastSubsectionNumber = m.number;
      if (m.number > expectedSub) warn('subsection-number-gap', prev ? `sub-section numbering jumps from ${prev.number} to ${m.number}` : `the first sub-section of section ${section.number} is numbered ${m.number}, not 1`, b.start);
      else if (m.number < expectedSub) warn('subsection-number-duplicate', `sub-section ${m.number} repeats or goes back after sub-section ${prev!.number}`, b.start);
      const sub: Subsection = { number: m.number, marker: b.text.slice(0, m.length).trim(), heading: headingOf(body), text: body, lines: { start: b.start, end: b.end }, paragraphs: [], items: [] };
      section.subsections.push(sub);
      subsection = sub;
      item = null;
      continue;
    }
    if (m?.level === 'item') {
      const c = container();
      const firstInContainer = c.items.length === 0;
      // Numbering restarts in a section when its first item goes back to 1 (or 2, item 1 unmarked).
      // Bullets carry no number: they continue the numbering.
      const restart = !bullet && firstInContainer && itemsSeen > 0 && m.number <= 2 && m.number <= lastItemNumber;
      let expected = restart || itemsSeen === 0 ? 1 : lastItemNumber + 1;
      if (bullet) m = { ...m, number: expected };
      // An unmarked paragraph right after a heading whose item lost its number;
      // not an introduction that announces the items (…重点抓好以下工作：).
      const paragraphs = 'paragraphs' in c ? c.paragraphs : null;
      const introduces = (p: Paragraph) => /[：:]$/.test(p.text);
      if (firstInContainer && m.number === expected + 1 && paragraphs && paragraphs.length > 0 && !introduces(paragraphs[0]!)) {
        const [first, ...rest] = paragraphs.splice(0, paragraphs.length);
        const inferred = newItem({ text: first!.text, fold: first!.text, start: first!.lines.start, end: first!.lines.end }, null, expected);
        for (const p of rest) append(inferred, { text: p.text, fold: p.text, start: p.lines.start, end: p.lines.end }, p.text);
        c.items.push(inferred);
        warn('item-number-inferred', `item ${expected} has no number marker; inferred from the next item ${m.number}`, first!.lines.start);
        expected++;
        itemsSeen++;
      } else if (c.items === topItems && itemsSeen === 0 && m.number === 2 && preamble.length > 0 && looksLikeLead(preamble[preamble.length - 1]!.text) && !/^[\d０-９]/.test(preamble[preamble.length - 1]!.text)) {
        // A plan without sections whose item 1 lost its number: the last preamble
        // paragraph, when it opens with a short lead sentence (guiding paragraphs
        // open with a long clause or a year: 2024年，全县…, 2025年是…之年。).
        const p = preamble.pop()!;
        c.items.push(newItem({ text: p.text, fold: p.text, start: p.lines.start, end: p.lines.end }, null, 1));
        warn('item-number-inferred', `item 1 has no number marker; inferred from the next item 2`, p.lines.start);
        expected++;
        itemsSeen++;
      } else if (!firstInContainer && item && m.number === expected + 1) {
        // A continuation paragraph that is really the next item with its marker lost.
        const segs = segments.get(item)!;
        const last = segs[segs.length - 1]!;
        const tail = item.text.slice(last.offset);
        if (last.offset > 0 && looksLikeLead(tail)) {
          // (without the space it was joined by, if any)
          item.text = item.text.slice(0, last.offset).replace(/ $/, '');
          segs.pop();
          item.lines.end = segs[segs.length - 1]!.end;
          const inferred = newItem({ text: tail, fold: tail, start: last.start, end: last.end }, null, expected);
          c.items.push(inferred);
          warn('item-number-inferred', `item ${expected} has no number marker; inferred between items ${expected - 1} and ${m.number}`, last.start);
          expected++;
          itemsSeen++;
        }
      }
      if (m.number > expected) warn('item-number-gap', expected === 1 ? `the first item is numbered ${m.number}, not 1` : `item numbering jumps from ${expected - 1} to ${m.number}`, b.start);
      else if (m.number < expected) warn('item-number-duplicate', `item ${m.number} repeats or goes back after item ${expected - 1}`, b.start);
      item = newItem(b, m, m.number);
      c.items.push(item);
      lastItemNumber = m.number;
      itemsSeen++;
      continue;
    }
    if (m?.level === 'point' && item) {
      append(item, b, b.text);
      continue;
    }
    // A part heading (第二部分 2024年工作计划) ends the item before it; the sections after it number from 一 again.
    if (PART_MARK.test(b.fold) && b.fold.length <= 40 && !/[。；;]/.test(b.fold)) {
      item = null;
      subsection = null;
      afterPart = true;
      if (section) section.paragraphs.push(paragraphOf(b));
      else preamble.push(paragraphOf(b));
      continue;
    }
    // An unmarked paragraph.
    if (CLOSING.test(b.fold) && (sections.length > 0 || itemsSeen > 0) && index > lastOutlineBlock) {
      inClosing = true;
      closing.push(paragraphOf(b));
      continue;
    }
    if (item) {
      append(item, b, b.text);
      continue;
    }
    const host = subsection ?? section;
    if (host) host.paragraphs.push(paragraphOf(b));
    else preamble.push(paragraphOf(b));
  }

  // Sub-points inside every item: (1) ① 一是… found in its text.
  const eachItem = (fn: (it: Item) => void) => {
    topItems.forEach(fn);
    for (const s of sections) {
      s.items.forEach(fn);
      for (const sub of s.subsections) sub.items.forEach(fn);
    }
  };
  eachItem((it) => {
    const segs = segments.get(it)!;
    // Points come in text order, so one pointer walks the segments once.
    let first = 0;
    it.points = (listPoints.get(it) ?? findPoints(it.text, fold(it.text))).map((p): Point => {
      const from = p.offset;
      const to = p.offset + p.text.length;
      // The segment holding `from`: the last one starting at or before it.
      while (first + 1 < segs.length && segs[first + 1]!.offset <= from) first++;
      let last = first;
      while (last + 1 < segs.length && segs[last + 1]!.offset < to) last++;
      const own = segs.slice(first, last + 1);
      const pt: Point = { marker: p.marker, number: p.number, text: p.text, lines: { start: own[0]!.start, end: own[own.length - 1]!.end }, targets: [] };
      segments.set(pt, own.map((s) => ({ offset: Math.max(0, s.offset - from), start: s.start, end: s.end })));
      return pt;
    });
  });

  return { preamble, sections, items: topItems, closing, diagnostics, segments };
}
