// Stage 5: lines → paragraph blocks. Each kept line is a block of its own;
// hard-wrapped lines (PDF/Word exports) are rejoined where a line clearly
// breaks mid-sentence. Page furniture removed between two halves of a
// sentence (— 3 —, a running header) does not stop the join.
import { blockOf, type Block, type Line } from './lines.js';
import { markerOf } from './markers.js';
import type { RemovedLine } from './schema.js';
import { columnBeforeDebris } from './debris.js';

// A line that ends a paragraph: closes a sentence, a heading or a list entry.
const ENDS_PARAGRAPH = /[。！？!?：:；;”」』）)】]$/;
// A line that stops inside a sentence whatever its length.
const ENDS_MID_SENTENCE = /[，,、]$/;

/**
 * Columns a line takes on a page: ideographs, kana, hangul and full-width
 * forms take two, everything else one. A PDF line of 30 ideographs and one of
 * 24 ideographs with 12 digits fill the same width.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0xd800 && c <= 0xdbff) ? 2 : 1;
    // a surrogate pair (rare ideographs of the extension planes) is one wide character
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return w;
}

// Lines narrower than this (in columns) say nothing about the page width.
const MIN_MEASURED = 20;

/**
 * The width (in display columns) a hard-wrapped text was cut at, or null when
 * the text is not hard-wrapped. Wrapped exports have many lines of (nearly)
 * the same width, the page width; scraped HTML has one line per paragraph, of
 * any length.
 */
// A table row as text: a row number then a cell, or cells parted by spaces
// (1 新建学校 3所, 学前教育毛入园率 达到95% 教育股). Rows of one table are of
// like width, but they are no wrapped paragraph.
// (No punctuation of prose in it: a wrapped PDF line with spaces round its figures is no row.)
const TABLE_ROW = /^(?=[^，。；、：,;:]*$)(?:\d{1,3}\s+[\u4e00-\u9fff]|.*[\u4e00-\u9fff\d%）)]\s+[\u4e00-\u9fff\d]\S*\s+[\u4e00-\u9fff\d])/;

