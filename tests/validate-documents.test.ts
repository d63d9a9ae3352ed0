// `planparse validate` on JSON Lines counts and names documents, not files:
// each problem carries its document's line, and the summary says how many
// documents were valid (the new-user trial read "1 file validated: 0 valid,
// 1 invalid" for a 50-document export with one bad line).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { ROOT, ensureBuilt, fixture, listFixtures, runCli } from './helpers.js';
import { parsePlan } from '../src/parse.js';
import { linesVerdict, looksLikeJsonLines, validateSummary } from '../src/cli/validate.js';

const SEEDS = listFixtures('seeds');
let work: string;
let good: string[];

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'planparse-validate-docs-'));
  good = SEEDS.map((s) => JSON.stringify(parsePlan(fixture(`seeds/${s}`), { path: `seeds/${s}` })));
  const bad = [...good];
  bad[1] = bad[1]!.replace(/"year":(\d+)/, '"year":"$1"');
  bad[3] = '{"schemaVersion":';
  writeFileSync(join(work, 'bad.jsonl'), bad.join('\n') + '\n');
  writeFileSync(join(work, 'good.jsonl'), good.join('\n') + '\n');
  writeFileSync(join(work, 'one.json'), good[0]!);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('validate counts JSON Lines documents', () => {
  it('names each bad document by its line and counts documents in the summary', async () => {
    const r = await runCli(['validate', 'bad.jsonl', 'good.jsonl', 'one.json'], { cwd: work });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => l.split(': error')[0])).toEqual(['bad.jsonl:2', 'bad.jsonl:4']);
    const total = 2 * SEEDS.length + 1;
    expect(r.stderr).toMatch(new RegExp(`^planparse: ${total} documents in 3 files validated: ${total - 2} valid, 2 invalid; 2 problems; `));
  });

  it('the JSON report gives each file its documents, and the summary documents beside files', async () => {
    const r = await runCli(['validate', 'bad.jsonl', 'one.json', '--reporter', 'json'], { cwd: work });
    const report = JSON.parse(r.stdout) as { files: { path: string; documents: number; invalidDocuments: number; findings: { line: number }[] }[]; summary: Record<string, number> };
    expect(report.files.map((f) => [f.path, f.documents, f.invalidDocuments, f.findings.map((x) => x.line)])).toEqual([
      ['bad.jsonl', SEEDS.length, 2, [2, 4]],
      ['one.json', 1, 0, []],
    ]);
    expect(report.summary).toEqual({ files: 2, valid: 1, invalid: 1, problems: 2, documents: SEEDS.length + 1, validDocuments: SEEDS.length - 1, invalidDocuments: 2 });
  });

  it('JSON Lines piped to validate - are read as documents, one per line', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), 'validate', '-'], { input: good.join('\n') + '\n', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^planparse: ${SEEDS.length} documents in 1 file validated: ${SEEDS.length} valid, 0 invalid; 0 problems`));
    // One indented document piped in is still one document.
    const pretty = JSON.stringify(JSON.parse(good[0]!), null, 2);
    const one = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), 'validate', '-'], { input: pretty, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect([one.status, one.stderr.replace(/; [\d.]+ m?s\n$/, '')]).toEqual([0, 'planparse: 1 file validated: 1 valid, 0 invalid; 0 problems']);
  });

  it('a file of plain .json documents keeps the per-file summary', async () => {
    const r = await runCli(['validate', 'one.json'], { cwd: work });
    expect(r.stderr).toMatch(/^planparse: 1 file validated: 1 valid, 0 invalid; 0 problems; /);
  });
});

describe('the pieces', () => {
  it('linesVerdict counts documents, skips blank lines and keeps line numbers', async () => {
    const v = await linesVerdict('x.jsonl', [good[0]!, '', '{"a":1}', '  ', good[1]!]);
    expect([v.documents, v.invalid]).toEqual([3, 1]);
    expect(v.findings.length).toBeGreaterThan(0);
    expect(new Set(v.findings.map((f) => f.line))).toEqual(new Set([3]));
  });

  it('looksLikeJsonLines: several lines whose first is a whole object; not an indented document', () => {
    expect(looksLikeJsonLines('{"a":1}\n{"a":2}\n')).toBe(true);
    expect(looksLikeJsonLines('{\n  "a": 1\n}\n')).toBe(false);
    expect(looksLikeJsonLines('{"a":1}\n')).toBe(false);
    expect(looksLikeJsonLines('[1]\n[2]\n')).toBe(false);
  });

  it('validateSummary says files, or documents when a file held several', () => {
    const plain = new Chalk({ level: 0 });
    const base = { files: 2, invalidFiles: 1, unreadable: 1, documents: 40, invalidDocuments: 0, problems: 0 };
    expect(validateSummary({ ...base, jsonLines: false }, plain)).toBe('2 files validated: 1 valid, 1 invalid; 0 problems');
    expect(validateSummary({ ...base, jsonLines: true }, plain)).toBe('40 documents in 2 files validated: 40 valid, 0 invalid, 1 file unreadable; 0 problems');
  });
});

describe('a JSON Lines record that is not JSON', () => {
  it('says where in its line, counting columns from 1', async () => {
    const v = await linesVerdict('x.jsonl', ['{"broken']);
    expect(v.findings.map((f) => [f.line, f.message])).toEqual([[1, 'not valid JSON: Unterminated string in JSON at column 9']]);
  });
});

describe('validate - with nothing on standard input', () => {
  it('says standard input is empty, not "empty file"', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/planparse.js'), 'validate', '-'], { input: '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect([r.status, r.stdout]).toEqual([1, '<stdin>: error json-syntax standard input is empty, expected a JSON document or JSON Lines\n']);
  });
});

describe('unknown properties beside other problems', () => {
  it('are reported with them, read against the schema (not only when the rest is valid)', async () => {
    const { documentProblems } = await import('../src/cli/validate.js');
    const { parsePlan } = await import('../src/parse.js');
    const doc = JSON.parse(JSON.stringify(parsePlan('2024年工作要点\n1.新建学校3所。\n'))) as Record<string, unknown> & { meta: Record<string, unknown>; items: Array<Record<string, unknown>> };
    doc.meta.year = 'x';
    doc.extra = 1;
    doc.items[0]!.foo = 2;
    const messages = documentProblems('a.json', JSON.stringify(doc), null).map((f) => f.message);
    expect(messages).toEqual([
      '$.meta.year: the string "x"; allowed: a whole number, or null',
      '$.items[0].foo: unknown property (the schema allows no additional properties)',
      '$.extra: unknown property (the schema allows no additional properties)',
    ]);
  });
});

describe('an empty JSON Lines file', () => {
  it('is an error, as an empty .json is', async () => {
    const { linesVerdict } = await import('../src/cli/validate.js');
    const verdict = await linesVerdict('empty.jsonl', ['', '']);
    expect(verdict.documents).toBe(0);
    expect(verdict.findings.map((f) => f.message)).toEqual(['empty file, expected JSON Lines (one document per line)']);
  });
});
