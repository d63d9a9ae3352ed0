// Markdown inputs: remark-parse reads the document, and headings and list
// items become lines the plain-text stages understand. Loaded only for .md.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Line, ListEntry } from './lines.js';
import { cleanLine, fold } from './normalise.js';

interface MdNode {
  type: string;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'break') return '';
  return (node.children ?? []).map(textOf).join('');
}

/** Deepest nesting of quotes and lists read as Markdown; past it the text path reads the file. */
export const MAX_MARKDOWN_DEPTH = 32;
const MAX_INDENT = 4 * MAX_MARKDOWN_DEPTH;
/** Emphasis delimiter runs (* _) and brackets in one paragraph: resolving them is quadratic in their number. */
const MAX_DELIMITER_RUNS = 2000;
const MAX_BRACKETS = 1000;
const LIST_MARKER = /^\d{1,9}[.)][ \t]/;

/**
 * Why a Markdown source is too deeply nested for remark (a linear scan, before
 * parsing), or null. Thousands of `>` overflow the stack; thousands of nested
 * lists, emphasis runs or brackets take quadratic time. No real plan comes near.
 */
export function markdownTooComplex(source: string): string | null {
  let runs = 0;
  let brackets = 0;
  const n = source.length;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  for (let i = 0; i < n; ) {
    let end = source.indexOf('\n', i);
    if (end < 0) end = n;
    let j = i;
    let col = 0;
    for (; j < end && blank(source[j]); j++) col += source[j] === '\t' ? 4 - (col % 4) : 1;
    if (col > MAX_INDENT) return `a line indented ${col} columns (quotes and lists nest at most ${MAX_MARKDOWN_DEPTH} deep)`;
    if (j >= end || (j === end - 1 && source[j] === '\r')) {
      // A blank line ends the paragraph.
      runs = 0;
      brackets = 0;
      i = end + 1;
      continue;
    }
    for (let depth = 0; ; ) {
      const c = source[j];
      let step = 0;
      if (c === '>') step = 1;
      else if ((c === '-' || c === '*' || c === '+') && blank(source[j + 1])) step = 2;
      else if (c !== undefined && c >= '0' && c <= '9') step = LIST_MARKER.exec(source.slice(j, j + 12))?.[0].length ?? 0;
      if (step === 0) break;
      j += step;
      while (j < end && blank(source[j])) j++;
      if (++depth > MAX_MARKDOWN_DEPTH) return `more than ${MAX_MARKDOWN_DEPTH} nested quotes or lists`;
    }
    for (let k = j; k < end; k++) {
      const c = source.charCodeAt(k);
      if ((c === 42 || c === 95) && source.charCodeAt(k - 1) !== c) runs++;
      else if (c === 91) brackets++;
    }
    if (runs > MAX_DELIMITER_RUNS) return `more than ${MAX_DELIMITER_RUNS} emphasis markers in one paragraph`;
    if (brackets > MAX_BRACKETS) return `more than ${MAX_BRACKETS} brackets in one paragraph`;
    i = end + 1;
  }
  return null;
}

/**
 * The source with Markdown's heading and quote markers taken off each line
 * (`## 一、…` → `一、…`), line breaks kept: what the text path reads when the
 * Markdown is too deep to parse. List markers stay; the text path knows `1.`.
 */
export function markdownAsText(source: string): string {
  return source.replace(/^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}(?:[ \t]+|(?=\r?$)))?/gm, '').replace(/[ \t]+#+[ \t]*$/gm, '');
}

