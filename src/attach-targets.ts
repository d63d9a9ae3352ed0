// Stage 7b: put every target in the node whose text holds it — a sub-point,
// an item, a paragraph, a section or sub-section heading line — with its
// sentence, its source line and its place in the outline. A target inside a sub-point lives in the point only, never
// also in its item.
import type { Item, Paragraph, Plan, Section, Subsection, Target, TargetPlace } from './schema.js';
import { findTargets, Sentences } from './targets.js';
import type { Segment } from './outline.js';

type Outline = Pick<Plan, 'preamble' | 'sections' | 'items' | 'closing'>;

/** The source line of an offset: the first line of the block holding it (binary search over the segments). */
function lineOf(segs: Segment[] | undefined, offset: number): number {
  if (!segs || segs.length === 0) return 1;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo]!.start;
}

/** Targets of one text; `skip` drops those that belong to a nested node. */
function targetsIn(text: string, segs: Segment[] | undefined, place: TargetPlace, skip?: (offset: number) => boolean): Target[] {
  const found = findTargets(text);
  if (found.length === 0) return [];
  const sentences = new Sentences(text);
  const out: Target[] = [];
  for (const { offset, end: _end, ...t } of found) {
    if (skip?.(offset)) continue;
    out.push({ ...t, sentence: sentences.at(offset), line: lineOf(segs, offset), place: { ...place } });
  }
  return out;
}

interface Where {
  section: number | null;
  subsection: number | null;
}

function fillItem(item: Item, segments: Map<object, Segment[]>, where: Where) {
  // Where each point sits inside the item's text, found in order (points are in text order).
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const p of item.points) {
    const at = item.text.indexOf(p.text, from);
    if (at >= 0) {
      ranges.push([at, at + p.text.length]);
      from = at + p.text.length;
    }
    p.targets = targetsIn(p.text, segments.get(p), { part: 'point', ...where, item: item.number, point: p.number });
  }
  // Targets arrive in offset order, so one pointer walks the point ranges.
  let r = 0;
  const inPoint = (o: number) => {
    while (r < ranges.length && ranges[r]![1] <= o) r++;
    return r < ranges.length && ranges[r]![0] <= o;
  };
  item.targets = targetsIn(item.text, segments.get(item), { part: 'item', ...where, item: item.number, point: null }, inPoint);
}

/** A heading's text starts on its first line (its body may follow on the same line). */
function headingSegments(segments: Map<object, Segment[]>, node: Section | Subsection): Segment[] {
  return segments.get(node) ?? [{ offset: 0, start: node.lines.start, end: node.lines.start }];
}

function fillParagraph(p: Paragraph, segments: Map<object, Segment[]>, place: TargetPlace) {
  p.targets = targetsIn(p.text, segments.get(p), place);
}

/** Fill the `targets` arrays of an outline in place. */
export function attachTargets(outline: Outline, segments: Map<object, Segment[]>): void {
  const none = { section: null, subsection: null, item: null, point: null };
  outline.preamble.forEach((p) => fillParagraph(p, segments, { part: 'preamble', ...none }));
  outline.items.forEach((it) => fillItem(it, segments, { section: null, subsection: null }));
  for (const s of outline.sections) {
    s.targets = targetsIn(s.text, headingSegments(segments, s), { ...none, part: 'section', section: s.number });
    s.paragraphs.forEach((p) => fillParagraph(p, segments, { ...none, part: 'section', section: s.number }));
    s.items.forEach((it) => fillItem(it, segments, { section: s.number, subsection: null }));
    for (const sub of s.subsections) {
      sub.targets = targetsIn(sub.text, headingSegments(segments, sub), { ...none, part: 'subsection', section: s.number, subsection: sub.number });
      sub.paragraphs.forEach((p) => fillParagraph(p, segments, { ...none, part: 'subsection', section: s.number, subsection: sub.number }));
      sub.items.forEach((it) => fillItem(it, segments, { section: s.number, subsection: sub.number }));
    }
  }
  outline.closing.forEach((p) => fillParagraph(p, segments, { part: 'closing', ...none }));
}
