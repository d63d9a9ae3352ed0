// Stage 7b: put every target in the node whose text holds it — a sub-point,
// an item, a paragraph, a section or sub-section heading line — with its
// sentence, its source line and its place in the outline. A target inside a sub-point lives in the point only, never
// also in its item.
import type { Item, Paragraph, Plan, Section, Subsection, Target, TargetPlace } from './schema.js';
import { findTargets, matchingForm, Sentences, type FoundTarget } from './targets.js';
import { startedBy } from './offsets.js';
import { PART_MARK } from './markers.js';
import type { Segment } from './outline.js';
import { documentContext, headingLines, headingPhase, inlinePhases, inResultColumn, phaseAt, resultColumns, type DocumentContext, type Phase } from './status.js';

type Outline = Pick<Plan, 'preamble' | 'sections' | 'items' | 'closing'>;

/** The source line of an offset: the first line of the block holding it (binary search over the segments). */
function lineOf(segs: Segment[] | undefined, offset: number): number {
  if (!segs || segs.length === 0) return 1;
  return segs[Math.max(0, startedBy(segs, offset) - 1)]!.start;
}

/**
 * The reading state carried through a document in order: the phase of the
 * part being read (review or plan) and the result columns of the last table
 * header seen. Headings and inline headings change it.
 */
interface Reading {
  doc: DocumentContext;
  phase: Phase;
  /** The phase set by the current section heading (sub-sections start from it). */
  sectionPhase: Phase;
  /**
   * A part heading read inside a text (第二部分 2024年工作计划, or any phase heading
   * of the preamble): the sections after it start from its phase.
   */
  part: Phase | null;
  columns: boolean[] | null;
  /** What kind of text is being read: which of its phase headings carry to the sections after it (see carries). */
  within: 'preamble' | 'paragraph' | 'node';
}

/**
 * Whether a phase heading starting `line` governs the sections after it: any
 * heading of the preamble; a dated heading on a line of its own between
 * sections (2024年工作计划); a part heading (第二部分) anywhere.
 */
function carries(line: string, where: Reading['within']): boolean {
  if (where === 'preamble' || PART_MARK.test(line)) return true;
  return where === 'paragraph' && /^\s*20\d\d年/.test(line);
}

/** The phase function of one text, and the phase it leaves the reading in. */
function readText(text: string, reading: Reading, form = matchingForm(text)): (offset: number) => Phase {
  const switches = inlinePhases(text, reading.doc.planYear, form);
  const start = reading.phase;
  // a table header row sets the result columns for the rows after it
  const rows: Array<{ offset: number; row: string; columns: boolean[] | null }> = [];
  if (text.includes('|')) {
    for (let at = 0; at <= text.length; ) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      const row = text.slice(at, end);
      const header = resultColumns(row);
      if (header) reading.columns = header;
      rows.push({ offset: at, row, columns: header ? null : reading.columns });
      if (nl < 0) break;
      at = nl + 1;
    }
  }
  if (switches.length > 0) reading.phase = switches[switches.length - 1]!.phase;
  // the line each switch stands on, walking the line breaks once (switches are in offset order)
  let lineStart = 0;
  let nextBreak = switches.length > 0 ? text.indexOf('\n') : -1;
  for (const s of switches) {
    while (nextBreak >= 0 && nextBreak < s.offset) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (carries(text.slice(lineStart, lineStart + 40), reading.within)) reading.part = s.phase;
  }
  return (offset: number) => {
    // the row holding the offset
    const k = startedBy(rows, offset);
    const r = k > 0 ? rows[k - 1]! : null;
    if (r && r.columns && inResultColumn(r.row, offset - r.offset, r.columns)) return 'review';
    return phaseAt(switches, offset, start);
  };
}

/** Targets of one text; `skip` drops those that belong to a nested node. */
function targetsIn(text: string, segs: Segment[] | undefined, place: TargetPlace, reading: Reading, skip?: (offset: number) => boolean): Target[] {
  // One matching form serves the phase reader and the target finder: each copy of a 10 MB item is 7 MB more.
  const form = matchingForm(text);
  const found = findTargets(text, { phaseAt: readText(text, reading, form), planYear: reading.doc.planYear, form });
  if (found.length === 0) return [];
  const sentences = new Sentences(text);
  const out: Target[] = [];
  for (const t of found) {
    if (skip?.(t.offset)) continue;
    const { sentence, start } = sentences.around(t.offset);
    out.push(placed(t, sentence, t.offset - start, lineOf(segs, t.offset), place));
  }
  return out;
}

/**
 * A found target with its sentence, line and place, built field by field in
 * the schema's order. Not by spreading the found target: V8 gave each spread
 * copy a hidden class of its own, about 200 bytes more per target (a page of
 * 150,000 targets held 30 MB of them). Targets of one node share one place.
 */
function placed(f: FoundTarget, sentence: string, sentenceOffset: number, line: number, place: TargetPlace): Target {
  const t: Target = { text: f.text, unit: f.unit, comparator: f.comparator, kind: f.kind, sentence, sentenceOffset, line, place, status: f.status, indicator: f.indicator, indicatorKey: f.indicatorKey };
  if (f.value !== undefined) t.value = f.value;
  if (f.min !== undefined) t.min = f.min;
  if (f.max !== undefined) t.max = f.max;
  if (f.per !== undefined) t.per = f.per;
  if (f.direction !== undefined) t.direction = f.direction;
  if (f.by !== undefined) t.by = f.by;
  if (f.from !== undefined) t.from = f.from;
  return t;
}

interface Where {
  section: number | null;
  subsection: number | null;
}

