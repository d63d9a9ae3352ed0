// Probe pages written to imitate portals and formats the corpus lacks
// (fixtures/probes: a WeChat repost, PDF exports, a province disclosure table
// printed twice, Traditional text, chapters and articles, full-width digits, a
// flattened page, decorated markers …), with gold written by reading, in the
// scoring contract's format. The bars are the figures reached, rounded down.
// Known misses are in the gold on purpose: a table row whose unit is in its
// label cell (新增学位（个） | 2100 | 2500).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../src/parse.js';
import { FIXTURES, accountingProblems, scoreWithContract as score } from './helpers.js';

const PROBES = join(FIXTURES, 'probes');

describe('probe pages (fixtures/probes)', () => {
  it('meets the bar on every figure', () => {
    const { status, summary } = score(join(PROBES, 'gold'), [PROBES], 'sections=1,items=1,targets=0.99,comparators=1,indicators=0.95,meta=1,boilerplate=1,content=1,failures=0');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 120_000);

  const files = readdirSync(PROBES).filter((f) => f.endsWith('.txt'));
  it('holds a gold file for each of the 15 probes', () => {
    expect(files).toHaveLength(15);
    for (const f of files) expect(JSON.parse(readFileSync(join(PROBES, 'gold', f.replace(/\.txt$/, '.json')), 'utf8')).input).toBe(f);
  });
  it.each(files)('%s: every character accounted for exactly once', (f) => {
    const text = readFileSync(join(PROBES, f), 'utf8');
    expect(accountingProblems(parsePlan(text), text)).toEqual([]);
  });
});
