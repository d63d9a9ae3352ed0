// Reading a file: bytes → decoded text → Plan. The only stage with I/O.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { decode, type Decoded } from './decode.js';
import { normalise } from './normalise.js';
import { parsePlan } from './parse.js';
import { InputError } from './errors.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './limits.js';
import type { Diagnostic, Encoding, Plan } from './schema.js';
import { inexactNumbers } from './exactness.js';

// A saved web page under another name (page.txt, stdin): it opens with a
// doctype, <html>, <head> or <body>, perhaps after an XML declaration or a comment.
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

export type InputFormat = 'text' | 'markdown' | 'html';

/** --stdin-format: a format, or `auto` (the default) to tell by the bytes' shape. */
export type StdinFormat = InputFormat | 'auto';

// Markdown by its shape: ATX headings (`## 一、…`: one to six # and a space at
// a line start), bullets, fences, setext underlines, links, strong emphasis.
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/;
const BULLET = /^ {0,3}[-*+][ \t]+\S/;
const FENCE = /^ {0,3}(?:```|~~~)/;
const SETEXT = /^ {0,3}(?:=+|-{2,})[ \t]*$/;
const INLINE = /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/;

/**
 * Whether a text without a name (standard input) is Markdown, as its shape
 * says: two ATX headings, or one and another Markdown construct (two
 * bullets, a fence, a setext underline, a link, strong emphasis). Plain text
 * with a stray `#` at a line start (`# 注：…`) is not: one mark is no shape.
 */
export function looksLikeMarkdown(text: string): boolean {
  let headings = 0;
  let bullets = 0;
  let other = false;
  let previous = '';
  // The head of the text says enough; a huge input is not scanned whole.
  const lines = text.slice(0, 65536).split('\n');
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (ATX_HEADING.test(line)) headings++;
    else if (BULLET.test(line)) bullets++;
    else if (FENCE.test(line) || (SETEXT.test(line) && previous.trim() !== '' && !SETEXT.test(previous)) || INLINE.test(line)) other = true;
    if (headings >= 2 || (headings === 1 && (bullets >= 2 || other))) return true;
    previous = line;
  }
  return false;
}

export function isMarkdownPath(path: string): boolean {
  return /^\.(md|markdown)$/i.test(extname(path));
}

export function isHtmlPath(path: string): boolean {
  return /^\.(html?|shtml|xhtml)$/i.test(extname(path));
}

/** Whether a decoded text is a web page's source. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}

async function parseHtmlBytes(bytes: Uint8Array, path: string | null): Promise<Plan> {
  // rehype-parse and the page reader load only for web pages.
  const html = await import('./html/index.js');
  return html.parseHtmlBytes(bytes, path);
}

/**
 * Parse a web page's source, already decoded, into a Plan whose line numbers
 * point into that source. The HTML reader is loaded on first use.
 */
export async function parsePlanHtml(html: string, options: { path?: string | null; encoding?: Encoding; bytes?: number } = {}): Promise<Plan> {
  const reader = await import('./html/index.js');
  return reader.parseHtmlPlan(html, options);
}

/** The text a browser shows for a page, one line per rendered line: what parsePlanHtml parses. */
export async function pageText(html: string): Promise<string> {
  const reader = await import('./html/index.js');
  return reader.readPage(html).text;
}

/**
 * Parse bytes already read from `path` (the batch workers use this). Without
 * a format, a file is read by its extension and nameless bytes (standard
 * input) by their shape: a web page, Markdown, else text.
 */
export async function parsePlanBytes(bytes: Uint8Array, path: string | null, format?: InputFormat): Promise<Plan> {
  if (format === 'html' || (format === undefined && path !== null && isHtmlPath(path))) return parseHtmlBytes(bytes, path);
  const decoded = decode(bytes);
  // A page saved as .txt (or piped in) is read as the page it is, never as text with tags.
  if (looksLikeHtml(decoded.text)) return parseHtmlBytes(bytes, path);
  const sniffed = format ?? (path === null && looksLikeMarkdown(decoded.text) ? 'markdown' : undefined);
  return parseDecoded(decoded, bytes.length, path, sniffed);
}

