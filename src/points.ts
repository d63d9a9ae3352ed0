// Sub-points inside an item: (1)(2)…, ①②…, 一是…二是…. They stay under
// their item; they are never items of their own.
import { chineseToNumber } from './numerals.js';

export interface FoundPoint {
  marker: string;
  number: number;
  offset: number;
  text: string;
}

interface Mark {
  marker: string;
  number: number;
  offset: number;
}

const PATTERNS: Array<{ re: RegExp; number: (m: RegExpExecArray) => number | null; after?: RegExp }> = [
  // ① … ⑳
  { re: /[\u2460-\u2473]/g, number: (m) => m[0].charCodeAt(0) - 0x2460 + 1 },
  // ⑴ … ⒇
  { re: /[\u2474-\u2487]/g, number: (m) => m[0].charCodeAt(0) - 0x2474 + 1 },
  // (1) （1）
  { re: /[(（]\s*(\d{1,2})\s*[)）]/g, number: (m) => Number(m[1]) },
  // 一是 二是 … after a clause boundary, so 统一是 never counts. The boundary
  // is checked on the character before (\`after\`): as a lookbehind at the
  // pattern's head it made this scan four times slower.
  { re: /([一二三四五六七八九十]{1,2})是/g, number: (m) => chineseToNumber(m[1]!), after: /[，,。；;：:\s]/ },
];

/** The longest run 1, 2, 3 … of marks, starting at 1. */
function run(marks: Mark[]): Mark[] {
  const out: Mark[] = [];
  for (const m of marks) {
    if (m.number === out.length + 1) out.push(m);
  }
  return out.length >= 2 ? out : [];
}

/**
 * Find inline sub-points in an item's text; the first kind that forms a 1, 2 …
 * run wins. Markers are matched on `folded` (the text with full-width ASCII
 * folded, same length, so （１） is found) and reported as written in `text`.
 */
export function findPoints(text: string, folded: string = text): FoundPoint[] {
  let best: Mark[] = [];
  for (const { re, number, after } of PATTERNS) {
    const marks: Mark[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (after && m.index > 0 && !after.test(folded[m.index - 1]!)) {
        // Not at a boundary: a match may still start one character later.
        re.lastIndex = m.index + 1;
        continue;
      }
      const n = number(m);
      if (n !== null) marks.push({ marker: text.slice(m.index, m.index + m[0].length), number: n, offset: m.index });
    }
    const r = run(marks);
    if (r.length > 0 && (best.length === 0 || r[0]!.offset < best[0]!.offset)) best = r;
  }
  return best.map((m, i) => {
    const next = best[i + 1];
    let end = next ? next.offset : text.length;
    if (!next) {
      // The last point ends with its sentence.
      const stop = text.indexOf('。', m.offset);
      if (stop >= 0) end = stop + 1;
    }
    return { marker: m.marker, number: m.number, offset: m.offset, text: text.slice(m.offset, end).trim() };
  });
}