export function wrapWidth(lines: Line[]): number | null {
  const widths = lines.map((l) => (TABLE_ROW.test(l.text) ? 0 : displayWidth(l.text)));
  const measured = widths.filter((n) => n >= MIN_MEASURED);
  if (measured.length < 4) return null;
  const freq = new Map<number, number>();
  for (const n of measured) freq.set(n, (freq.get(n) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  // The widest width whose ±1 neighbourhood is most common: wrapped lines sit at the width.
  for (const n of freq.keys()) {
    const c = (freq.get(n - 1) ?? 0) + (freq.get(n) ?? 0) + (freq.get(n + 1) ?? 0);
    if (c > bestCount || (c === bestCount && n > best)) {
      best = n;
      bestCount = c;
    }
  }
  // Lines of the width that stop mid-sentence: the signature of hard wrapping.
  const cut = lines.filter((l, i) => Math.abs(widths[i]! - best) <= 1 && !ENDS_PARAGRAPH.test(l.fold)).length;
  if (bestCount < 4 || bestCount / measured.length < 0.3 || cut < 3) return null;
  // The page width is the widest of that neighbourhood (a line with a digit in it is a column short).
  return freq.has(best + 1) ? best + 1 : best;
}

// How far short of the page width a wrapped line may stop and still run on: a
// PDF set in a proportional font fills its lines unevenly (digits, spaces and
// Latin letters are narrower), but a paragraph's last line, a title or a
// heading without punctuation stops well short.
const FULL_LINE = 0.85;

export class Reflower {
  private readonly transparent: Set<number>;
  private readonly blocking: Set<number>;
  /** Page furniture cut out of a line (a page-chunk number 3、): by line, its first and last column (1-based). */
  private readonly cuts = new Map<number, Array<{ start: number; end: number }>>();

  /** `removed`: lines stripped as boilerplate; page furniture between two lines does not separate them. */
  constructor(private readonly width: number | null, removed: RemovedLine[]) {
    this.transparent = new Set(removed.filter((r) => r.reason === 'page-furniture' || r.reason === 'blank-filler').map((r) => r.line));
    this.blocking = new Set(removed.filter((r) => r.reason !== 'page-furniture' && r.reason !== 'blank-filler').map((r) => r.line));
    for (const r of removed) {
      if (r.reason !== 'page-furniture' || !r.columns) continue;
      const list = this.cuts.get(r.line) ?? [];
      list.push(r.columns);
      this.cuts.set(r.line, list);
    }
  }

  /** Whether page furniture cut out of `line` fills exactly the columns between `from` and `to` (0-based, exclusive ends). */
  furnitureBetween(line: number, from: number, to: number): boolean {
    return (this.cuts.get(line) ?? []).some((c) => c.start === from + 1 && c.end === to);
  }

  /** Whether `next` opens its line right after page furniture cut there (3、五)构建…): the page broke, the text runs on. */
  private afterCut(next: Line): boolean {
    const at = columnBeforeDebris(next.debris, next.col);
    return at > 0 && this.furnitureBetween(next.no, 0, at);
  }

  /** Whether nothing but empty lines and page furniture separates the two lines, with some furniture in the gap. */
  private adjacent(prev: Line, next: Line): boolean {
    const from = (prev.last ?? prev.no) + 1;
    if (next.no === from) return true;
    let furniture = false;
    for (let n = from; n < next.no; n++) {
      if (this.blocking.has(n)) return false;
      if (this.transparent.has(n)) furniture = true;
    }
    return furniture;
  }

  /** Whether `next` continues `prev`: prev stops mid-sentence and next opens no new outline entry. */
  continues(prev: Line, next: Line): boolean {
    if (prev.heading !== undefined || next.heading !== undefined) return false;
    // a page of a document site broke mid-sentence: what follows the page number runs on, whatever it opens with
    if (this.afterCut(next) && next.no === (prev.last ?? prev.no) + 1 && !ENDS_PARAGRAPH.test(prev.fold)) return true;
    if (markerOf(next.fold) !== null) return false;
    if (ENDS_PARAGRAPH.test(prev.fold)) return false;
    if (TABLE_ROW.test(prev.text) || TABLE_ROW.test(next.text)) return false;
    if (!this.adjacent(prev, next)) return false;
    if (this.width !== null) {
      // Wrapped text: a line that (nearly) fills the width runs on; a shorter one ends its paragraph.
      const w = displayWidth(prev.text);
      if (w > this.width + 8) return false;
      // A line that stops on a comma is inside a sentence: it runs on even when the break left it short.
      return w >= Math.min(this.width - 4, this.width * FULL_LINE) || (ENDS_MID_SENTENCE.test(prev.fold) && w >= this.width / 2);
    }
    // Unwrapped text: only a line that stops on a comma clearly runs on.
    return prev.fold.length >= 20 && ENDS_MID_SENTENCE.test(prev.fold) && next.no === (prev.last ?? prev.no) + 1;
  }
}

/**
 * The text between two spans of one line when nothing else of the line sits
 * between them (a space, or nothing after a sentence end); null otherwise.
 */
function sameLineGap(prev: Line, next: Line, r: Reflower): string | null {
  if (prev.no !== next.no || prev.last !== undefined) return null;
  const gap = next.col - (prev.col + prev.text.length);
  if (gap === 0) return '';
  if (gap === 1) return ' ';
  // page furniture cut out between them (…50公里3、飞行半径…): one sentence still
  const end = columnBeforeDebris(prev.debris, prev.col + prev.text.length);
  return r.furnitureBetween(prev.no, end, columnBeforeDebris(next.debris, next.col)) ? '' : null;
}

export function reflow(lines: Line[], removed: RemovedLine[] = []): Block[] {
  const r = new Reflower(wrapWidth(lines), removed);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    // Spans of one line that are both content are one paragraph again: the
    // outline decides where it breaks (outline markers), not the span cuts.
    const gap = current && prev ? sameLineGap(prev, line, r) : null;
    if (current && gap !== null) {
      current.parts.push({ offset: current.text.length + gap.length, line: line.no, col: line.col });
      current.text += gap + line.text;
      current.fold += gap + line.fold;
    } else if (current && prev && r.continues(prev, line)) {
      // Chinese joins without a space; two Latin words keep one between them.
      // (Asked of the line before, not of the joined text: a regex on a growing rope flattens it each time.)
      const gap = /[A-Za-z]$/.test(prev.fold) && /^[A-Za-z]/.test(line.fold) ? ' ' : '';
      current.parts.push({ offset: current.text.length + gap.length, line: line.no, col: line.col });
      current.text += gap + line.text;
      current.fold += gap + line.fold;
      current.end = line.last ?? line.no;
    } else {
      current = blockOf(line);
      blocks.push(current);
    }
    prev = line;
  }
  return blocks;
}
