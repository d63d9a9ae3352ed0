// Real text from other sites (fixtures/real: 28 page excerpts, 18 whole
// documents, gold written by reading) scored by the scoring contract's own
// script, so a change that helps one site and hurts others shows here. The
// bars are the figures planparse reached on this corpus, rounded down: a drop
// below them fails. Every real text also passes the character accounting.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../src/parse.js';
import { FIXTURES, accountingProblems, scoreWithContract as score } from './helpers.js';

const REAL = join(FIXTURES, 'real');

describe('the real corpus (fixtures/real)', () => {
  it('meets the bar for outline, metadata, boilerplate and content', () => {
    const { status, summary } = score(join(REAL, 'gold'), [join(REAL, 'pages'), join(REAL, 'docs')], 'sections=0.95,items=0.95,meta=0.95,boilerplate=0.98,content=0.98,failures=0');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 240_000);

  it('keeps the seeds perfect on every figure', () => {
    const { status, summary } = score(join(FIXTURES, 'gold'), [join(FIXTURES, 'seeds')], 'sections=1,items=1,targets=1,comparators=1,meta=1,boilerplate=1,content=1,failures=0');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 120_000);

  const files = ['pages', 'docs'].flatMap((d) => readdirSync(join(REAL, d)).filter((f) => f.endsWith('.txt')).map((f) => `${d}/${f}`));
  it('holds 46 texts', () => expect(files).toHaveLength(46));
  it.each(files)('%s: every character accounted for exactly once', (f) => {
    const text = readFileSync(join(REAL, f), 'utf8');
    expect(accountingProblems(parsePlan(text), text)).toEqual([]);
  });
});
