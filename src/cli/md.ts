// --format md: a readable outline of a parsed plan. The outline is built as an
// mdast tree and written by remark-stringify, which takes care of escaping
// (a plan's text is full of characters Markdown would otherwise read as syntax).
// Labels are Chinese by default (the readers of these plans read Chinese);
// `--lang en` writes them in English.
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import type { BlockContent, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Handle } from 'mdast-util-to-markdown';
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
  // A change is signed (增长5% → + 5 %, 下降0.5个百分点 → − 0.5 个百分点): "= 5 %" read as a level.
  const change = t.kind === 'change' && t.direction ? (t.direction === 'down' ? '−' : '+') : '';
  const sign = change && t.comparator === 'eq' ? change : `${COMPARATOR_SIGN[t.comparator]}${change ? ` ${change}` : ''}`;
  const amount =
    t.comparator === 'range' || (t.value === undefined && (t.min !== undefined || t.max !== undefined))
      ? `${change}${t.min ?? '…'}–${t.max ?? '…'}`
      : `${sign} ${t.value ?? '?'}`.trim();
  return `${t.text} (${t.per ? `${t.per} ` : ''}${amount} ${t.unit})`;
}

export type ReportLanguage = 'zh' | 'en';

export interface MarkdownOptions {
  /** Labels in Chinese (default) or English. */
  lang?: ReportLanguage;
  /** The facts as a table and each target on a line of its own, for reading rather than diffing. */
  pretty?: boolean;
}

const LABELS = {
  zh: {
    untitled: '无标题',
    title: '标题',
    issuer: '发文机关',
    year: '年份',
    region: '地区',
    docNumber: '发文字号',
    indexNumber: '索引号',
    written: '成文日期',
    published: '发布日期',
    source: '来源文件',
    field: '项目',
    value: '内容',
    notice: '印发通知',
    targets: '目标',
    inferred: '（序号为推断）',
    diagnostics: '诊断',
    line: (n: number) => `第${n}行`,
    severity: { error: '错误', warning: '警告', info: '提示' },
    colon: '：',
  },
  en: {
    untitled: 'Untitled plan',
    title: 'Title',
    issuer: 'Issuer',
    year: 'Year',
    region: 'Region',
    docNumber: 'Document number',
    indexNumber: 'Index number',
    written: 'Written',
    published: 'Published',
    source: 'Source',
    field: 'Field',
    value: 'Value',
    notice: 'Transmitted by notice',
    targets: 'Targets',
    inferred: '(number inferred)',
    diagnostics: 'Diagnostics',
    line: (n: number) => `line ${n}`,
    severity: { error: 'error', warning: 'warning', info: 'info' },
    colon: ': ',
  },
} as const;

type Labels = (typeof LABELS)[ReportLanguage];

interface Context {
  l: Labels;
  pretty: boolean;
}

function targetBlock(all: Target[], ctx: Context): BlockContent[] {
  // Commitments only: figures the text reports as reached are results, not targets.
  const targets = all.filter((t) => t.status !== 'achieved');
  if (targets.length === 0) return [];
  const label = emphasis(`${ctx.l.targets}${ctx.l.colon.trim()}`);
  if (ctx.pretty) return [paragraph(label), list(targets.map((t) => listItem(paragraph(text(describeTarget(t))))))];
  return [paragraph(label, text(' ' + targets.map(describeTarget).join('; ')))];
}

function paragraphs(ps: Paragraph[], ctx: Context): BlockContent[] {
  const out: BlockContent[] = [];
  for (const p of ps) {
    out.push(paragraph(text(p.text)));
    out.push(...targetBlock(p.targets, ctx));
  }
  return out;
}

