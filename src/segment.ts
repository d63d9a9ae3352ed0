// Stage 5b: outline markers inside paragraphs. A flattened page runs its
// outline together (…特制定本方案。一、指导思想…。二、工作目标…；
// 三、主要措施（一）以法控辍，加大宣传力度1.各处室…). A marker inside a block
// starts a new block when it stands where a new node can start — after a
// sentence end, a colon or a space, or right after a short heading — and its
// number continues the numbering so far. A number inside a sentence never
// does (1.8月19日, 3.5%, 1.2亿元, 2.0版: the marker patterns refuse a digit
// after the dot, and a number cut into a word has no boundary before it).
import type { Block, BlockPart } from './lines.js';
import { itemMarkerAfter, markerOf, type Marker } from './markers.js';
import { startedBy } from './offsets.js';
import { BRACKET_PAIRS, TRAILING_CLOSERS } from './brackets.js';
import { charClasses } from './char-classes.js';

/** The numbering so far: what each level expects next. */
class Numbering {
  private section = 0;
  private subsection = 0;
  /** The last item number taken (itemMarkerAfter reads numbers past 999 from it). */
  item = 0;
  /** A section or sub-section opened since the last item: items may restart at 1. */
  private fresh = true;

  continues(m: Marker): boolean {
    switch (m.level) {
      case 'section':
        return m.number === this.section + 1;
      case 'subsection':
        return m.number === this.subsection + 1;
      case 'item':
        // A section's first item may have lost its number (spec: the unmarked
        // paragraph after the heading is item 1): its second one follows the heading.
        return m.number === this.item + 1 || (this.fresh && (m.number === 1 || m.number === 2 || m.number === this.item + 2));
      default:
        return false;
    }
  }

  /** Whether `m` is the next number of its level (no restart). */
  next(m: Marker): boolean {
    return m.level === 'item' && m.number === this.item + 1 && this.item > 0;
  }

  take(m: Marker): void {
    if (m.level === 'section') {
      this.section = m.number;
      this.subsection = 0;
      this.fresh = true;
    } else if (m.level === 'subsection') {
      this.subsection = m.number;
      this.fresh = true;
    } else if (m.level === 'item') {
      this.item = m.number;
      this.fresh = false;
    }
  }
}

// Where a node can start inside a paragraph: after one of these (closing quotes may follow the stop).
const BOUNDARY = /[。！？!?；;：:\s]/;
const CLOSERS = TRAILING_CLOSERS;
const OPEN = BRACKET_PAIRS;
const QUOTES = new Set(['“', '「'].map((q) => q.charCodeAt(0)));
/** The same pairs by code unit, for the scan. */
const CLOSER_OF = new Map([...OPEN].map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]));
// A heading runs straight into its first node only when it is short.
const MAX_HEADING = 40;
// Characters that may open a marker: a Chinese numeral, a digit, a bracket, a circled or stopped number.

// Character classes of the scan, by code unit.
const MARKER = 1;
const OPENER = 2;
const STOP = 4;
const HARD_STOP = 8;
const classes = charClasses();
const CLASS = classes.table;
classes.mark('一二三四五六七八九十0123456789(（【', MARKER);
classes.markRange(0x2488, 0x249b, MARKER);
classes.markRange(0x3220, 0x3229, MARKER);
classes.markRange(0x2474, 0x2487, MARKER);
classes.mark([...OPEN.keys()].join(''), OPENER);
classes.mark('。！？!?；;', STOP);
classes.mark('。！？', HARD_STOP);

/** Whether a Chinese-numeral marker at `at` may follow a word with no stop between: not 第三、, not a list of numerals. */
function mayGlueSection(fold: string, at: number): boolean {
  const before = fold.charCodeAt(at - 1);
  if (!(before >= 0x4e00 && before <= 0x9fff) || /[第一二三四五六七八九十百零〇两]/.test(fold[at - 1]!) || !/[一二三四五六七八九十]/.test(fold[at]!)) return false;
  // 三、四年级, 三、四月份: a numeral after the 、 lists numbers, it opens no section
  const sep = fold.slice(at, at + 8).search(/[、.]/);
  return sep < 0 || !/[一二三四五六七八九十百零〇两\d]/.test(fold[at + sep + 1] ?? '');
}

