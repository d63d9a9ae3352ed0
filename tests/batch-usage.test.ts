// A batch without a destination is a usage error that says what made it a
// batch and every way out (it said "several inputs" for one folder, and left
// out --format md).
import { describe, expect, it } from 'vitest';
import { ensureBuilt, listFixtures, runCli } from './helpers.js';

const SEEDS = listFixtures('seeds');
const WAYS = 'use --out-dir DIR (one .json file per input), --jsonl (one JSON line per input) or --format md (one Markdown report)';

describe('a batch without --out-dir, --jsonl or --format md', () => {
  it('names the folder or pattern and how many files it holds', async () => {
    ensureBuilt();
    const dir = await runCli(['fixtures/seeds']);
    expect([dir.status, dir.stdout, dir.stderr]).toEqual([2, '', `planparse: fixtures/seeds is a batch (${SEEDS.length} files): ${WAYS}\n(planparse --help shows the usage)\n`]);
    const pattern = await runCli([`fixtures/seeds/${SEEDS[0]!.slice(0, 3)}*`]);
    expect(pattern.stderr.split('\n')[0]).toBe(`planparse: fixtures/seeds/${SEEDS[0]!.slice(0, 3)}* is a batch (1 file): ${WAYS}`);
  });

  it('counts the inputs when there are several operands', async () => {
    const r = await runCli([`fixtures/seeds/${SEEDS[0]}`, `fixtures/seeds/${SEEDS[1]}`]);
    expect([r.status, r.stderr.split('\n')[0]]).toEqual([2, `planparse: 2 inputs: ${WAYS}`]);
  });
});
