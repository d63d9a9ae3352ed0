// The closing summary of a batch counts every input: a re-run whose outputs
// are all up to date still says what they hold (the new-user trial saw
// "0 converted … 0 sections, 0 items, 0 targets" after a second run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { FIXTURES, ensureBuilt, listFixtures, runCli } from './helpers.js';
import { formatSummary, newStats } from '../src/cli/ui.js';

const SEEDS = listFixtures('seeds');
let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-summary-'));
  cpSync(join(FIXTURES, 'seeds'), join(work, 'in'), { recursive: true });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The summary without its time: `5 files: …; 17 sections, …`. */
const summary = (stderr: string) => stderr.trim().split('\n').pop()!.replace(/; [\d.]+ m?s$/, '');
/** What the outputs hold: the part after the outcome. */
const contents = (line: string) => line.slice(line.indexOf('; ') + 2);

describe('the summary of a re-run batch', () => {
  it('all up to date: says so, without "0 converted", with the same totals as the run that wrote them', async () => {
    const first = await runCli(['in', '--out-dir', 'out'], { cwd: work });
    expect(first.status).toBe(0);
    const made = summary(first.stderr);
    expect(made).toMatch(new RegExp(`^planparse: ${SEEDS.length} files: ${SEEDS.length} converted, 0 failed; \\d+ sections, \\d+ items, \\d+ targets`));
    expect(contents(made)).not.toMatch(/^0 sections/);

    const again = await runCli(['in', '--out-dir', 'out'], { cwd: work });
    expect(again.status).toBe(0);
    const kept = summary(again.stderr);
    expect(kept).toBe(`planparse: ${SEEDS.length} files: ${SEEDS.length} up to date, 0 failed; ${contents(made)}`);
  });

  it('some up to date, some converted: the totals still cover every file', async () => {
    const first = summary((await runCli(['in', '--out-dir', 'mixed'], { cwd: work })).stderr);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(work, 'in', SEEDS[0]!), later, later);
    const again = summary((await runCli(['in', '--out-dir', 'mixed'], { cwd: work })).stderr);
    expect(again).toBe(`planparse: ${SEEDS.length} files: 1 converted, ${SEEDS.length - 1} up to date, 0 failed; ${contents(first)}`);
  });

  it('a record written before counts were kept makes the outputs again rather than count them as empty', async () => {
    await runCli(['in', '--out-dir', 'old'], { cwd: work });
    const { readFileSync, writeFileSync } = await import('node:fs');
    const path = join(work, 'old', '.planparse-cache.json');
    const record = JSON.parse(readFileSync(path, 'utf8')) as { outputs: Record<string, { counts?: unknown }> };
    for (const e of Object.values(record.outputs)) delete e.counts;
    writeFileSync(path, JSON.stringify(record));
    const again = summary((await runCli(['in', '--out-dir', 'old'], { cwd: work })).stderr);
    expect(again).toMatch(new RegExp(`^planparse: ${SEEDS.length} files: ${SEEDS.length} converted, 0 failed;`));
  });
});

describe('formatSummary', () => {
  const plain = new Chalk({ level: 0 });
  it('names only the outcomes that happened, and always the failures', () => {
    const s = newStats(3);
    s.skipped = 2;
    s.failed = 1;
    expect(formatSummary(s, plain)).toMatch(/^planparse: 3 files: 2 up to date, 1 failed;/);
    const t = newStats(2);
    t.failed = 2;
    expect(formatSummary(t, plain)).toMatch(/^planparse: 2 files: 0 converted, 2 failed;/);
  });
});