/** A heading's sentence: 4 to MAX_HEADING characters without a comma, ended by a full stop. */
function headingShaped(fold: string, from: number): boolean {
  const end = fold.slice(from, from + MAX_HEADING + 1).search(/[。.！？!?；;，,：:\n]/);
  return end >= 4 && /[。.]/.test(fold[from + end]!);
}

function isBoundary(fold: string, at: number): boolean {
  let i = at - 1;
  // Closing quotes and brackets may follow a sentence end: 。”一、
  while (i >= 0 && CLOSERS.test(fold[i]!)) i--;
  if (i < 0) return true;
  // A Chinese sentence closed by a Latin full stop (…权威性.二、) ends there too.
  if (fold[i] === '.' && i > 0 && /[\u4e00-\u9fff]/.test(fold[i - 1]!)) return true;
  return BOUNDARY.test(fold[i]!) && (i === at - 1 || !/[\s:：]/.test(fold[i]!));
}

/** Index of the last part starting at or before `offset` (the first part when none does). */
function partAt(parts: BlockPart[], offset: number): number {
  return Math.max(0, startedBy(parts, offset) - 1);
}

/**
 * Split `block` at `at`: the first part keeps what is before, the second starts
 * at the marker. Both keep the block's parts array (a flattened page has tens of
 * thousands) and say where their text starts in it (`base`), so a cut costs a
 * binary search, not a copy.
 */
function cut(block: Block, at: number): [Block, Block] {
  let head = at;
  while (head > 0 && /\s/.test(block.text[head - 1]!)) head--;
  const base = block.base ?? 0;
  const holder = block.parts[partAt(block.parts, base + at)]!;
  const lastBefore = block.parts[partAt(block.parts, base + Math.max(0, head - 1))]!;
  const first: Block = { ...block, text: block.text.slice(0, head), fold: block.fold.slice(0, head), end: lastBefore.line };
  const second: Block = { text: block.text.slice(at), fold: block.fold.slice(at), start: holder.line, end: block.end, parts: block.parts, base: base + at };
  return [first, second];
}

// A heading with no marker: a few words, no punctuation, not ending on a figure.
const BARE_HEADING = /^[\u4e00-\u9fff\d（）()“”]{4,30}$/;

/**
 * Whether an item 1 mid-paragraph restarts the numbering after a heading that
 * has no marker (…3700多万学生受益 2022年发展主要预期目标 1.国内生产总值…): on
 * the unflattened page the heading had a line of its own and the list started
 * again under it. The heading stands between a sentence end or space and a
 * space right before the marker.
 */
function restartsAfterHeading(fold: string, at: number, m: Marker): boolean {
  if (m.level !== 'item' || m.number !== 1 || fold[at - 1] !== ' ') return false;
  let from = at - 1;
  // (no further back than a heading's length: the walk stays short on a line without stops)
  while (from > 0 && at - 1 - from <= 30 && !/[。！？!?；;：:\s]/.test(fold[from - 1]!)) from--;
  const heading = fold.slice(from, at - 1);
  return BARE_HEADING.test(heading) && !/\d$/.test(heading) && markerOf(heading) === null;
}

/**
 * Where the body starts after a section or sub-section heading that a space
 * alone parts from it, or -1. A crawler that flattens a page leaves a space
 * where the heading's line ended (一、坚持党建引领，强化…领导 加强思想政治建设。
 * 深入学习…): the heading ends there when what follows the space is a whole
 * sentence with more text after it. A heading in two phrases (三、强化保障
 * 确保落实 1.…) has another space or a marker before any sentence end, and stays whole.
 */
function headingEnd(fold: string, lead: Marker): number {
  if (lead.level !== 'section' && lead.level !== 'subsection') return -1;
  let from = lead.length;
  while (fold[from] === ' ') from++;
  // (searched within a heading's reach: a long line of markers without spaces stays linear)
  const reach = fold.slice(from, from + MAX_HEADING + 1).indexOf(' ');
  const space = reach < 0 ? -1 : from + reach;
  if (space < from + 2) return -1;
  // Not a space inside brackets (（684 个工作日）), nor after a marker the heading runs into (计划（一） 开展…).
  const heading = fold.slice(from, space);
  if (/[。！？!?；;]/.test(heading) || /[(（【][^)）】]*$/.test(heading) || /[(（][一二三四五六七八九十\d]{1,3}[)）]/.test(heading)) return -1;
  const body = space + 1;
  const stop = fold.slice(body, body + 200).search(/[。！？!?]/);
  if (stop < 2 || body + stop + 1 >= fold.length) return -1;
  const sentence = fold.slice(body, body + stop);
  if (sentence.includes(' ') || markerOf(sentence) !== null) return -1;
  return body;
}

