// Stage 5: lines → paragraph blocks. Each kept line is a block of its own;
// hard-wrapped lines (PDF/Word exports) are rejoined where a line clearly
// breaks mid-sentence. Page furniture removed between two halves of a
// sentence (— 3 —, a running header) does not stop the join.
import { blockOf, type Block, type Line } from './lines.js';
import { markerOf } from './markers.js';
import type { RemovedLine } from './schema.js';

// A line that ends a paragraph: closes a sentence, a heading or a list entry.
const ENDS_PARAGRAPH = /[。！？!?：:；;”」』）)】]$/;
// A line that stops inside a sentence whatever its length.
const ENDS_MID_SENTENCE = /[，,、]$/;

/**
 * The width a hard-wrapped text was cut at, or null when the text is not
 * hard-wrapped. Wrapped exports have many lines of (nearly) the same length,
 * the page width; scraped HTML has one line per paragraph, of any length.
 */
export function wrapWidth(lines: Line[]): number | null {
  const lengths = lines.map((l) => l.fold.length).filter((n) => n >= 12);
  if (lengths.length < 4) return null;
  const freq = new Map<number, number>();
  for (const n of lengths) freq.set(n, (freq.get(n) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  // The widest length whose ±1 neighbourhood is most common: wrapped lines sit at the width.
  for (const n of freq.keys()) {
    const c = (freq.get(n - 1) ?? 0) + (freq.get(n) ?? 0) + (freq.get(n + 1) ?? 0);
    if (c > bestCount || (c === bestCount && n > best)) {
      best = n;
      bestCount = c;
    }
  }
  // Lines of the width that stop mid-sentence: the signature of hard wrapping.
  const cut = lines.filter((l) => Math.abs(l.fold.length - best) <= 1 && !ENDS_PARAGRAPH.test(l.fold)).length;
  return bestCount >= 4 && bestCount / lengths.length >= 0.3 && cut >= 3 ? best : null;
}

export class Reflower {
  private readonly transparent: Set<number>;
  private readonly blocking: Set<number>;

  /** `removed`: lines stripped as boilerplate; page furniture between two lines does not separate them. */
  constructor(private readonly width: number | null, removed: RemovedLine[]) {
    this.transparent = new Set(removed.filter((r) => r.reason === 'page-furniture' || r.reason === 'blank-filler').map((r) => r.line));
    this.blocking = new Set(removed.filter((r) => r.reason !== 'page-furniture' && r.reason !== 'blank-filler').map((r) => r.line));
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
    if (markerOf(next.fold) !== null) return false;
    if (ENDS_PARAGRAPH.test(prev.fold)) return false;
    if (!this.adjacent(prev, next)) return false;
    const len = prev.fold.length;
    if (this.width !== null) {
      // Wrapped text: a line that fills the width runs on; a shorter one ends its paragraph.
      // Digits and Latin letters are narrower than ideographs, so a full line may hold a few more.
      return len >= this.width - 2 && len <= this.width + 8;
    }
    // Unwrapped text: only a line that stops on a comma clearly runs on.
    return len >= 20 && ENDS_MID_SENTENCE.test(prev.fold) && next.no === (prev.last ?? prev.no) + 1;
  }
}

/**
 * The text between two spans of one line when nothing else of the line sits
 * between them (a space, or nothing after a sentence end); null otherwise.
 */
function sameLineGap(prev: Line, next: Line): string | null {
  if (prev.no !== next.no || prev.last !== undefined) return null;
  const gap = next.col - (prev.col + prev.text.length);
  return gap === 0 ? '' : gap === 1 ? ' ' : null;
}

export function reflow(lines: Line[], removed: RemovedLine[] = []): Block[] {
  const r = new Reflower(wrapWidth(lines), removed);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    // Spans of one line that are both content are one paragraph again: the
    // outline decides where it breaks (outline markers), not the span cuts.
    const gap = current && prev ? sameLineGap(prev, line) : null;
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