function fillItem(item: Item, segments: Map<object, Segment[]>, where: Where, reading: Reading) {
  // Where each point sits inside the item's text, found in order (points are in text order).
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const p of item.points) {
    const at = item.text.indexOf(p.text, from);
    if (at >= 0) {
      ranges.push([at, at + p.text.length]);
      from = at + p.text.length;
    }
    // the item's own text is read below; a point is read from the phase the item starts in
    const phaseBefore = reading.phase;
    p.targets = targetsIn(p.text, segments.get(p), { part: 'point', ...where, item: item.number, point: p.number }, reading);
    reading.phase = phaseBefore;
  }
  // Targets arrive in offset order, so one pointer walks the point ranges.
  let r = 0;
  const inPoint = (o: number) => {
    while (r < ranges.length && ranges[r]![1] <= o) r++;
    return r < ranges.length && ranges[r]![0] <= o;
  };
  item.targets = targetsIn(item.text, segments.get(item), { part: 'item', ...where, item: item.number, point: null }, reading, inPoint);
}

/** A heading's text starts on its first line (its body may follow on the same line). */
function headingSegments(segments: Map<object, Segment[]>, node: Section | Subsection): Segment[] {
  return segments.get(node) ?? [{ offset: 0, start: node.lines.start, end: node.lines.start }];
}

function fillParagraph(p: Paragraph, segments: Map<object, Segment[]>, place: TargetPlace, reading: Reading) {
  const before = reading.within;
  if (before === 'node') reading.within = 'paragraph';
  p.targets = targetsIn(p.text, segments.get(p), place, reading);
  reading.within = before;
}

/** What the plan says of itself, when the caller knows it (the parser's metadata). */
export interface PlanFacts {
  title?: string | null;
  year?: number | null;
  /**
   * Lines read before the body (the metadata lines: meta.fields[].text): a
   * table header (…| 完成情况 |) or a heading (2021年工作回顾) among them sets
   * the reading state the body starts in.
   */
  before?: readonly string[];
}

/** The document's plan year and opening phase, from its title and its headings (inline ones included). */
function contextOf(outline: Outline, facts: PlanFacts): DocumentContext {
  const headings: string[] = [];
  // headings on lines of their own inside paragraphs and items count too (the outline may not have made them headings)
  const lines = (text: string) => {
    for (const h of headingLines(text)) headings.push(h.text);
  };
  outline.preamble.forEach((p) => lines(p.text));
  outline.items.forEach((it) => lines(it.text));
  for (const s of outline.sections) {
    headings.push(s.heading);
    s.paragraphs.forEach((p) => lines(p.text));
    s.items.forEach((it) => lines(it.text));
    for (const sub of s.subsections) {
      headings.push(sub.heading);
      sub.items.forEach((it) => lines(it.text));
    }
  }
  for (const line of facts.before ?? []) lines(line);
  const opening = outline.preamble.map((p) => p.text).join('\n');
  return documentContext(facts.title ?? null, facts.year ?? null, opening, headings);
}

/**
 * Read a node's paragraphs and items in the order of the text: a part heading
 * (第二部分 2024年工作计划) after a section's items is one of its paragraphs,
 * and the phase it sets holds for what follows it, not for the items above.
 */
function inTextOrder(paragraphs: Paragraph[], items: Item[], paragraph: (p: Paragraph) => void, item: (it: Item) => void): void {
  let i = 0;
  for (const p of paragraphs) {
    while (i < items.length && items[i]!.lines.start < p.lines.start) item(items[i++]!);
    paragraph(p);
  }
  while (i < items.length) item(items[i++]!);
}

/** Fill the `targets` arrays of an outline in place. */
export function attachTargets(outline: Outline, segments: Map<object, Segment[]>, facts: PlanFacts = {}): void {
  const doc = contextOf(outline, facts);
  const reading: Reading = { doc, phase: doc.initial, sectionPhase: doc.initial, part: null, within: 'node', columns: null };
  // the lines before the body only set the state: their figures are metadata, not targets
  if (facts.before && facts.before.length > 0) readText(facts.before.join('\n'), reading);
  reading.sectionPhase = reading.phase;
  const none = { section: null, subsection: null, item: null, point: null };
  reading.within = 'preamble';
  outline.preamble.forEach((p) => fillParagraph(p, segments, { part: 'preamble', ...none }, reading));
  reading.within = 'node';
  outline.items.forEach((it) => fillItem(it, segments, { section: null, subsection: null }, reading));
  for (const s of outline.sections) {
    if (reading.part !== null) {
      reading.sectionPhase = reading.part;
      reading.part = null;
    }
    // a heading that names a part (主要成效, 2023年工作计划) sets the phase; another keeps the one before
    reading.phase = headingPhase(s.heading, doc.planYear) ?? reading.sectionPhase;
    s.targets = targetsIn(s.text, headingSegments(segments, s), { ...none, part: 'section', section: s.number }, reading);
    reading.sectionPhase = reading.phase;
    inTextOrder(s.paragraphs, s.items, (p) => fillParagraph(p, segments, { ...none, part: 'section', section: s.number }, reading), (it) => fillItem(it, segments, { section: s.number, subsection: null }, reading));
    for (const sub of s.subsections) {
      reading.phase = headingPhase(sub.heading, doc.planYear, 'sub') ?? reading.phase;
      sub.targets = targetsIn(sub.text, headingSegments(segments, sub), { ...none, part: 'subsection', section: s.number, subsection: sub.number }, reading);
      inTextOrder(sub.paragraphs, sub.items, (p) => fillParagraph(p, segments, { ...none, part: 'subsection', section: s.number, subsection: sub.number }, reading), (it) => fillItem(it, segments, { section: s.number, subsection: sub.number }, reading));
    }
  }
  outline.closing.forEach((p) => fillParagraph(p, segments, { part: 'closing', ...none }, reading));
}