/** Split paragraphs at outline markers that continue the numbering. */
export function splitAtMarkers(blocks: Block[]): Block[] {
  const numbering = new Numbering();
  const out: Block[] = [];
  for (const original of blocks) {
    // Markdown headings and list entries are blocks already.
    if (original.heading !== undefined || original.list !== undefined) {
      const m = markerOf(original.fold);
      if (m) numbering.take(m);
      out.push(original);
      continue;
    }
    let block = original;
    let lead = markerOf(block.fold) ?? itemMarkerAfter(block.fold, numbering.item);
    if (lead) numbering.take(lead);
    const splitHeading = () => {
      const body = lead ? headingEnd(block.fold, lead) : -1;
      if (body < 0) return;
      const [heading, rest] = cut(block, body);
      out.push(heading);
      block = rest;
      lead = null;
    };
    splitHeading();
    // Scan for markers inside the block; each split restarts the scan on the rest.
    for (;;) {
      const fold = block.fold;
      const headingEnd = lead && lead.level !== 'item' && lead.level !== 'point' ? lead.length + MAX_HEADING : -1;
      let open: number[] = [];
      let stopped = false; // a sentence end since the block's start
      let found = -1;
      let foundMarker: Marker | null = null;
      for (let i = lead ? lead.length : 1; i < fold.length; i++) {
        // Most characters are plain text: one table lookup skips them (a 5 MB line is scanned char by char).
        const kind = CLASS[fold.charCodeAt(i)]!;
        if (open.length > 0) {
          // Compared by code unit: fold[i] would make a string per character inside a bracket.
          const code = fold.charCodeAt(i);
          if (code === open[open.length - 1]) open.pop();
          else if (kind & OPENER) {
            if (open.length < 4) open.push(CLOSER_OF.get(code)!);
          } else if (kind & HARD_STOP) open = []; // a bracket left open does not run past a sentence
          continue;
        }
        if (kind === 0) continue;
        if (kind & MARKER) {
          const afterHeading = !stopped && i <= headingEnd && /[\u4e00-\u9fff）)]/.test(fold[i - 1]!);
          // After a closing bracket (…（责任处室：监督检查处）二、…) only a Chinese-numeral marker may start a node.
          const afterBracket = /[)）】]/.test(fold[i - 1]!);
          if (!afterHeading && !afterBracket && !isBoundary(fold, i)) {
            // A crawler that dropped the full stop glues the next section to the sentence before it
            // (…全面、及时、准确三、不断推进…改革。): the very next section, opening a heading-shaped sentence.
            const m = mayGlueSection(fold, i) ? markerOf(fold.slice(i, i + 12)) : null;
            if (m && m.level === 'section' && m.number >= 2 && numbering.continues(m) && headingShaped(fold, i + m.length)) {
              found = i;
              foundMarker = m;
              break;
            }
          } else {
            const head = fold.slice(i, i + 12);
            const m = markerOf(head) ?? itemMarkerAfter(head, numbering.item);
            // An item right after a closing bracket (…（104日）3.行政处罚) only when it is the very next number.
            if (m && m.level !== 'point' && (numbering.continues(m) || restartsAfterHeading(fold, i, m)) && (afterHeading || !afterBracket || isBoundary(fold, i) || m.level !== 'item' || numbering.next(m))) {
              found = i;
              foundMarker = m;
              break;
            }
          }
        }
        if (kind & OPENER) {
          // A quotation mark in a heading hides no marker: a heading quotes a word or two, and one
          // left open (一、落实“双减政策（一）…) must not swallow the sub-section that follows.
          const inHeading = !stopped && i <= headingEnd;
          if (!(inHeading && QUOTES.has(fold.charCodeAt(i)))) open.push(CLOSER_OF.get(fold.charCodeAt(i))!);
          continue;
        }
        if (kind & STOP) stopped = true;
      }
      if (found < 0 || !foundMarker) break;
      const [first, second] = cut(block, found);
      if (first.text.length > 0) out.push(first);
      numbering.take(foundMarker);
      block = second;
      lead = foundMarker;
      splitHeading();
    }
    out.push(block);
  }
  return out;
}
