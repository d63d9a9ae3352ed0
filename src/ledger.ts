// Where every character went. After decoding and normalising, each character
// of a line is content, metadata, notice, boilerplate or debris — exactly one
// of them — or a space between two spans. The ledger lists those pieces by
// line and column so a test (or a curious user) can check that nothing was
// lost or claimed twice. Built only on request: parsing does not need it.
import type { Line } from './lines.js';
import type { RemovedLine } from './schema.js';
import { columnBeforeDebris } from './debris.js';

export type LedgerKind = 'content' | 'metadata' | 'notice' | 'boilerplate' | 'debris';

export interface LedgerEntry {
  line: number;
  /** 0-based columns [start, end) in the normalised line (before debris was cut). */
  start: number;
  end: number;
  kind: LedgerKind;
  /** Set for a Markdown block: the entry stands for whole source lines `line`…`last`. */
  last?: number;
}

/** A span's columns in the normalised line, around the debris cut from inside it. */
function rangesOf(span: Line): Array<[number, number]> {
  const from = columnBeforeDebris(span.debris, span.col);
  const to = span.text.length === 0 ? from : columnBeforeDebris(span.debris, span.col + span.text.length - 1) + 1;
  return around(from, to, span.debris);
}

/** The columns [from, to) minus the debris pieces inside them. */
function around(from: number, to: number, debris: Line['debris']): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = from;
  for (const d of debris ?? []) {
    if (d.col < from || d.col >= to) continue;
    if (d.col > at) out.push([at, d.col]);
    at = d.col + d.text.length;
  }
  if (to > at) out.push([at, to]);
  return out;
}

export interface LedgerInput {
  /** Lines after debris was cut (each keeps its `debris`). */
  lines: Line[];
  removed: RemovedLine[];
  /** Spans kept by boilerplate stripping; `body` and `notice` are among them, the rest is metadata. */
  kept: Line[];
  body: Line[];
  notice: Line[];
  markdown: boolean;
}

export function buildLedger({ lines, removed, kept, body, notice, markdown }: LedgerInput): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const whole = (l: Line, kind: LedgerKind) => out.push({ line: l.no, start: 0, end: l.text.length, kind, last: l.last ?? l.no });
  if (!markdown) {
    for (const l of lines) for (const d of l.debris ?? []) out.push({ line: l.no, start: d.col, end: d.col + d.text.length, kind: 'debris' });
  }
  const debrisOf = new Map(lines.map((l) => [l.no, l.debris]));
  for (const r of removed) {
    if (r.text === '') continue;
    if (markdown || !r.columns) out.push({ line: r.line, start: 0, end: r.text.length, kind: 'boilerplate', last: r.line });
    else for (const [start, end] of around(r.columns.start - 1, r.columns.end, debrisOf.get(r.line))) out.push({ line: r.line, start, end, kind: 'boilerplate' });
  }
  const bodySet = new Set(body);
  const noticeSet = new Set(notice);
  for (const span of kept) {
    const kind: LedgerKind = bodySet.has(span) ? 'content' : noticeSet.has(span) ? 'notice' : 'metadata';
    if (markdown) whole(span, kind);
    else for (const [start, end] of rangesOf(span)) out.push({ line: span.no, start, end, kind });
  }
  return out.sort((a, b) => a.line - b.line || a.start - b.start);
}
