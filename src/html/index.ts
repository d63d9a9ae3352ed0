// Saved web pages: HTML → the text a browser shows (with a map back to the
// source) → the same pipeline as any text → line numbers, chrome and page
// metadata put back. The interface with the pipeline is narrow on purpose:
// text in, Plan out. Loaded only for HTML inputs (rehype-parse is not small).
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Root } from 'hast';
import type { Encoding, PageMetaField, Plan } from '../schema.js';
import { parsePlan } from '../parse.js';
import { renderPage, type ChromeBlock } from './render.js';
import { pageMeta } from './page-meta.js';
import { flatSource, MAX_DEPTH, sourceDepth } from './depth.js';
import { mergeBoilerplate, mergeMeta, remapLines } from './merge.js';
import { decodePage } from './charset.js';

export interface PageText {
  /** The rendered text, one line per rendered line. */
  text: string;
  /** Source line (1-based) of each rendered line: `source[n - 1]` for rendered line n. */
  source: number[];
  /** Blocks removed by the page's structure. */
  chrome: ChromeBlock[];
  page: PageMetaField[];
  /** Lines of the HTML source. */
  sourceLines: number;
  /** How deep its tags nest, by a scan of the source (past MAX_DEPTH the page is read flat). */
  depth: number;
}

export function parseHtml(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

/** Read a page: its rendered text with the source line of every line, the chrome cut out, its metadata. */
export function readPage(html: string): PageText {
  const depth = sourceDepth(html);
  const tree = parseHtml(depth > MAX_DEPTH ? flatSource(html) : html);
  const { lines, chrome, bylines } = renderPage(tree);
  // A byline's date stands in for a missing PubDate (meta tags come first, so they win).
  const page = pageMeta(tree).concat(bylines.map((b) => ({ key: 'published' as const, tag: 'byline', value: b.text, line: b.line })));
  const parts = html.split(/\r\n|\r|\n/);
  const sourceLines = html === '' ? 0 : parts.length - (parts.length > 1 && parts[parts.length - 1] === '' ? 1 : 0);
  return { text: lines.map((l) => l.text).join('\n'), source: lines.map((l) => l.source), chrome, page, sourceLines, depth };
}

export interface HtmlParseOptions {
  path?: string | null;
  encoding?: Encoding;
  /** Size in bytes of the page as read. */
  bytes?: number;
}

/** Parse a web page's source into a Plan whose line numbers point into that source. */
export function parseHtmlPlan(html: string, options: HtmlParseOptions = {}): Plan {
  const page = readPage(html);
  const plan = parsePlan(page.text, { path: options.path ?? null, encoding: options.encoding ?? 'utf-8', bytes: options.bytes ?? Buffer.byteLength(html, 'utf8') });
  const last = page.source.length > 0 ? page.source[page.source.length - 1]! : 1;
  remapLines(plan, (n) => page.source[n - 1] ?? last);
  const { meta, diagnostics } = mergeMeta(plan.meta, page.page);
  return {
    ...plan,
    source: { ...plan.source, format: 'html', lines: page.sourceLines },
    meta,
    boilerplate: mergeBoilerplate(plan.boilerplate, page.chrome),
    diagnostics: plan.diagnostics.concat(diagnostics, deepMarkup(page.depth)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** The note that a page nested too deep was read flat (see depth.ts). */
function deepMarkup(depth: number): Plan['diagnostics'] {
  if (depth <= MAX_DEPTH) return [];
  return [{ code: 'markup-too-deep', severity: 'warning', message: `the page nests its tags ${depth} deep (more than ${MAX_DEPTH}): it was read with its inline and layout tags taken out`, line: null }];
}

/** Decode a page's bytes (BOM, declared charset, detection) and parse it. */
export function parseHtmlBytes(bytes: Uint8Array, path: string | null): Plan {
  const { text, encoding } = decodePage(bytes);
  return parseHtmlPlan(text, { path, encoding, bytes: bytes.length });
}
