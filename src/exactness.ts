// Numbers a JSON number cannot hold exactly. A target's value is a double:
// about 15 significant digits are exact, so a 30-digit amount would be
// rounded without a word. Such targets get a diagnostic naming the number.
import type { Diagnostic, Plan, Target } from './schema.js';

/** Significant digits a double always holds exactly. */
const EXACT_DIGITS = 15;

/** Digit runs (ASCII or full-width, thousands separators allowed) in a target's text. */
const NUMBER = /[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/g;
// (．full stop is turned into . by NFKC below)

/** Digits as written (leading zeros aside), and whether a double holds the number exactly. */
function exactness(written: string): { digits: number; exact: boolean } {
  const plain = written.normalize('NFKC').replace(/[,，]/g, '');
  const [whole = '', fraction = ''] = plain.split('.');
  const digits = (whole + fraction).replace(/^0+/, '').length;
  if (fraction === '' || /^0*$/.test(fraction)) {
    // An integer: exact when the double is that very integer.
    const n = Number(whole);
    return { digits, exact: Number.isFinite(n) && BigInt(whole) === BigInt(n) };
  }
  return { digits, exact: (whole + fraction).replace(/^0+/, '').replace(/0+$/, '').length <= EXACT_DIGITS };
}

/** Every target of a plan. Appended one by one: a plan can hold more targets than a call takes arguments. */
function targetsOf(plan: Plan): Target[] {
  const out: Target[] = [];
  const add = (ts: Target[]) => {
    for (const t of ts) out.push(t);
  };
  const paragraphs = (ps: { targets: Target[] }[]) => ps.forEach((p) => add(p.targets));
  const items = (its: Plan['items']) =>
    its.forEach((it) => {
      add(it.targets);
      for (const p of it.points) add(p.targets);
    });
  paragraphs(plan.preamble);
  items(plan.items);
  for (const s of plan.sections) {
    paragraphs(s.paragraphs);
    items(s.items);
    for (const sub of s.subsections) {
      paragraphs(sub.paragraphs);
      items(sub.items);
    }
  }
  paragraphs(plan.closing);
  return out;
}

/** A warning for every target whose number has more digits than its value keeps. */
export function inexactNumbers(plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of targetsOf(plan)) {
    for (const m of t.text.matchAll(NUMBER)) {
      const { digits: n, exact } = exactness(m[0]);
      if (exact) continue;
      const shown = m[0].length > 24 ? `${m[0].slice(0, 10)}…${m[0].slice(-6)}` : m[0];
      out.push({
        code: 'number-inexact',
        severity: 'warning',
        message: `the number ${shown} has ${n} digits; its value is rounded to ${t.value ?? t.min ?? t.max} (a JSON number keeps about ${EXACT_DIGITS} exactly)`,
        line: t.line,
      });
    }
  }
  return out;
}
