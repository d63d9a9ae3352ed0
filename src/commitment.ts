// A target's amount as a reader writes it (≥66%, 3–5个, 每天≥2小时, +5个百分点,
// 17.21亿元): one wording for the compare cells and the targets table. Kept
// apart from compare.ts so the targets command reads it without loading the
// indicator vocabulary.
import type { Target } from './schema.js';

const SIGN: Record<Target['comparator'], string> = { eq: '', gte: '≥', gt: '>', lte: '≤', lt: '<', range: '', approx: '≈' };

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/** Large amounts as plans write them: 17.21亿元, 5.5万亩; shares and small amounts as they are. */
function magnitude(n: number, unit: string): [string, string] {
  if (unit === '%' || unit === '个百分点') return [formatNumber(n), unit];
  if (Math.abs(n) >= 1e8) return [formatNumber(Number((n / 1e8).toFixed(4))), `亿${unit}`];
  if (Math.abs(n) >= 1e4 && n % 100 === 0) return [formatNumber(Number((n / 1e4).toFixed(4))), `万${unit}`];
  return [formatNumber(n), unit];
}

/** A commitment as a reader writes it: ≥66%, 3–5个, 每天≥2小时, +5个百分点. */
export function commitmentText(t: Pick<Target, 'value' | 'min' | 'max' | 'unit' | 'comparator' | 'per' | 'direction' | 'kind'>): string {
  // a change is signed: +5个百分点, −0.5个百分点
  const sign = t.kind === 'change' && t.direction ? (t.direction === 'down' ? '−' : '+') : '';
  if (t.min !== undefined && t.max !== undefined) {
    const [hi, unit] = magnitude(t.max, t.unit);
    const lo = unit === t.unit ? formatNumber(t.min) : magnitude(t.min, t.unit)[1] === unit ? magnitude(t.min, t.unit)[0] : formatNumber(t.min);
    return `${t.per ?? ''}${sign}${lo}–${hi}${unit}`;
  }
  const [n, unit] = magnitude(t.value ?? 0, t.unit);
  return `${t.per ?? ''}${sign}${SIGN[t.comparator]}${n}${unit}`;
}