/** A Markdown list bullet or heading hashes, not a numbering of the plan's own. */
function isMarkdownSyntax(marker: string): boolean {
  return /^(?:[-*+]|#+)$/.test(marker.trim());
}

function pointItem(p: Point, ctx: Context): ListItem {
  // A marker the text already opens with ((1)新建…, 一是…) is not written twice.
  const lead: PhrasingContent[] = p.text.startsWith(p.marker) ? [text(p.text)] : [strong(p.marker), text(' ' + p.text)];
  return listItem(paragraph(...lead), ...targetBlock(p.targets, ctx));
}

/**
 * The item's own words: its text stops where its first sub-point begins, since
 * the points follow as a list of their own.
 */
export function itemOwnText(it: Item): string {
  const first = it.points[0];
  if (!first) return it.text;
  const at = it.text.indexOf(first.text);
  const own = at > 0 ? it.text.slice(0, at).trimEnd() : '';
  return own || (at === 0 ? '' : it.text);
}

function itemList(items: Item[], ctx: Context): List {
  return list(
    items.map((it) => {
      // An item from a Markdown bullet has no number of its own to show.
      const label = it.marker === null ? `${it.number}.` : isMarkdownSyntax(it.marker) ? null : it.marker;
      const lead: PhrasingContent[] = label === null ? [] : [strong(label)];
      if (it.inferred) lead.push(text(' '), emphasis(ctx.l.inferred));
      const own = itemOwnText(it);
      if (own) lead.push(text(lead.length ? ' ' + own : own));
      const body: BlockContent[] = lead.length ? [paragraph(...lead)] : [];
      body.push(...targetBlock(it.targets, ctx));
      if (it.points.length) body.push(list(it.points.map((p) => pointItem(p, ctx))));
      return listItem(...body);
    }),
  );
}

function facts(plan: Plan, ctx: Context): BlockContent | null {
  const m = plan.meta;
  const l = ctx.l;
  const rows: [string, string | number | null][] = [
    [l.issuer, m.issuer],
    [l.year, m.year],
    [l.region, m.region ? m.region.name : null],
    [l.docNumber, m.docNumber],
    [l.indexNumber, m.indexNumber],
    [l.written, m.dates.written],
    [l.published, m.dates.published],
    [l.source, plan.source.path],
  ];
  const present = rows.filter((r): r is [string, string | number] => r[1] !== null && r[1] !== '');
  if (present.length === 0) return null;
  if (ctx.pretty) {
    const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((v) => ({ type: 'tableCell', children: [text(v)] })) });
    const table: Table = { type: 'table', align: [null, null], children: [row([l.field, l.value]), ...present.map(([k, v]) => row([k, String(v)]))] };
    return table;
  }
  return list(present.map(([k, v]) => listItem(paragraph(strong(`${k}${l.colon.trim()}`), text(` ${v}`)))));
}

function diagnosticLine(d: Diagnostic, ctx: Context): ListItem {
  const c = ctx.l.colon;
  const where = d.line === null ? '' : `${ctx.l.line(d.line)}${c}`;
  return listItem(paragraph(text(`${where}${ctx.l.severity[d.severity]}${c}${d.message} `), { type: 'inlineCode', value: d.code }));
}

/** `一、加强党建`; a heading read from Markdown `##` has no marker worth showing. */
function headingText(marker: string, heading: string): string {
  return isMarkdownSyntax(marker) ? heading : `${marker}${heading}`;
}

/** What a heading line holds after its heading (一、指导思想坚持…): the body that ran into it, as a paragraph. */
function headingBody(lineText: string, headingText: string): BlockContent[] {
  const rest = lineText.startsWith(headingText) ? lineText.slice(headingText.length).replace(/^[。：:；;，,\s]+/, '') : '';
  return rest === '' ? [] : [paragraph(text(rest))];
}

export function planToTree(plan: Plan, options: MarkdownOptions = {}): Root {
  const ctx: Context = { l: LABELS[options.lang ?? 'zh'], pretty: options.pretty === true };
  const children: RootContent[] = [heading(1, plan.meta.title ?? ctx.l.untitled)];
  const meta = facts(plan, ctx);
  if (meta) children.push(meta);
  if (plan.meta.notice) children.push(paragraph(emphasis(`${ctx.l.notice}${ctx.l.colon}${plan.meta.notice.title}`)));
  children.push(...paragraphs(plan.preamble, ctx));
  for (const s of plan.sections) {
    children.push(heading(2, headingText(s.marker, s.heading)));
    children.push(...headingBody(s.text, s.heading));
    children.push(...paragraphs(s.paragraphs, ctx));
    if (s.items.length) children.push(itemList(s.items, ctx));
    for (const sub of s.subsections) {
      children.push(heading(3, headingText(sub.marker, sub.heading)));
      children.push(...headingBody(sub.text, sub.heading));
      children.push(...paragraphs(sub.paragraphs, ctx));
      if (sub.items.length) children.push(itemList(sub.items, ctx));
    }
  }
  if (plan.items.length) children.push(itemList(plan.items, ctx));
  if (plan.closing.length) {
    children.push({ type: 'thematicBreak' });
    children.push(...paragraphs(plan.closing, ctx));
  }
  if (plan.diagnostics.length) {
    children.push(heading(2, ctx.l.diagnostics));
    children.push(list(plan.diagnostics.map((d) => diagnosticLine(d, ctx))));
  }
  return { type: 'root', children };
}

/** `| a | b |` rows: tables are GFM, which remark-stringify writes only with an extension. */
const tableHandler: Handle = (node: Table, _parent, state, info) => {
  const cell = (c: TableCell) => state.containerPhrasing(c, { ...info, before: '|', after: '|' }).replace(/\|/g, '\\|');
  const rows = node.children.map((r) => `| ${r.children.map(cell).join(' | ')} |`);
  rows.splice(1, 0, `|${' --- |'.repeat(node.children[0]?.children.length ?? 0)}`);
  return rows.join('\n');
};

export function planToMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  return unified()
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', handlers: { table: tableHandler } })
    .stringify(planToTree(plan, options));
}