/** Parse text already decoded from `size` bytes. */
async function parseDecoded({ text, encoding, doubt }: Decoded, size: number, path: string | null, format?: 'text' | 'markdown'): Promise<Plan> {
  const fmt = format ?? (path && isMarkdownPath(path) ? 'markdown' : 'text');
  const found: Diagnostic[] = [];
  if (doubt) found.push({ code: 'encoding-uncertain', severity: 'warning', message: doubt, line: null });
  let plan: Plan | null = null;
  if (fmt === 'markdown') {
    // remark-parse costs start-up time, so it is loaded only for Markdown.
    const { markdownAsText, markdownLines, markdownTooComplex } = await import('./markdown.js');
    let tooDeep = markdownTooComplex(text);
    if (tooDeep === null) {
      try {
        const lines = markdownLines(text, normalise(text));
        plan = parsePlan(text, { path, encoding, bytes: size, format: 'markdown', lines });
      } catch (e) {
        // Nesting the scan let through still must not end in a stack trace.
        if (!(e instanceof RangeError)) throw e;
        tooDeep = 'nesting too deep for the Markdown parser';
      }
    }
    if (tooDeep !== null) {
      found.push({ code: 'markdown-too-deep', severity: 'warning', message: `Markdown structure too deep to parse (${tooDeep}): read as plain text`, line: null });
      plan = parsePlan(text, { path, encoding, bytes: size, format: 'markdown', lines: normalise(markdownAsText(text)) });
    }
  }
  plan ??= parsePlan(text, { path, encoding, bytes: size, format: 'text' });
  found.push(...inexactNumbers(plan));
  return found.length ? withDiagnostics(plan, found) : plan;
}

/** A plan with diagnostics found outside the parser (decoding, reading), in line order. */
function withDiagnostics(plan: Plan, extra: Diagnostic[]): Plan {
  const diagnostics = plan.diagnostics.concat(extra);
  // Stable: whole-document notes (line null) first, then by line, as parsePlan orders them.
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...plan, diagnostics };
}

export { DEFAULT_MAX_BYTES } from './limits.js';

export interface ReadOptions {
  /** Refuse inputs larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
  /** What to record in source.path instead of `path` (the CLI records a normalised path). */
  sourcePath?: string | null;
}

const KIND: Array<[keyof import('node:fs').Stats, string]> = [
  ['isDirectory', 'is a directory'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
  ['isFIFO', 'a FIFO (named pipe)'],
  ['isSocket', 'a socket'],
];

function unreadable(e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT' ? 'no such file' :
    err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' :
    err.code === 'EISDIR' ? 'is a directory' :
    err.code === 'ENOTDIR' ? 'a parent of the path is not a directory' :
    err.code === 'ELOOP' ? 'too many symbolic links' :
    err.code === 'ENAMETOOLONG' ? 'the name is too long' :
    err.code === 'EIO' ? 'input/output error' :
    // The raw message repeats the path the caller already names.
    err.code ? `${err.code}: ${err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` :
    err.message;
  return new InputError('unreadable', `cannot read file: ${why}`);
}

/**
 * The bytes of a regular file, refused beyond `maxBytes`. Only regular files:
 * a device (/dev/zero), a FIFO or a socket could be endless.
 */
export async function readPlanBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    // A name that is not valid UTF-8 reaches Node with U+FFFD in place of its bytes, so no file has it.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && path.includes('\uFFFD')) {
      throw new InputError('unreadable', 'cannot read file: its name is not valid UTF-8 (Node receives it with its bytes replaced, so it cannot be opened by that name)');
    }
    throw unreadable(e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      const kind = KIND.find(([test]) => (st[test] as () => boolean).call(st));
      const what = kind ? kind[1] : 'not a regular file';
      throw new InputError('not-a-file', `cannot read file: ${what === 'is a directory' ? what : `not a regular file (${what})`}`);
    }
    if (st.size > maxBytes) throw tooLarge(maxBytes);
    // Read to the end, not to the size stat gave: a file may grow meanwhile.
    let buf = Buffer.allocUnsafe(st.size + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > maxBytes) throw tooLarge(maxBytes);
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge(maxBytes);
    return buf.subarray(0, total);
  } catch (e) {
    throw e instanceof InputError ? e : unreadable(e);
  } finally {
    await handle.close();
  }
}

/**
 * A .json or .jsonl file holding JSON (a planparse output given back by
 * mistake) is refused by name: read as text it would give an empty plan.
 */
function refuseJson(path: string, text: string): void {
  if (/^\.(json|jsonl|ndjson)$/i.test(extname(path)) && /^\s*[[{]/.test(text.slice(0, 256))) {
    throw new InputError('not-a-plan', 'a JSON file, not a plan text (planparse validate FILE checks planparse JSON)');
  }
}

/** Read, decode and parse one plan file. Rejects with InputError for unreadable, oversized or binary files. */
export async function parsePlanFile(path: string, options: ReadOptions = {}): Promise<Plan> {
  let bytes: Uint8Array | null = await readPlanBytes(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const recorded = options.sourcePath !== undefined ? options.sourcePath : path;
  if (isHtmlPath(path)) return parseHtmlBytes(bytes, recorded);
  const decoded = decode(bytes);
  refuseJson(path, decoded.text);
  if (looksLikeHtml(decoded.text)) return parseHtmlBytes(bytes, recorded);
  const size = bytes.length;
  // The bytes are not needed once decoded: let them go before the parse (a
  // 10 MB input is 10 MB less at the peak).
  bytes = null;
  return parseDecoded(decoded, size, recorded, isMarkdownPath(path) ? 'markdown' : 'text');
}
