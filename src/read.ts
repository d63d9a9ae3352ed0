// Reading a file: bytes → decoded text → Plan. The only stage with I/O.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decode } from './decode.js';
import { normalise } from './normalise.js';
import { parsePlan } from './parse.js';
import { InputError } from './errors.js';
import type { Encoding, Plan } from './schema.js';

// A saved web page under another name (page.txt, stdin): it opens with a
// doctype, <html>, <head> or <body>, perhaps after an XML declaration or a comment.
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

export type InputFormat = 'text' | 'markdown' | 'html';

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

/** Parse bytes already read from `path` (the batch workers use this). */
export async function parsePlanBytes(bytes: Uint8Array, path: string | null, format?: InputFormat): Promise<Plan> {
  if (format === 'html' || (format === undefined && path !== null && isHtmlPath(path))) return parseHtmlBytes(bytes, path);
  const { text, encoding } = decode(bytes);
  // A page saved as .txt (or piped in) is read as the page it is, never as text with tags.
  if (looksLikeHtml(text)) return parseHtmlBytes(bytes, path);
  const fmt = format ?? (path && isMarkdownPath(path) ? 'markdown' : 'text');
  if (fmt === 'markdown') {
    // remark-parse costs start-up time, so it is loaded only for Markdown.
    const { markdownLines } = await import('./markdown.js');
    const lines = markdownLines(text, normalise(text));
    return parsePlan(text, { path, encoding, bytes: bytes.length, format: 'markdown', lines });
  }
  return parsePlan(text, { path, encoding, bytes: bytes.length, format: 'text' });
}

/** Read, decode and parse one plan file. Rejects with InputError for unreadable or binary files. */
export async function parsePlanFile(path: string): Promise<Plan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'no such file' :
      err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' :
      err.code === 'EISDIR' ? 'is a directory' :
      err.code === 'ENOTDIR' ? 'a parent of the path is not a directory' :
      err.code === 'ELOOP' ? 'too many symbolic links' :
      // The raw message repeats the path the caller already names.
      err.code ? `${err.code}: ${err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` :
      err.message;
    throw new InputError('unreadable', `cannot read file: ${why}`);
  }
  return parsePlanBytes(bytes, path);
}
