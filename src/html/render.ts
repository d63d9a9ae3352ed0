// A page's text as a browser shows it, line by line, each line with the
// source line it starts on. The rules are innerText's: block elements and
// <br> make lines (paragraphs and headings with a blank line around them),
// table rows make lines with their cells separated by a tab, <pre> keeps its
// lines, white space collapses (a line break between two CJK characters
// vanishes, as CSS Text defines), and what is not shown gives nothing.
// Chrome found by structure (chrome.ts) is cut out whole and recorded.
//
// Why not hast-util-to-text, which implements innerText: it returns one
// string, with no way back to the source and no way to leave a subtree out,
// and both are needed here (every line must point into the HTML, and chrome
// must be dropped and reported with its element path). The walk below follows
// the same rules and keeps the position of each line's first character.
import type { Element, ElementContent, Root } from 'hast';
import type { BoilerplateReason } from '../schema.js';
import { articleChain, chromeOf, textStats, type TextStats } from './chrome.js';
import { parseDate } from '../dates.js';
import { attr, isBlock, isElement, isHidden, isParagraph, isSilent, lineOf, pathOf } from './elements.js';

export interface RenderedLine {
  text: string;
  /** 1-based line of the HTML source where the line's first character is written. */
  source: number;
}

export interface ChromeBlock {
  /** Source line where the element starts. */
  line: number;
  /** Its text as it would have shown, on one line. */
  text: string;
  reason: BoilerplateReason;
  /** body > div.wrap > div.footer */
  element: string;
  cue: string;
}

/** A dated line between the article's heading and its text (滨湖教育发布 2024-03-01 10:00). */
export interface Byline {
  line: number;
  text: string;
}

export interface Rendering {
  lines: RenderedLine[];
  chrome: ChromeBlock[];
  bylines: Byline[];
}

// Characters between which a source line break is no space (CSS Text 3, segment break transformation).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const PRE = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

/** Accumulates text into lines the way a browser lays out inline content. */
class LineWriter {
  readonly lines: RenderedLine[] = [];
  private cur = '';
  private curSource = 0;
  private pendingBreak = 0;
  private space: 'none' | 'space' | 'newline' = 'none';

  /** Collapsible text (white-space: normal) starting on source line `line`. */
  text(value: string, line: number): void {
    let at = line;
    for (const m of value.matchAll(/[ \t\n\r\f]+|[^ \t\n\r\f]+/g)) {
      const tok = m[0];
      const c = tok.charCodeAt(0);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) {
        const nl = (tok.match(/\n/g) ?? []).length;
        at += nl;
        if (this.cur !== '' && this.pendingBreak === 0) this.space = this.space === 'space' || nl === 0 ? 'space' : 'newline';
        continue;
      }
      if (this.space !== 'none' && this.cur !== '' && this.pendingBreak === 0) {
        const joinCjk = this.space === 'newline' && WIDE.test(this.cur.slice(-1)) && WIDE.test(tok[0]!);
        if (!joinCjk) this.cur += ' ';
      }
      this.visible(tok, at);
    }
  }

  /** Preformatted text: spaces kept, each line break a line. */
  pre(value: string, line: number): void {
    value.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) this.br(line + i);
      if (part !== '') this.visible(part, line + i);
    });
  }

  /** Text that shows as written (a list marker, a cell separator). */
  visible(s: string, line: number): void {
    if (this.pendingBreak > 0) {
      if (this.cur !== '') this.flush();
      if (this.lines.length > 0) for (let i = 1; i < this.pendingBreak; i++) this.lines.push({ text: '', source: line });
      this.pendingBreak = 0;
    }
    if (this.cur === '') this.curSource = line;
    this.cur += s;
    this.space = 'none';
  }

  /** A block boundary: `n` required line breaks (2 around paragraphs). */
  block(n: 1 | 2): void {
    this.pendingBreak = Math.max(this.pendingBreak, n);
    this.space = 'none';
  }

  /** A table cell after the first of its row: a tab between the two. */
  cell(line: number): void {
    if (this.cur !== '' && this.pendingBreak === 0) this.visible('\t', line);
  }

  /** <br>: ends the line, an empty one included. */
  br(line: number): void {
    if (this.pendingBreak > 0 && this.cur !== '') this.flush();
    this.pendingBreak = 0;
    if (this.cur === '') this.curSource = line;
    this.flush();
  }

  private flush(): void {
    this.lines.push({ text: this.cur, source: this.curSource });
    this.cur = '';
    this.space = 'none';
  }

  finish(): RenderedLine[] {
    if (this.cur !== '') this.flush();
    return this.lines;
  }
}

interface Walk {
  stats: Map<Element, TextStats>;
  article: Set<Element>;
  /** The element holding the article's text (the last of `article`). */
  articleElement: Element | null;
  chrome: ChromeBlock[] | null;
  bylines: Byline[];
  /** Where the walk is: after a heading (h1-h3) was shown; inside or past the article element. */
  afterHeading: boolean;
  reachedArticle: boolean;
}

