// Stage 1: bytes → text. Encodings are detected, never assumed.
import type { Encoding } from './schema.js';
import { InputError } from './errors.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
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

/** Share of CJK ideographs and CJK punctuation among the non-ASCII characters. */
function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
  }
  return nonAscii === 0 ? 1 : cjk / nonAscii;
}

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
  }
  return null;
}

/**
 * Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM,
 * or without when the bytes leave no doubt), or GB18030/GBK when the bytes are not UTF-8 but read as Chinese text.
 * Throws InputError for binary data and undecodable text.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeStrict('utf-16le', bytes.subarray(2));
    if (text === null) throw new InputError('bad-utf16', 'invalid UTF-16LE text after a UTF-16LE byte-order mark');
    return { text, encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeStrict('utf-16be', bytes.subarray(2));
    if (text === null) throw new InputError('bad-utf16', 'invalid UTF-16BE text after a UTF-16BE byte-order mark');
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
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const shape = utf8Shape(bytes);
  // Damaged UTF-8 (a cut character) is refused, never read as GBK mojibake.
  const mostlyUtf8 = shape.good >= 4 && shape.good >= 9 * shape.bad;
  const gb = mostlyUtf8 ? null : decodeStrict('gb18030', bytes);
  if (gb !== null && cjkShare(gb) >= 0.6) return { text: gb, encoding: 'gb18030' };
  throw new InputError('bad-encoding', 'neither valid UTF-8 nor GB18030/GBK text');
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
