// Targets on the five seeds, matched the way ../shared/eval/score.mjs matches
// them: key unit|value (or unit|min-max), a multiset; `optional` gold targets
// neither miss nor punish; targets inside an `ignoreTargets` span are neither
// hits nor false positives. Micro-averaged over the seeds.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile } from '../src/read.js';
import type { Target } from '../src/schema.js';
import { FIXTURES, allTargets, listFixtures, norm } from './helpers.js';

interface GoldTarget {
  text: string;
  value?: number;
  min?: number;
  max?: number;
  unit: string;
  comparator: string;
  optional?: boolean;
}

interface Gold {
  targets?: GoldTarget[];
  ignoreTargets?: string[];
}

type Keyed = Pick<Target, 'unit'> & { value?: number | null; min?: number | null; max?: number | null };

const num = (v: number | null | undefined) => (v === undefined || v === null ? '' : String(Number(v)));
const unitKey = (u: string) => norm(u).replace(/^％$/, '%');
const keyOf = (t: Keyed) => `${unitKey(t.unit)}|${t.min !== undefined && t.min !== null ? `${num(t.min)}-${num(t.max)}` : num(t.value)}`;

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  comparatorsRight: number;
  pairs: number;
  misses: string[];
  extras: string[];
  wrongComparators: string[];
}

/** The scorer's matching for one document, added into `tally`. */
function matchTargets(gold: Gold, found: Target[], tally: Tally, file: string): void {
  const ignored = (t: Target) => (gold.ignoreTargets ?? []).some((s) => norm(t.text).includes(norm(s)));
  const out = found.filter((t) => !ignored(t));
  const pool = new Map<string, number[]>();
  out.forEach((t, i) => pool.set(keyOf(t), [...(pool.get(keyOf(t)) ?? []), i]));
  const used = new Set<number>();
  const take = (g: GoldTarget): Target | null => {
    const i = (pool.get(keyOf(g)) ?? []).find((j) => !used.has(j));
    if (i === undefined) return null;
    used.add(i);
    return out[i]!;
  };
  const golds = gold.targets ?? [];
  const pair = (g: GoldTarget, o: Target) => {
    tally.pairs++;
    if (g.comparator === o.comparator) tally.comparatorsRight++;
    else tally.wrongComparators.push(`${file}: ${g.text} want ${g.comparator} got ${o.comparator}`);
  };
  for (const g of golds.filter((g) => !g.optional)) {
    const o = take(g);
    if (o) {
      tally.tp++;
      pair(g, o);
    } else {
      tally.fn++;
      tally.misses.push(`${file}: ${g.text} [${keyOf(g)}]`);
    }
  }
  for (const g of golds.filter((g) => g.optional)) {
    const o = take(g);
    if (o) pair(g, o);
  }
  out.forEach((t, i) => {
    if (used.has(i)) return;
    tally.fp++;
    tally.extras.push(`${file}: ${t.text} [${keyOf(t)}]`);
  });
}

describe('targets on the seeds, by the scorer’s rules', async () => {
  const tally: Tally = { tp: 0, fp: 0, fn: 0, comparatorsRight: 0, pairs: 0, misses: [], extras: [], wrongComparators: [] };
  for (const file of listFixtures('seeds')) {
    const gold = JSON.parse(readFileSync(join(FIXTURES, 'gold', file.replace(/\.txt$/, '.json')), 'utf8')) as Gold;
    const plan = await parsePlanFile(join(FIXTURES, 'seeds', file));
    matchTargets(gold, allTargets(plan), tally, file);
  }
  const precision = tally.tp + tally.fp ? tally.tp / (tally.tp + tally.fp) : 1;
  const recall = tally.tp + tally.fn ? tally.tp / (tally.tp + tally.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  it('targets F1 >= 0.97', () => {
    expect(tally.tp).toBeGreaterThan(0);
    expect(f1, `P ${precision.toFixed(3)} R ${recall.toFixed(3)}\nmissed: ${tally.misses.join('; ')}\nextra: ${tally.extras.join('; ')}`).toBeGreaterThanOrEqual(0.97);
  });

  it('comparators >= 0.95 of the matched targets', () => {
    expect(tally.pairs).toBeGreaterThan(0);
    expect(tally.comparatorsRight / tally.pairs, tally.wrongComparators.join('; ')).toBeGreaterThanOrEqual(0.95);
  });
});
