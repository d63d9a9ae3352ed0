// Bytes of a saved web page → text. A page says how it is encoded, so the
// order is a browser's: a byte-order mark, then the charset the page declares
// (<meta charset>, <meta http-equiv="Content-Type">, an XML declaration), then
// detection from the bytes as for any text (src/decode.ts).
import type { Encoding } from '../schema.js';
import { decode, type Decoded } from '../decode.js';
import { InputError } from '../errors.js';

/** How the encoding was settled: recorded so a wrong declaration can be seen. */
export type CharsetSource = 'bom' | 'declared' | 'detected';

export interface DecodedPage extends Decoded {
  charsetSource: CharsetSource;
  /** The charset label as the page declares it, when it does. */
  declared: string | null;
}

// Labels of the WHATWG Encoding standard that name UTF-8 or the GB family
// (GB2312 and GBK pages are decoded as GB18030, their superset, as browsers do).
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'gb_2312', 'gb_2312-80', 'chinese', 'csgb2312', 'csiso58gb231280', 'iso-ir-58', 'x-gbk', 'cp936', 'ms936', 'windows-936']);
const BIG5_LABELS = new Set(['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5']);
// UTF-16 declared in a page read as ASCII bytes cannot be true (the
// declaration itself would be in UTF-16); browsers read such a page as UTF-8.
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'unicode', 'ucs-2', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff', 'unicodefffe']);

/** The bytes a browser's prescan looks at before it gives up on a declaration. */
const PRESCAN_BYTES = 4096;

/** The charset the page declares in its first bytes, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // The declaration is ASCII whatever the page's encoding (bar UTF-16): latin1 keeps byte offsets.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    // <meta charset="gbk">: the attribute itself, not a charset= inside another attribute's value.
    const bare = tag.replace(/\b[\w-]+\s*=\s*(["'])[^"']*\1/g, (attr) => (/^charset\b/i.test(attr) ? attr : ''));
    const own = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(bare);
    if (own) return own[1]!.toLowerCase();
    // <meta http-equiv="Content-Type" content="text/html; charset=gbk">
    if (!/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(tag)) continue;
    const inContent = /\bcontent\s*=\s*["'][^"']*?charset\s*=\s*([\w.:-]+)/i.exec(tag);
    if (inContent) return inContent[1]!.toLowerCase();
  }
  return null;
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decode a web page. A declared charset is followed when the bytes are valid
 * in it; a declaration the bytes contradict (a GBK page that says UTF-8, a
 * common template slip) falls back to detection. A declared charset planparse
 * does not read is tried by detection too, and named when that fails.
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return { ...decode(bytes), charsetSource: 'bom', declared: null };
  const declared = declaredCharset(bytes);
  if (declared !== null) {
    const encoding: Encoding | null =
      UTF8_LABELS.has(declared) || UTF16_LABELS.has(declared) ? 'utf-8' : GB_LABELS.has(declared) ? 'gb18030' : BIG5_LABELS.has(declared) ? 'big5' : null;
    const text = encoding === null ? null : strict(encoding, bytes);
    if (encoding !== null && text !== null) return { text, encoding, charsetSource: 'declared', declared };
    if (encoding === null) {
      // A charset we do not read: the bytes may still be UTF-8 or GBK (a template slip); else say what the page declares.
      try {
        return { ...decode(bytes), charsetSource: 'detected', declared };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        throw new InputError('bad-encoding', `the page declares charset ${declared}, which planparse does not read (UTF-8, UTF-16, GB2312/GBK/GB18030, Big5)`);
      }
    }
  }
  return { ...decode(bytes), charsetSource: 'detected', declared };
}
