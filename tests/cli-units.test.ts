// The CLI's pure pieces, without spawning: output naming, the replacement
// rule, ordered delivery, GitHub escaping, JSON paths, the check verdict and
// the Markdown outline.
import { describe, expect, it } from 'vitest';
import type { Stats } from 'node:fs';
import { outputRelPath } from '../src/cli/convert.js';
import { decideOutput } from '../src/cli/write.js';
import { runOrdered } from '../src/cli/runner.js';
import { githubAnnotation } from '../src/cli/reporters.js';
import { jsonPath, fileProblems } from '../src/cli/validate.js';
import { checkVerdict } from '../src/cli/check.js';
import { describeTarget, planToMarkdown } from '../src/cli/md.js';
import { parsePlan } from '../src/parse.js';
import { fixture } from './helpers.js';

const fileStats = (ino: number, mtimeMs: number) => ({ dev: 1, ino, mtimeMs }) as Stats;

describe('output paths and the replacement rule', () => {
  it('mirrors relative paths and swaps the extension', () => {
    expect(outputRelPath('a/b/plan.txt', '.json')).toBe('a/b/plan.json');
    expect(outputRelPath('plan.v2.md', '.json')).toBe('plan.v2.json');
    expect(outputRelPath('README', '.md')).toBe('README.md');
    // A path that climbs out of its base must not climb out of --out-dir.
    expect(outputRelPath('../../etc/plan.txt', '.json')).toBe('plan.json');
  });

  it('writes missing or older outputs, skips newer ones, never an input', () => {
    const input = fileStats(10, 2000);
    expect(decideOutput(null, [input], [input], false)).toEqual({ write: true });
    expect(decideOutput(fileStats(11, 1000), [input], [input], false)).toEqual({ write: true });
    expect(decideOutput(fileStats(11, 3000), [input], [input], false)).toEqual({ write: false, reason: 'up-to-date' });
    expect(decideOutput(fileStats(11, 3000), [input], [input], true)).toEqual({ write: true });
    // Same device and inode as any input of the batch: refused even with --force.
    expect(decideOutput(fileStats(10, 3000), [], [input], true)).toEqual({ write: false, reason: 'is-input' });
    // Standard input has no time: always rewritten.
    expect(decideOutput(fileStats(11, 3000), [], [input], false)).toEqual({ write: true });
  });
});

describe('runOrdered', () => {
  it('delivers in input order whatever order the work finishes in, within the window', async () => {
    const delays = [30, 1, 20, 5, 0, 12, 3, 8, 1, 25];
    const delivered: number[] = [];
    let inFlight = 0;
    let maxAhead = 0;
    await runOrdered(delays, {
      window: 3,
      stopped: () => false,
      start: async (ms, i) => {
        inFlight++;
        maxAhead = Math.max(maxAhead, i - delivered.length);
        await new Promise((r) => setTimeout(r, ms));
        inFlight--;
        return i * 10;
      },
      deliver: async (_ms, outcome, i) => {
        expect(outcome).toBe(i * 10);
        delivered.push(i);
      },
    });
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(inFlight).toBe(0);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it('stops delivering once stopped', async () => {
    const delivered: number[] = [];
    await runOrdered([1, 2, 3, 4, 5], {
      window: 1,
      stopped: () => delivered.length >= 2,
      start: async (x) => x,
      deliver: async (x) => {
        delivered.push(x);
      },
    });
    expect(delivered).toEqual([1, 2]);
  });
});

describe('reporters', () => {
  it('escapes GitHub workflow-command data and properties', () => {
    expect(githubAnnotation({ file: 'a,b:c.txt', line: 7, severity: 'warning', message: '50% done\nnext', code: 'x-y' })).toBe(
      '::warning file=a%2Cb%3Ac.txt,line=7,title=planparse x-y::50%25 done%0Anext',
    );
    expect(githubAnnotation({ file: 'p.txt', line: null, severity: 'info', message: 'm', code: null })).toBe('::notice file=p.txt::m');
  });

  it('writes zod paths as JSONPath', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['sections', 0, 'items', 12, 'number'])).toBe('$.sections[0].items[12].number');
    expect(jsonPath(['meta', 'a-b'])).toBe('$.meta["a-b"]');
  });

  it('names schema problems and JSON Lines records by line', () => {
    const plan = parsePlan(fixture('seeds/000_8531c15e99b0f403.txt'));
    const good = JSON.stringify(plan);
    const bad = JSON.stringify({ ...plan, schemaVersion: '0.9' });
    const found = fileProblems('all.jsonl', `${good}\n${bad}\n\n{oops\n`, true);
    expect(found.map((f) => [f.line, f.code, f.message.split(':')[0]])).toEqual([
      [2, 'schema', '$.schemaVersion'],
      [4, 'json-syntax', 'not valid JSON'],
    ]);
    expect(fileProblems('one.json', good, false)).toEqual([]);
  });
});

describe('check verdict', () => {
  const tally = { files: 3, failedFiles: 0, errors: 0, warnings: 4, infos: 2 };
  it('fails on files that could not be parsed, on the --fail-on level, and past --max-warnings', () => {
    expect(checkVerdict(tally, 'error', undefined)).toBeNull();
    expect(checkVerdict(tally, 'warning', undefined)).toBe('found 4 warnings (failing at warning and above)');
    expect(checkVerdict(tally, 'info', undefined)).toBe('found 4 warnings, 2 infos (failing at info and above)');
    expect(checkVerdict(tally, 'error', 4)).toBeNull();
    expect(checkVerdict(tally, 'error', 3)).toBe('4 warnings, more than --max-warnings 3');
    expect(checkVerdict({ ...tally, failedFiles: 1 }, 'error', undefined)).toBe('1 file could not be parsed');
    expect(checkVerdict({ ...tally, errors: 1 }, 'error', undefined)).toBe('found 1 error (failing at error and above)');
  });
});

describe('Markdown outline', () => {
  it('describes targets by what they were read as', () => {
    const place = { part: 'item' as const, section: 1, subsection: null, item: 3, point: null };
    const base = { sentence: '', line: 1, kind: 'count' as const, unit: '所', place };
    expect(describeTarget({ ...base, text: '不低于2小时', value: 2, unit: '小时', comparator: 'gte', kind: 'duration' })).toBe('不低于2小时 (≥ 2 小时)');
    expect(describeTarget({ ...base, text: '不少于12课时', value: 12, unit: '课时', comparator: 'gte', kind: 'frequency', per: '每学年' })).toBe('不少于12课时 (每学年 ≥ 12 课时)');
    expect(describeTarget({ ...base, text: '3—5所', min: 3, max: 5, comparator: 'range' })).toBe('3—5所 (3–5 所)');
  });

  it('escapes Markdown syntax in plan text', () => {
    const plan = parsePlan('一、加强*党建*工作\n1. 推进[试点]建设,覆盖率达到100%。\n');
    const md = planToMarkdown(plan);
    expect(md).toContain('## 一、加强\\*党建\\*工作');
    expect(md).toContain('\\[试点]');
    expect(md).toContain('_目标：_ 达到100% (≥ 100 %)');
    expect(planToMarkdown(plan, { lang: 'en' })).toContain('_Targets:_ 达到100% (≥ 100 %)');
  });
});
