// The converter's summary counts every figure in the documents, heading
// lines included, and says how many are results: the corpus summary said
// "367 targets" where the documents held 1105 (targets written on a
// sub-section's heading line were not counted), and `planparse targets`,
// which lists commitments only by default, showed 314.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from './helpers.js';
import { parsePlan } from '../src/parse.js';
import { countPlan } from '../src/cli/task.js';

const PLAN = [
  '某县教育局2024年工作要点',
  '一、推进学前教育。全年新建幼儿园3所。',
  '（一）扩大资源。新增学位2000个。',
  '1.公办园在园幼儿占比提升至66%。',
  '二、工作回顾',
  '2023年，全县已新增学位1500个。',
  '',
].join('\n');

let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-counts-'));
  writeFileSync(join(work, 'a.txt'), PLAN);
  writeFileSync(join(work, 'b.txt'), PLAN);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('counting targets', () => {
  it('countPlan counts the targets of section and sub-section heading lines, and the achieved ones', () => {
    const plan = parsePlan(PLAN);
    // the heading lines hold 3所 and 2000个; the item 66%; the review 1500个
    expect(plan.sections[0]!.targets).toHaveLength(1);
    expect(plan.sections[0]!.subsections[0]!.targets).toHaveLength(1);
    const counts = countPlan(plan);
    expect([counts.targets, counts.achieved]).toEqual([4, 1]);
  });

  it('the batch summary agrees with planparse targets --status all, and names the results', async () => {
    const r = await runCli(['.', '--out-dir', 'out'], { cwd: work });
    expect(r.stderr).toMatch(/^planparse: 2 files: 2 converted, 0 failed; 4 sections, 2 items, 8 targets \(2 reported as achieved\), 0 warnings; /);
    const all = await runCli(['targets', 'a.txt', 'b.txt', '--status', 'all', '--format', 'jsonl'], { cwd: work });
    expect(all.stdout.trim().split('\n')).toHaveLength(8);
    // an up-to-date re-run says the same
    const again = await runCli(['.', '--out-dir', 'out'], { cwd: work });
    expect(again.stderr).toMatch(/^planparse: 2 files: 2 up to date, 0 failed; 4 sections, 2 items, 8 targets \(2 reported as achieved\), 0 warnings; /);
  });

  it('the targets table says how many figures its --status left out', async () => {
    const plain = await runCli(['targets', 'a.txt', 'b.txt', '--format', 'table'], { cwd: work });
    expect(plain.stdout.trimEnd().split('\n').pop()).toBe('6 targets in 2 files; 2 achieved figures not listed (--status all)');
    const achieved = await runCli(['targets', 'a.txt', '--format', 'table', '--status', 'achieved'], { cwd: work });
    expect(achieved.stdout.trimEnd().split('\n').pop()).toBe('1 achieved figure in 1 file; 3 commitments not listed (--status all)');
    const all = await runCli(['targets', 'a.txt', '--format', 'table', '--status', 'all'], { cwd: work });
    expect(all.stdout.trimEnd().split('\n').pop()).toBe('4 targets in 1 file');
  });
});
