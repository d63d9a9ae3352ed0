// `check` counts infos but reports them only when they can fail the check;
// its summary says where they are (the corpus said "49 infos" and showed none).
import { describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers.js';

const SEED = 'fixtures/seeds/002_5ee358fecd5407df.txt';

describe('check: infos not shown', () => {
  it('the summary says how to see them; with --fail-on info they are shown and no such note', async () => {
    ensureBuilt();
    const r = await runCli(['check', SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^planparse: 1 file checked: 0 failed; 0 errors, 0 warnings, 1 info; the info is not shown \(--fail-on info shows them\); \d/);
    const shown = await runCli(['check', SEED, '--fail-on', 'info']);
    expect(shown.stdout).toMatch(/:42: info date-garbled-resolved /);
    expect(shown.stderr).not.toContain('not shown');
  });
});
