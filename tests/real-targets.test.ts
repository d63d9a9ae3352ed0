// Targets on real text (fixtures/real), scored by the contract's own script:
// commitments only (results reported as reached are skipped), their
// comparators and their indicators. The bars are the figures planparse
// reached, rounded down: a change that makes review parts report results as
// commitments, or names indicators worse, fails here.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, scoreWithContract as score } from './helpers.js';

const REAL = join(FIXTURES, 'real');

describe('targets on the real corpus (fixtures/real)', () => {
  it('meets the bar for targets, comparators and indicators', () => {
    const { status, summary } = score(join(REAL, 'gold'), [join(REAL, 'pages'), join(REAL, 'docs')], 'targets=0.94,comparators=0.99,indicators=0.9');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 240_000);

  it('names every seed target as the gold does', () => {
    const { status, summary } = score(join(FIXTURES, 'gold'), [join(FIXTURES, 'seeds')], 'targets=1,comparators=1,indicators=1');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 120_000);
});
