// Traditional → Simplified folding (src/hant.ts): one character for one, so
// offsets stay valid; text without Traditional characters comes back as is.
import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from '../src/hant.js';

describe('toSimplified', () => {
  it('folds the labels, widgets and title words portals print in 繁體', () => {
    expect(toSimplified('發文機關：臺北市教育局')).toBe('发文机关：台北市教育局');
    expect(toSimplified('索引號')).toBe('索引号');
    expect(toSimplified('2024年工作要點')).toBe('2024年工作要点');
    expect(toSimplified('【關閉】【列印】')).toBe('【关闭】【列印】');
  });

  it('keeps the length, so offsets in the folded text are offsets in the source', () => {
    const text = '推進教育數位轉型，提升至95%。'.repeat(100);
    const folded = toSimplified(text);
    expect(folded).toHaveLength(text.length);
    expect(folded.slice(0, 16)).toBe('推进教育数位转型，提升至95%。');
  });

  it('returns Simplified and ASCII text unchanged, and folds a Traditional run at either end', () => {
    const simple = '全面贯彻党的教育方针 ABC 123';
    expect(toSimplified(simple)).toBe(simple);
    expect(toSimplified('')).toBe('');
    expect(toSimplified('學')).toBe('学');
    expect(toSimplified('教育學會')).toBe('教育学会');
  });

  it('hasTraditional tells whether anything would fold', () => {
    expect(hasTraditional('教育局工作要点')).toBe(false);
    expect(hasTraditional('教育局工作要點')).toBe(true);
  });
});
