// Found trying the CLI on the shared corpus as a demanding user would:
// --check says which outputs are missing and names outputs no input makes
// any more (planparse never deletes them), and `validate` on a folder of
// other JSON says once per file that it is no planparse document instead of
// listing every field it lacks (21 lines for one gold file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ensureBuilt, listFixtures, runCli } from './helpers.js';
import { foreignDocument } from '../src/cli/validate.js';

const SEEDS = listFixtures('seeds');
const json = (name: string) => name.replace(/\.txt$/, '.json');
let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-leftovers-'));
  cpSync(join(FIXTURES, 'seeds'), join(work, 'in'), { recursive: true });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('--check on an out-dir', () => {
  it('counts missing outputs apart from changed ones, and names outputs made from no input', async () => {
    expect((await runCli(['in', '--out-dir', 'out'], { cwd: work })).status).toBe(0);
    rmSync(join(work, 'out', json(SEEDS[1]!)));
    appendFileSync(join(work, 'in', SEEDS[2]!), '\n3.新增学位100个。\n');
    copyFileSync(join(work, 'out', json(SEEDS[0]!)), join(work, 'out', 'renamed-away.json'));
    const r = await runCli(['in', '--out-dir', 'out', '--check'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`out/${json(SEEDS[1]!)}\nout/${json(SEEDS[2]!)}\n`);
    expect(r.stderr).toBe(
      `planparse: --check: 2 of ${SEEDS.length} outputs would change (1 missing)\n` +
        'planparse: --check: 1 .json file in out made from no input (planparse never deletes; remove it if stale): out/renamed-away.json\n',
    );
  });

  it('a left-over output alone does not fail the check', async () => {
    await runCli(['in', '--out-dir', 'out2'], { cwd: work });
    writeFileSync(join(work, 'out2', 'old.json'), '{}\n');
    const r = await runCli(['in', '--out-dir', 'out2', '--check'], { cwd: work });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('made from no input');
    expect(r.stderr).toContain('out2/old.json');
  });
});

describe('validate on JSON that is no planparse document', () => {
  it('one problem per document: no schemaVersion, or another schema version', async () => {
    writeFileSync(join(work, 'gold.json'), JSON.stringify({ title: ['a', 'b'], sections: [] }));
    writeFileSync(join(work, 'future.json'), JSON.stringify({ schemaVersion: '2.0.0', source: {} }));
    const r = await runCli(['validate', 'gold.json', 'future.json'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'gold.json: error schema $: not a planparse document (no schemaVersion; this planparse writes and reads "1.0.0")\n' +
        'future.json: error schema $.schemaVersion: "2.0.0", another schema version (this planparse reads "1.0.0")\n',
    );
  });

  it('foreignDocument leaves documents of this version, and non-objects, to the schema', () => {
    expect(foreignDocument({ schemaVersion: '1.0.0' })).toBeNull();
    expect(foreignDocument([1, 2])).toBeNull();
    expect(foreignDocument({ schemaVersion: 1 })).toBeNull();
    expect(foreignDocument({})).toMatch(/^\$: not a planparse document/);
  });
});
