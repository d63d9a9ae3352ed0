// Stage 7b: put every target in the node whose text holds it — a point, an
// item, a paragraph — with its sentence and source line.
import type { Item, Paragraph, Plan, Point, Target } from './schema.js';
import { findTargets, sentenceAt } from './targets.js';
import { lineAt, type Segment } from './outline.js';

type Outline = Pick<Plan, 'preamble' | 'sections' | 'items' | 'closing'>;

function targetsIn(text: string, segs: Segment[] | undefined, skip?: (offset: number) => boolean): Target[] {
  return findTargets(text)
    .filter((t) => !skip || !skip(t.offset))
    .map(({ offset, ...t }) => ({ ...t, sentence: sentenceAt(text, offset), line: segs ? lineAt(segs, offset) : 1 }));
}

function fillItem(item: Item, segments: Map<object, Segment[]>) {
  // Offsets of the points inside the item's text, found in order.
  const ranges: Array<[number, number, Point]> = [];
  let from = 0;
  for (const p of item.points) {
    const at = item.text.indexOf(p.text, from);
    if (at < 0) continue;
    ranges.push([at, at + p.text.length, p]);
    from = at + p.text.length;
  }
  for (const [, , p] of ranges) p.targets = targetsIn(p.text, segments.get(p));
  item.targets = targetsIn(item.text, segments.get(item), (o) => ranges.some(([a, b]) => o >= a && o < b));
}

function fillParagraph(p: Paragraph, segments: Map<object, Segment[]>) {
  p.targets = targetsIn(p.text, segments.get(p));
}

/** Fill the `targets` arrays of an outline in place. */
export function attachTargets(outline: Outline, segments: Map<object, Segment[]>): void {
  outline.preamble.forEach((p) => fillParagraph(p, segments));
  outline.closing.forEach((p) => fillParagraph(p, segments));
  outline.items.forEach((it) => fillItem(it, segments));
  for (const s of outline.sections) {
    s.paragraphs.forEach((p) => fillParagraph(p, segments));
    s.items.forEach((it) => fillItem(it, segments));
    for (const sub of s.subsections) {
      sub.paragraphs.forEach((p) => fillParagraph(p, segments));
      sub.items.forEach((it) => fillItem(it, segments));
    }
  }
}
