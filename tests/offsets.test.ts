import { describe, expect, it } from 'vitest';
import { startedBy } from '../src/offsets.js';

describe('startedBy', () => {
  const entries = [0, 5, 5, 9, 20].map((offset) => ({ offset }));
  it('counts the entries that start at or before an offset', () => {
    expect([-1, 0, 4, 5, 6, 9, 19, 20, 1e9].map((o) => startedBy(entries, o))).toEqual([0, 1, 1, 3, 3, 4, 4, 5, 5]);
  });
  it('agrees with a linear count on a long table', () => {
    const long = Array.from({ length: 1000 }, (_, i) => ({ offset: i * 3 + (i % 2) }));
    for (const o of [0, 1, 2, 3, 100, 1500, 2998, 2999, 3000, 4000]) expect(startedBy(long, o)).toBe(long.filter((e) => e.offset <= o).length);
  });
  it('is 0 for an empty table', () => expect(startedBy([], 5)).toBe(0));
});
