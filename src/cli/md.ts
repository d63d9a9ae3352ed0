// --format md: a readable outline of a parsed plan. The outline is built as an
// mdast tree and written by remark-stringify, which takes care of escaping
// (a plan's text is full of characters Markdown would otherwise read as syntax).
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import type { BlockContent, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { Comparator, Diagnostic, Item, Paragraph, Plan, Point, Target } from '../schema.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const list = (children: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children });
const listItem = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });

const COMPARATOR_SIGN: Record<Comparator, string> = {
  eq: '=',
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  range: '',
  approx: '≈',
};

/** `不低于2小时 (每天 ≥ 2 小时)`: the words as written, then what they were read as. */
export function describeTarget(t: Target): string {
  const amount =
    t.comparator === 'range' || (t.value === undefined && (t.min !== undefined || t.max !== undefined))
      ? `${t.min ?? '…'}–${t.max ?? '…'}`
      : `${COMPARATOR_SIGN[t.comparator]} ${t.value ?? '?'}`.trim();
  return `${t.text} (${t.per ? `${t.per} ` : ''}${amount} ${t.unit})`;
}

function targetLine(targets: Target[]): PhrasingContent[] {
  return [emphasis('Targets:'), text(' ' + targets.map(describeTarget).join('; '))];
}

function paragraphs(ps: Paragraph[]): BlockContent[] {
  const out: BlockContent[] = [];
  for (const p of ps) {
    out.push(paragraph(text(p.text)));
    if (p.targets.length) out.push(paragraph(...targetLine(p.targets)));
  }
  return out;
}

function pointItem(p: Point): ListItem {
  const body: BlockContent[] = [paragraph(strong(p.marker), text(' ' + p.text))];
  if (p.targets.length) body.push(paragraph(...targetLine(p.targets)));
  return listItem(...body);
}

function itemList(items: Item[]): List {
  return list(
    items.map((it) => {
      const label = it.marker ?? `${it.number}.`;
      const lead: PhrasingContent[] = [strong(label)];
      if (it.inferred) lead.push(text(' '), emphasis('(number inferred)'));
      lead.push(text(' ' + it.text));
      const body: BlockContent[] = [paragraph(...lead)];
      if (it.targets.length) body.push(paragraph(...targetLine(it.targets)));
      if (it.points.length) body.push(list(it.points.map(pointItem)));
      return listItem(...body);
    }),
  );
}

function facts(plan: Plan): List | null {
  const m = plan.meta;
  const rows: [string, string | number | null][] = [
    ['Issuer', m.issuer],
    ['Year', m.year],
    ['Region', m.region ? m.region.name : null],
    ['Document number', m.docNumber],
    ['Index number', m.indexNumber],
    ['Written', m.dates.written],
    ['Published', m.dates.published],
    ['Source', plan.source.path],
  ];
  const present = rows.filter((r): r is [string, string | number] => r[1] !== null && r[1] !== '');
  if (present.length === 0) return null;
  return list(present.map(([k, v]) => listItem(paragraph(strong(`${k}:`), text(` ${v}`)))));
}

function diagnosticLine(d: Diagnostic): ListItem {
  const where = d.line === null ? '' : `line ${d.line}: `;
  return listItem(paragraph(text(`${where}${d.severity}: ${d.message} `), { type: 'inlineCode', value: d.code }));
}

export function planToTree(plan: Plan): Root {
  const children: RootContent[] = [heading(1, plan.meta.title ?? 'Untitled plan')];
  const meta = facts(plan);
  if (meta) children.push(meta);
  if (plan.meta.notice) children.push(paragraph(emphasis(`Transmitted by notice: ${plan.meta.notice.title}`)));
  children.push(...paragraphs(plan.preamble));
  for (const s of plan.sections) {
    children.push(heading(2, `${s.marker}${s.heading}`));
    children.push(...paragraphs(s.paragraphs));
    if (s.items.length) children.push(itemList(s.items));
    for (const sub of s.subsections) {
      children.push(heading(3, `${sub.marker}${sub.heading}`));
      children.push(...paragraphs(sub.paragraphs));
      if (sub.items.length) children.push(itemList(sub.items));
    }
  }
  if (plan.items.length) children.push(itemList(plan.items));
  if (plan.closing.length) {
    children.push({ type: 'thematicBreak' });
    children.push(...paragraphs(plan.closing));
  }
  if (plan.diagnostics.length) {
    children.push(heading(2, 'Diagnostics'));
    children.push(list(plan.diagnostics.map(diagnosticLine)));
  }
  return { type: 'root', children };
}

export function planToMarkdown(plan: Plan): string {
  return unified().use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' }).stringify(planToTree(plan));
}
