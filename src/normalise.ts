// Stage 2: text → lines. Invisible characters go, spaces fold, and a matching
// form is kept beside the display text so later stages match 1．and 1. alike.
import type { Line } from './lines.js';

// Zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// NBSP, ideographic space, the Unicode space block, tabs; a run mixing them
// with ASCII spaces is one run (else NBSP·space·NBSP left three spaces, and a
// second pass changed the line).
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;

/** Fold full-width ASCII (U+FF01–FF5E) to ASCII, one char for one char. */
export function fold(text: string): string {
  // One replace, not a char-by-char concatenation: that built a rope per line
  // that every later regex had to flatten (the largest cost on big plans).
  return text.replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Normalise one line's text: drop invisibles, fold runs of spaces to one, trim. */
export function cleanLine(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Split on CRLF, CR or LF and normalise every line. Line numbers are 1-based. */
export function normalise(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  // A trailing newline does not open another line.
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const lines: Line[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const t = cleanLine(r);
    const line: Line = { no: i + 1, col: 0, text: t, fold: fold(t) };
    if (t === '' && r !== '') line.filler = true;
    lines[i] = line;
  }
  return lines;
}
