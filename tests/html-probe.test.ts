// Saved pages in the styles of 23 other portal CMSs (TRS WCM, 集约化 meta
// tags, 大汉 JCMS, Hanweb, WeChat, GBK pages, Word paste, old table layouts…),
// written by a tester who had not seen planparse's rules, with expectations in
// the scorer's gold format (fixtures/html-probe/gold). They are made-up pages,
// not scraped ones: they hold the markup shapes the four real pages of
// fixtures/html do not. Scored by the scoring contract's script; the bars are
// the figures reached when they were added, rounded down.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, scoreWithContract as score } from './helpers.js';

describe('pages in the styles of other portals (fixtures/html-probe)', () => {
  it('meets the bar on every measure', () => {
    const dir = join(FIXTURES, 'html-probe');
    const { status, summary } = score(join(dir, 'gold'), [dir], 'sections=1,items=1,targets=0.99,comparators=0.98,meta=0.98,boilerplate=0.99,content=1,failures=0');
    expect(summary, summary).not.toMatch(/BELOW/);
    expect(status).toBe(0);
  }, 240_000);
});
