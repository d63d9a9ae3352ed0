// GitHub places an annotation by the file's path from the repository root,
// which is the job's working directory: `check` and `validate` with
// --reporter github name files so (as source.path does) even when the
// operand is absolute or ./-prefixed (an absolute path annotated nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt, runCli } from './helpers.js';

const SEED = 'fixtures/seeds/003_9a040ce8da5fbe95.txt';
let work: string;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-github-'));
  writeFileSync(join(work, 'bad.json'), '{"schemaVersion":"1.0.0"}');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const files = (stdout: string) => [...new Set(stdout.split('\n').filter(Boolean).map((l) => /file=([^,:]+)/.exec(l)?.[1]))];

describe('--reporter github names files from the working directory', () => {
  it('check: an absolute and a ./ operand give the repository path', async () => {
    for (const operand of [join(ROOT, SEED), `./${SEED}`]) {
      const r = await runCli(['check', operand, '--reporter', 'github', '--fail-on', 'warning']);
      expect(files(r.stdout), operand).toEqual([SEED]);
    }
    // the text reporter keeps the path as typed
    const text = await runCli(['check', `./${SEED}`, '--fail-on', 'warning']);
    expect(text.stdout.split('\n')[0]).toMatch(new RegExp(`^\\./${SEED.replace(/\./g, '\\.')}:\\d+: warning`));
  });

  it('validate: the same', async () => {
    const r = await runCli(['validate', join(work, 'bad.json'), '--reporter', 'github'], { cwd: work });
    expect(files(r.stdout)).toEqual(['bad.json']);
  });
});
