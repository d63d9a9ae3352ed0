// One indicator across many plans: the table a researcher reads to compare
// what bureaus committed to. Rows are indicators (a vocabulary key, or the
// indicator as written when no key fits), columns are plans, each cell the
// commitment as a reader writes it (≥66%, 3–5个, 每天≥2小时).
import type { Plan, Target } from './schema.js';
import { INDICATORS, indicatorByKey } from './vocabulary.js';
import { commitmentText } from './commitment.js';

/** A plan, as a column of the comparison. */
export interface ComparedPlan {
  file: string;
  title: string | null;
  issuer: string | null;
  year: number | null;
  /** The column heading: issuer and year, or the file name when the issuer is unknown. */
  label: string;
}

/** One indicator, as a row: its key (null when none fits), its name, and each plan's targets. */
export interface ComparedIndicator {
  key: string | null;
  name: string;
  /** Targets by plan, in plan order (an empty array when the plan sets none). */
  cells: Target[][];
}

export interface Comparison {
  plans: ComparedPlan[];
  rows: ComparedIndicator[];
  /** Targets left out because they name no indicator: no row could line them up with another plan's. */
  unnamed: number;
}

export interface CompareOptions {
  /** Which figures: commitments (default), results, or both. */
  status?: 'target' | 'achieved' | 'all';
  /** Only these vocabulary keys (all indicators when empty or absent). */
  indicators?: readonly string[];
}

export { commitmentText } from './commitment.js';

/** A cell: the plan's commitments for one indicator, joined. */
export function cellText(targets: Target[]): string {
  return targets.map(commitmentText).join('; ');
}

function allTargets(plan: Plan): Target[] {
  const out: Target[] = [];
  const add = (ts: Target[] | undefined) => {
    for (const t of ts ?? []) out.push(t);
  };
  const items = (its: Plan['items']) => {
    for (const it of its) {
      add(it.targets);
      for (const p of it.points) add(p.targets);
    }
  };
  for (const p of plan.preamble) add(p.targets);
  items(plan.items);
  for (const s of plan.sections) {
    add(s.targets);
    for (const p of s.paragraphs) add(p.targets);
    items(s.items);
    for (const sub of s.subsections) {
      add(sub.targets);
      for (const p of sub.paragraphs) add(p.targets);
      items(sub.items);
    }
  }
  for (const p of plan.closing) add(p.targets);
  return out;
}

/**
 * A plan's column heading where columns must be told apart (CSV, Markdown):
 * its label and its file, as one bureau may publish two plans in a year.
 */
export function planHeading(p: Pick<ComparedPlan, 'label' | 'file'>): string {
  return `${p.label} (${p.file})`;
}

/** The column heading of a plan. */
export function planLabel(file: string, plan: Pick<Plan, 'meta'>): string {
  const who = plan.meta.issuer ?? file.split(/[\\/]/).pop() ?? file;
  return plan.meta.year !== null ? `${who} ${plan.meta.year}` : who;
}

/**
 * Line up the targets of plans by indicator. Keyed indicators come first, in
 * vocabulary order; the others follow under their own text, most widely set
 * first. A target that names no indicator is left out and counted: a row
 * "(unnamed) %" would put side by side figures that measure different things.
 */
export function comparePlans(plans: ReadonlyArray<{ file: string; plan: Plan }>, options: CompareOptions = {}): Comparison {
  const status = options.status ?? 'target';
  const only = options.indicators && options.indicators.length > 0 ? new Set(options.indicators) : null;
  const byRow = new Map<string, ComparedIndicator>();
  let unnamed = 0;
  plans.forEach(({ plan }, column) => {
    for (const t of allTargets(plan)) {
      if (status !== 'all' && t.status !== status) continue;
      if (only && (t.indicatorKey === null || !only.has(t.indicatorKey))) continue;
      if (t.indicatorKey === null && t.indicator === null) {
        unnamed++;
        continue;
      }
      const id = t.indicatorKey !== null ? `key:${t.indicatorKey}` : `text:${t.indicator}|${t.unit}`;
      let row = byRow.get(id);
      if (!row) {
        const name = t.indicatorKey !== null ? indicatorByKey(t.indicatorKey)?.name ?? t.indicatorKey : t.indicator!;
        row = { key: t.indicatorKey, name, cells: plans.map(() => []) };
        byRow.set(id, row);
      }
      row.cells[column]!.push(t);
    }
  });
  const order = new Map(INDICATORS.map((e, i) => [e.key, i]));
  const planCount = (r: ComparedIndicator) => r.cells.filter((c) => c.length > 0).length;
  const rows = [...byRow.values()].sort((a, b) => {
    if (a.key !== null && b.key !== null) return order.get(a.key)! - order.get(b.key)!;
    if (a.key !== null) return -1;
    if (b.key !== null) return 1;
    return planCount(b) - planCount(a) || a.name.localeCompare(b.name, 'zh');
  });
  return {
    plans: plans.map(({ file, plan }) => ({ file, title: plan.meta.title, issuer: plan.meta.issuer, year: plan.meta.year, label: planLabel(file, plan) })),
    rows,
    unnamed,
  };
}

/** One line of the long form: a plan × an indicator it sets (for DuckDB, pandas). */
export interface CompareRecord {
  indicatorKey: string | null;
  indicator: string;
  file: string;
  title: string | null;
  issuer: string | null;
  year: number | null;
  commitment: string;
  targets: Array<Pick<Target, 'text' | 'value' | 'min' | 'max' | 'unit' | 'comparator' | 'status' | 'line' | 'indicator'>>;
}

/** The comparison in long form: one record per plan × indicator, plans with no target for it left out. */
export function longForm(c: Comparison): CompareRecord[] {
  const out: CompareRecord[] = [];
  for (const row of c.rows) {
    row.cells.forEach((targets, i) => {
      if (targets.length === 0) return;
      const p = c.plans[i]!;
      out.push({
        indicatorKey: row.key,
        indicator: row.name,
        file: p.file,
        title: p.title,
        issuer: p.issuer,
        year: p.year,
        commitment: cellText(targets),
        targets: targets.map((t) => ({ text: t.text, value: t.value, min: t.min, max: t.max, unit: t.unit, comparator: t.comparator, status: t.status, line: t.line, indicator: t.indicator })),
      });
    });
  }
  return out;
}