// Block markers with nothing after them: an empty heading, list entry or quote.
const MARKUP_ONLY = /^(?:(?:#{1,6}|[-*+>]|\d{1,9}[.)])(?:\s+|$))+$/;

/**
 * Turn a Markdown source into lines. Every source line keeps its number; a
 * line's text is the plain text of the block that starts on it, so `# 一、…`
 * becomes `一、…` and an ordered list entry `3. …` stays `3. …`. List entries
 * carry `list`: top-level entries become items (bullets numbered in order,
 * when the plan numbers no items of its own: see outline.ts), entries of
 * nested lists become sub-points of the item above them.
 */
export function markdownLines(source: string, lines: Line[]): Line[] {
  const tree = unified().use(remarkParse).parse(source) as unknown as MdNode;
  const out: Line[] = lines.map((l) => ({ no: l.no, col: 0, text: '', fold: '' }));
  const put = (node: MdNode, text: string, extra: { heading?: number; list?: ListEntry } = {}) => {
    const t = cleanLine(text);
    const first = node.position?.start.line;
    const last = node.position?.end.line;
    const slot = first ? out[first - 1] : undefined;
    if (!slot || t === '') return;
    slot.text = t;
    slot.fold = fold(t);
    if (extra.heading !== undefined) slot.heading = extra.heading;
    if (extra.list !== undefined) slot.list = extra.list;
    if (last && last > first!) slot.last = last;
  };
  // The list marker as written: the source between the entry's start and its content.
  const listMarker = (entry: MdNode, content: MdNode): string => {
    const from = entry.position?.start.offset;
    const to = content.position?.start.offset;
    return from !== undefined && to !== undefined ? source.slice(from, to).trim() : '';
  };
  /** `list`: the entry whose first paragraph this is; `depth`: lists around the node. */
  const visit = (node: MdNode, depth: number, list?: ListEntry) => {
    switch (node.type) {
      case 'heading': {
        const text = textOf(node);
        const first = node.position?.start.line;
        const last = node.position?.end.line;
        // A setext heading over several lines is a plan's lines above a --- or === rule used
        // as a separator (一、加强党建 / 1.新建… / ---): its lines, then the rule.
        if (text.includes('\n') && first !== undefined && last !== undefined) {
          text.split('\n').forEach((t, i) => put({ type: 'text', position: { start: { line: first + i }, end: { line: first + i } } }, t));
          put({ type: 'text', position: { start: { line: last }, end: { line: last } } }, '---');
          return;
        }
        put(node, text, { heading: node.depth });
        return;
      }
      case 'paragraph': {
        const text = textOf(node).replace(/\n/g, '');
        // A top-level ordered entry keeps its number in the text (3. …) so every
        // stage reads it as the item marker it is; 1) stays 1).
        const shown = list && list.depth === 1 && list.ordered ? `${list.number}${list.marker.endsWith(')') ? ')' : '.'} ${text}` : text;
        put(node, shown, list ? { list } : {});
        return;
      }
      case 'list': {
        let n = node.ordered ? (node.start ?? 1) : 1;
        for (const entry of node.children ?? []) {
          const [first, ...rest] = entry.children ?? [];
          if (first) {
            const info: ListEntry = { depth: depth + 1, ordered: node.ordered === true, number: n, marker: listMarker(entry, first) };
            visit(first, depth + 1, first.type === 'paragraph' ? info : undefined);
          }
          for (const child of rest) visit(child, depth + 1);
          n++;
        }
        return;
      }
      case 'thematicBreak':
        // Kept as a line so the separator is accounted for (boilerplate drops it).
        put(node, '---');
        return;
      case 'code':
      case 'html': {
        // Not outline, but kept line by line as written (fences and tags
        // included) so that later stages account for every source line.
        const from = node.position?.start.offset;
        const to = node.position?.end.offset;
        const first = node.position?.start.line;
        if (from === undefined || to === undefined || first === undefined) return;
        source.slice(from, to).split(/\r\n|\r|\n/).forEach((raw, i) => {
          const line = first + i;
          put({ type: 'text', position: { start: { line }, end: { line } } }, raw);
        });
        return;
      }
      default:
        for (const child of node.children ?? []) visit(child, depth);
    }
  };
  visit(tree, 0);
  // Lines inside multi-line paragraphs were joined onto their first line; the
  // others become empty. Original filler flags are kept for accounting. A
  // non-blank line that no block claimed is markup alone (`#`, `-`, `>`, `1.`):
  // filler; or a block remark drops (a link definition): kept as written, so
  // every source line is accounted for.
  let covered = 0;
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    const src = lines[i]!;
    if (line.text !== '') covered = Math.max(covered, line.last ?? line.no);
    else if (src.filler || (src.text !== '' && line.no > covered && MARKUP_ONLY.test(src.text))) line.filler = true;
    else if (src.text !== '' && line.no > covered) {
      line.text = src.text;
      line.fold = src.fold;
    }
  }
  return out;
}
