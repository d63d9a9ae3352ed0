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

// Block markers with nothing after them: an empty heading, list entry or quote.
const MARKUP_ONLY = /^(?:(?:#{1,6}|[-*+>]|\d{1,9}[.)])(?:\s+|$))+$/;

/**
 * Turn a Markdown source into lines. Every source line keeps its number; a
 * line's text is the plain text of the block that starts on it, so `# 一、…`
 * becomes `一、…` and an ordered list entry `3. …` stays `3. …`. List entries
 * carry `list`: top-level entries become items (bullets numbered in order),
 * entries of nested lists become sub-points of the item above them.
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
      case 'heading':
        put(node, textOf(node), { heading: node.depth });
        return;
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
