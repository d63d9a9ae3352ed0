// `planparse targets`: the built binary on the seeds, as a researcher runs it.
// Builds dist/ once first (npm test also builds).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parsePlanFile } from '../src/read.js';
import { CSV_COLUMNS, csvField, displayWidth } from '../src/cli/targets.js';
import { FIXTURES, ROOT, allTargets, ensureBuilt, listFixtures } from './helpers.js';

const BIN = join(ROOT, 'bin/planparse.js');
const SEEDS = listFixtures('seeds').map((f) => join('fixtures/seeds', f));

function planparse(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length) throw new Error('CSV does not end with CRLF');
  return records;
}

let expected = 0;

beforeAll(async () => {
  ensureBuilt();
  for (const f of SEEDS) expected += allTargets(await parsePlanFile(join(ROOT, f))).length;
  // the build type-checks too: slow on a busy machine
}, 180_000);

describe('planparse targets --format csv', () => {
  it('prints one header line and one row per target, every row with its document and item', () => {
    const r = planparse(['targets', ...SEEDS, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(CSV_COLUMNS.map(([name]) => name));
    expect(expected).toBeGreaterThan(20);
    expect(rows).toHaveLength(expected);
    const col = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      expect(SEEDS).toContain(row[col('file')]);
      expect(row[col('title')]).not.toBe('');
      expect(row[col('issuer')]).not.toBe('');
      // on the seeds every target sits in an item
      expect(['item', 'point']).toContain(row[col('part')]);
      expect(Number(row[col('item')])).toBeGreaterThan(0);
      expect(row[col('item_title')]).not.toBe('');
      expect(row[col('sentence')]).toContain(row[col('text')]);
      // the offset column points at the text inside the sentence
      const at = Number(row[col('sentence_offset')]);
      expect(row[col('sentence')]!.slice(at, at + row[col('text')]!.length)).toBe(row[col('text')]);
    }
    // one row read back in full
    const twoHours = rows.find((row) => row[col('text')] === '不低于2小时')!;
    expect(twoHours[col('file')]).toBe('fixtures/seeds/000_8531c15e99b0f403.txt');
    expect(twoHours[col('year')]).toBe('2025');
    expect(twoHours[col('item')]).toBe('6');
    expect([twoHours[col('value')], twoHours[col('unit')], twoHours[col('comparator')], twoHours[col('kind')], twoHours[col('per')]]).toEqual(['2', '小时', 'gte', 'frequency', '每天']);
    const range = rows.find((row) => row[col('text')] === '3—5个')!;
    expect([range[col('value')], range[col('min')], range[col('max')], range[col('comparator')]]).toEqual(['', '3', '5', 'range']);
    // sections are numbered where the plan has them
    const inSection = rows.find((row) => row[col('text')] === '达到100%')!;
    expect([inSection[col('section')], inSection[col('item')]]).toEqual(['2', '6']);
    expect(inSection[col('section_heading')]).not.toBe('');
  });

  it('is the default format', () => {
    expect(planparse(['targets', SEEDS[0]!]).stdout.split('\r\n')[0]).toBe(CSV_COLUMNS.map(([name]) => name).join(','));
  });

  it('starts with a UTF-8 byte order mark with --bom', () => {
    const r = planparse(['targets', SEEDS[0]!, '--bom']);
    expect(r.stdout.startsWith('\ufefffile,title,')).toBe(true);
    expect(parseCsv(r.stdout.slice(1)).length).toBeGreaterThan(1);
  });

  it('tells apart two targets with the same text in one sentence by sentence_offset', () => {
    const r = planparse(['targets', '-'], '某区教育局2025年工作要点\n1.扩大学位供给。新建幼儿园3所，改扩建幼儿园3所。\n');
    const [header, ...rows] = parseCsv(r.stdout);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => [row[col('text')], row[col('sentence_offset')]])).toEqual([
      ['3所', '5'],
      ['3所', '14'],
    ]);
  });

  it('reads standard input as -', () => {
    const r = planparse(['targets', '-'], readFileSync(join(FIXTURES, 'seeds', '002_5ee358fecd5407df.txt'), 'utf8'));
    const [, ...rows] = parseCsv(r.stdout);
    expect(rows.map((row) => row[0])).toEqual(['<stdin>', '<stdin>', '<stdin>']);
  });

  it('names a bad file on stderr, keeps the other rows and exits 1', () => {
    const r = planparse(['targets', 'fixtures/seeds/no-such-plan.txt', SEEDS[0]!]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^planparse: fixtures\/seeds\/no-such-plan\.txt: .+\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(parseCsv(r.stdout).length).toBeGreaterThan(1);
  });

  it('refuses --bom for another format (usage error, exit 2)', () => {
    const r = planparse(['targets', SEEDS[0]!, '--format', 'jsonl', '--bom']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('planparse targets --format jsonl', () => {
  it('prints one JSON object per target', () => {
    const r = planparse(['targets', ...SEEDS, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(expected);
    expect(rows.find((row) => row.text === '提升至66%')).toMatchObject({ value: 66, unit: '%', comparator: 'gte', kind: 'percent', item: 8, year: 2025, min: null });
  });
});

describe('planparse targets --format table', () => {
  it('shows each document with its targets, no colour when piped', () => {
    const r = planparse(['targets', ...SEEDS, '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain('白城市2024年教育工作要点');
    expect(r.stdout).toContain('至少建设1个');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe(`${expected} targets in ${SEEDS.length} files`);
  });
});

describe('CSV and table helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [2.5, '2.5'],
  ])('csvField(%j) → %j', (v, want) => {
    expect(csvField(v)).toBe(want);
  });

  it('counts CJK characters as two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('不低于2小时')).toBe(11);
  });
});
