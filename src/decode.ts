// Stage 1: bytes → text. Encodings are detected, never assumed.
import type { Encoding } from './schema.js';
import { InputError } from './errors.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the bytes read plausibly in two encodings and the choice was close: worth a diagnostic. */
  doubt?: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx, xlsx

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Share of C0 control bytes other than tab, LF, CR, FF among the first 8 KiB. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
  }
  return bad / n;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How Chinese-text-like a decoding is: the mean weight of its non-ASCII
 * characters, where the 3,755 everyday characters (GB2312 level 1) and CJK
 * punctuation weigh 1, the rarer level 2 a quarter, anything else nothing.
 * Mojibake lands elsewhere: GBK bytes read as UTF-8 give Latin, Greek or
 * Cyrillic letters; UTF-8 bytes read as GBK give level-2 and extension
 * characters. Computed on the first 64K characters.
 */
export function plausibility(text: string): number {
  return reading(text).score;
}

/** plausibility(), with the number of non-ASCII characters it rests on. */
function reading(text: string): { score: number; count: number } {
  const { level1, level2 } = gb2312Levels();
  let nonAscii = 0;
  let weight = 0;
  const end = Math.min(text.length, 1 << 16);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (level1.has(c) || gbSymbol(c)) weight += 1;
    else if (level2.has(c)) weight += 0.25;
  }
  return { score: nonAscii === 0 ? 1 : weight / nonAscii, count: nonAscii };
}

/** Share of CJK ideographs and punctuation among the first 64K characters that are not ASCII. */
function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  const end = Math.min(text.length, 1 << 16);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027)) cjk++;
  }
  return nonAscii === 0 ? 1 : cjk / nonAscii;
}

/**
 * Symbols GBK holds and plans use: CJK and full-width punctuation, quotes and
 * dashes, ‰ ※ ℃ № Ⅰ, arrows, ≥ ≤ ×, ①⑴⒈, box and shapes ■ ▲ ○, ·, ￥. None
 * of them is a two-byte UTF-8 sequence, the mojibake of GBK read as UTF-8.
 */
function gbSymbol(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || (c >= 0xffe0 && c <= 0xffe5) ||
    (c >= 0x2010 && c <= 0x203b) || (c >= 0x2100 && c <= 0x21ff) || (c >= 0x2200 && c <= 0x22ff) ||
    (c >= 0x2460 && c <= 0x249b) || (c >= 0x2500 && c <= 0x25ff) || (c >= 0x2600 && c <= 0x2642) ||
    c === 0xb7 || c === 0xd7 || c === 0xf7 || c === 0xa7 || c === 0xb0 || c === 0xb1
  );
}

let levels: { level1: Set<number>; level2: Set<number> } | null = null;

/** GB2312's two levels of hanzi, read from the GB18030 decoder itself (no table to ship). */
function gb2312Levels(): { level1: Set<number>; level2: Set<number> } {
  if (levels) return levels;
  const decoder = new TextDecoder('gb18030');
  const collect = (fromLead: number, toLead: number): Set<number> => {
    const bytes: number[] = [];
    for (let lead = fromLead; lead <= toLead; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
    const set = new Set<number>();
    for (const ch of decoder.decode(new Uint8Array(bytes))) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x4e00 && c <= 0x9fff) set.add(c);
    }
    return set;
  };
  levels = { level1: collect(0xb0, 0xd7), level2: collect(0xd8, 0xf7) };
  return levels;
}

/** A UTF-8 reading this plausible is taken without trying GB18030 (real Chinese text scores above 0.95). */
const SURE = 0.9;
/** Two plausible readings closer than this: the choice is stated in a diagnostic. */
const CLOSE = 0.5;
/** Non-ASCII characters a GB18030 reading needs before it may overrule valid UTF-8. */
const MIN_EVIDENCE = 8;

/** Share of characters that plan text is made of: printable ASCII, line breaks, CJK. */
function textShare(text: string): number {
  const n = Math.min(text.length, 4096);
  if (n === 0) return 0;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || c === 0xa0
    ) ok++;
  }
  return ok / n;
}

/**
 * UTF-16 without a byte-order mark: accepted only when one byte order decodes
 * to text that is almost all ASCII, CJK and punctuation (an image or UTF-8
 * read as UTF-16 gives scattered code points instead).
 */
function bomlessUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length % 2 !== 0) return null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = decodeStrict(encoding, bytes);
    if (text !== null && textShare(text) >= 0.95) return { text, encoding };
    // UTF-16 text but for a lone surrogate: say so, not "binary".
    if (text === null && textShare(new TextDecoder(encoding).decode(bytes)) >= 0.95) throw badUtf16(bytes, 0, encoding, '');
  }
  return null;
}

/** Byte offset (from the file's start) of the first unpaired surrogate, or -1. */
function loneSurrogateAt(bytes: Uint8Array, from: number, little: boolean): { at: number; unit: number } | null {
  const unitAt = (i: number) => (little ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = from; i + 1 < bytes.length; i += 2) {
    const u = unitAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unitAt(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
      return { at: i, unit: u };
    }
    if (u >= 0xdc00 && u <= 0xdfff) return { at: i, unit: u };
  }
  return null;
}

