// Markdown inputs: remark-parse reads the document, and headings and list
// items become lines the plain-text stages understand. Loaded only for .md.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Line } from './lines.js';
import { cleanLine, fold } from './normalise.js';

interface MdNode {
  type: string;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number } };
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'break') return '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Turn a Markdown source into lines. Every source line keeps its number; a
 * line's text is the plain text of the block that starts on it, so `# 一、…`
 * becomes `一、…` and an ordered list entry `3. …` stays `3. …`.
 */
export function markdownLines(source: string, lines: Line[]): Line[] {
  const tree = unified().use(remarkParse).parse(source) as unknown as MdNode;
  const out: Line[] = lines.map((l) => ({ no: l.no, text: '', fold: '' }));
  const put = (node: MdNode, text: string, heading?: number) => {
    const t = cleanLine(text);
    const first = node.position?.start.line;
    const last = node.position?.end.line;
    const slot = first ? out[first - 1] : undefined;
    if (!slot || t === '') return;
    slot.text = t;
    slot.fold = fold(t);
    if (heading !== undefined) slot.heading = heading;
    if (last && last > first!) slot.last = last;
  };
  const visit = (node: MdNode, listNumber?: number) => {
    switch (node.type) {
      case 'heading':
        put(node, textOf(node), node.depth);
        return;
      case 'paragraph':
        put(node, (listNumber !== undefined ? `${listNumber}. ` : '') + textOf(node).replace(/\n/g, ''));
        return;
      case 'list': {
        let n = node.start ?? 1;
        for (const child of node.children ?? []) {
          visit(child, node.ordered ? n : undefined);
          n++;
        }
        return;
      }
      case 'listItem': {
        const [first, ...rest] = node.children ?? [];
        if (first) visit(first, listNumber);
        for (const child of rest) visit(child);
        return;
      }
      case 'thematicBreak':
        // Kept as a line so the separator is accounted for (boilerplate drops it).
        put(node, '---');
        return;
      case 'code':
      case 'html':
        return;
      default:
        for (const child of node.children ?? []) visit(child);
    }
  };
  visit(tree);
  // Lines inside multi-line paragraphs were joined onto their first line; the
  // others become empty. Original filler flags are kept for accounting.
  for (let i = 0; i < out.length; i++) if (out[i]!.text === '' && lines[i]!.filler) out[i]!.filler = true;
  return out;
}