// A byline holds a date and nothing a later stage reads: no label (发布时间：), no sentence.
const BYLINE_MAX = 80;
function isByline(text: string): boolean {
  // A colon after a digit is a time (10:00), not a label.
  return text.length <= BYLINE_MAX && !/[：。；;]|(?<!\d):/.test(text) && parseDate(text) !== null;
}

/** Where an ordered list puts its next number (start and value attributes honoured). */
function listNumbers(list: Element): Map<Element, number> {
  const numbers = new Map<Element, number>();
  const style = (attr(list, 'style') ?? '') + ';' + (attr(list, 'type') ?? '');
  // A list with its markers switched off, or lettered or Roman ones, shows no Arabic number.
  if (/list-style(-type)?\s*:\s*none|[aAiI]$/.test(style.trim().replace(/;$/, ''))) return numbers;
  const start = Number(attr(list, 'start') ?? '1');
  let n = Number.isFinite(start) ? start : 1;
  for (const child of list.children) {
    if (!isElement(child) || child.tagName !== 'li') continue;
    const v = Number(attr(child, 'value') ?? NaN);
    if (Number.isFinite(v)) n = v;
    numbers.set(child, n++);
  }
  return numbers;
}

function walk(node: Root | Element, ancestors: Element[], out: LineWriter, ctx: Walk, pre: boolean, numbers: Map<Element, number> | null): void {
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'text') {
      const line = lineOf(child) ?? 1;
      if (pre) out.pre(child.value, line);
      else out.text(child.value, line);
      continue;
    }
    if (!isElement(child)) continue;
    if (isSilent(child)) continue;
    // Hidden is hidden, except the article itself, which some pages hide until a script runs.
    if (isHidden(child) && !ctx.article.has(child)) continue;
    // A form is controls (search, login) unless the page is wrapped in one.
    if (child.tagName === 'form' && !ctx.article.has(child)) continue;
    const line = lineOf(child) ?? 1;
    if (ctx.chrome) {
      const verdict = chromeOf(child, ancestors, ctx.stats, ctx.article);
      if (verdict) {
        const text = textOf(child, ancestors, ctx);
        if (text !== '') ctx.chrome.push({ line, text, element: pathOf(ancestors, child), ...verdict });
        continue;
      }
    }
    // Between the article's heading and its text, an unlabelled dated line is
    // its byline (author, date, place): page metadata, not plan text.
    if (ctx.chrome && ctx.afterHeading && !ctx.reachedArticle && isBlock(child) && !ctx.article.has(child)) {
      const text = textOf(child, ancestors, ctx);
      if (isByline(text)) {
        ctx.chrome.push({ line, text, element: pathOf(ancestors, child), reason: 'other', cue: 'byline between the heading and the article' });
        ctx.bylines.push({ line, text });
        continue;
      }
    }
    if (child === ctx.articleElement) ctx.reachedArticle = true;
    if (/^h[1-3]$/.test(child.tagName)) ctx.afterHeading = true;
    if (child.tagName === 'br') {
      out.br(line);
      continue;
    }
    const block = isBlock(child) || child.tagName === 'td' || child.tagName === 'th';
    if (child.tagName === 'td' || child.tagName === 'th') out.cell(line);
    else if (block) out.block(isParagraph(child) ? 2 : 1);
    const n = numbers?.get(child);
    if (n !== undefined) out.visible(`${n}. `, line);
    ancestors.push(child);
    walk(child, ancestors, out, ctx, pre || PRE.has(child.tagName), child.tagName === 'ol' ? listNumbers(child) : null);
    ancestors.pop();
    if (block && child.tagName !== 'td' && child.tagName !== 'th') out.block(isParagraph(child) ? 2 : 1);
  }
}

/** The text a removed element would have shown, on one line. */
function textOf(el: Element, ancestors: Element[], ctx: Walk): string {
  const out = new LineWriter();
  walk(el, [...ancestors, el], out, { ...ctx, chrome: null, bylines: [] }, PRE.has(el.tagName), el.tagName === 'ol' ? listNumbers(el) : null);
  return out
    .finish()
    .map((l) => l.text.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((t) => t !== '')
    .join(' ');
}

/** Render a parsed page: its lines (each with its source line) and the chrome cut out by structure. */
export function renderPage(root: Root): Rendering {
  const stats = textStats(root);
  const article = articleChain(root, stats);
  const chrome: ChromeBlock[] = [];
  const bylines: Byline[] = [];
  const out = new LineWriter();
  const articleElement = [...article].pop() ?? null;
  walk(root, [], out, { stats, article, articleElement, chrome, bylines, afterHeading: false, reachedArticle: false }, false, null);
  return { lines: out.finish(), chrome, bylines };
}