/** The real fault of UTF-16 that does not decode: a lone surrogate, or an odd byte count. */
function badUtf16(bytes: Uint8Array, from: number, encoding: 'utf-16le' | 'utf-16be', afterBom: string): InputError {
  const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  const lone = loneSurrogateAt(bytes, from, encoding === 'utf-16le');
  if (lone) {
    const hex = lone.unit.toString(16).toUpperCase();
    return new InputError('bad-utf16', `invalid ${name} text${afterBom}: a lone surrogate (U+${hex}) at byte ${lone.at}`);
  }
  if ((bytes.length - from) % 2 !== 0) return new InputError('bad-utf16', `invalid ${name} text${afterBom}: an odd number of bytes (the last character is cut)`);
  return new InputError('bad-utf16', `invalid ${name} text${afterBom}`);
}

/**
 * Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM,
 * or without when the bytes leave no doubt), or GB18030/GBK when the bytes are not UTF-8 but read as Chinese text.
 * Throws InputError for binary data and undecodable text.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeStrict('utf-16le', bytes.subarray(2));
    if (text === null) throw badUtf16(bytes, 2, 'utf-16le', ' after a UTF-16LE byte-order mark');
    return { text, encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeStrict('utf-16be', bytes.subarray(2));
    if (text === null) throw badUtf16(bytes, 2, 'utf-16be', ' after a UTF-16BE byte-order mark');
    return { text, encoding: 'utf-16be' };
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict('utf-8', bytes.subarray(3));
    if (text === null) throw new InputError('bad-utf8', 'invalid UTF-8 after a UTF-8 byte-order mark');
    return { text, encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, PNG)) throw new InputError('binary', 'binary file (PNG image), not a plan text');
  if (startsWith(bytes, PDF)) throw new InputError('binary', 'binary file (PDF), convert it to text first');
  if (startsWith(bytes, ZIP)) throw new InputError('binary', 'binary file (ZIP/Office document), convert it to text first');
  if (bytes.includes(0)) {
    // Text never holds NUL bytes, except UTF-16 saved without its byte-order mark.
    const utf16 = bomlessUtf16(bytes);
    if (utf16) return utf16;
    throw new InputError('binary', 'binary file (contains NUL bytes), not a plan text');
  }
  if (controlShare(bytes) > 0.02) throw new InputError('binary', 'binary file (control characters), not a plan text');

  const utf8 = decodeStrict('utf-8', bytes);
  // Real Chinese UTF-8 is almost all CJK: taken at once, without the tables.
  if (utf8 !== null && cjkShare(utf8) >= SURE) return { text: utf8, encoding: 'utf-8' };
  const utf8Score = utf8 === null ? 0 : plausibility(utf8);
  if (utf8 !== null && utf8Score >= SURE) return { text: utf8, encoding: 'utf-8' };
  // Valid UTF-8 that reads like mojibake may be GBK whose bytes happen to
  // form UTF-8 too (一 is D2 BB, also U+04BB): GB18030 wins when its reading
  // is clearly more plausible and rests on enough characters; otherwise UTF-8
  // stays, the usual encoding, with a note when GB18030 was close.
  const gb = decodeStrict('gb18030', bytes);
  const gbReading = gb === null ? { score: 0, count: 0 } : reading(gb);
  if (utf8 !== null) {
    if (gb !== null && gbReading.score - utf8Score >= CLOSE && gbReading.count >= MIN_EVIDENCE) return { text: gb, encoding: 'gb18030' };
    if (gb !== null && gbReading.score > 0 && gbReading.score + CLOSE > utf8Score) return { text: utf8, encoding: 'utf-8', doubt: doubt('UTF-8', 'GB18030') };
    return { text: utf8, encoding: 'utf-8' };
  }
  const gbScore = gbReading.score;
  // Not UTF-8. Damaged UTF-8 (a cut character) reads as GBK of rare
  // characters and is refused, never turned into mojibake; real GBK reads as
  // everyday characters.
  if (gb !== null && gbScore >= 0.5) {
    const shape = utf8Shape(bytes);
    const mostlyUtf8 = shape.good >= 4 && shape.good >= 9 * shape.bad;
    return mostlyUtf8 ? { text: gb, encoding: 'gb18030', doubt: doubt('GB18030', 'damaged UTF-8') } : { text: gb, encoding: 'gb18030' };
  }
  throw new InputError('bad-encoding', 'neither valid UTF-8 nor GB18030/GBK text');
}

function doubt(chosen: string, other: string): string {
  return `the bytes read as ${chosen} and as ${other} with little to choose between them; read as ${chosen}: check the text`;
}

/** Counts of well-formed UTF-8 multi-byte sequences and of malformed runs (a cut character leaves one run). */
function utf8Shape(bytes: Uint8Array): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  let inBadRun = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      inBadRun = false;
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      inBadRun = false;
      i += len;
    } else {
      if (!inBadRun) bad++;
      inBadRun = true;
      i++;
    }
  }
  return { good, bad };
}
