// Guard against super-linear work (regex backtracking, quadratic scans) on
// hostile input: a scraped page can hold one enormous line. Each case parses
// a generated line of about 1 MB; the parse takes well under a second when
// every stage is linear, and the test's 10 s timeout is the watchdog (no
// timing comparison here: the machine is shared, bench/ measures speed).
// Large outputs are written in slices so that memory stays near the input's.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlan } from '../src/parse.js';
import { SLICE_CHARS, textSlices } from '../src/cli/io.js';
import { writeFileAtomic } from '../src/cli/write.js';
import { targetRows } from '../src/cli/targets.js';
import { allItems, allTargets } from './helpers.js';
// The bench's deterministic PRNG (mulberry32), so a failure reproduces.
import { prng } from '../bench/corpus.mjs';

const MB = 1 << 20;
const WATCHDOG = { timeout: 10_000 };


// Pieces that the stages' patterns react to: digits and separators, Chinese
// numerals, units and comparators, quotes and brackets, markers, labels,
// breadcrumb arrows, widget words, odd spaces.
const PIECES = [
  '1', '2', '0', '.', '5', ',', '%', '％', '一', '二', '十', '百', '万', '点', '是', '、', '，', '。', '；', '：', ':', ' ',
  '>', '»', '“', '”', '"', '《', '》', '(', ')', '（', '）', '【', '】', '第', '年', '月', '日', '号', '〔', '〕', '个', '所',
  '人次', '小时', '不低于', '达到', '提升至', '至', '—', '-', '~', '以上', '左右', '每', '天', '首页', '您', '|', '　', '\u00a0',
  '①', '(1)', '1.', '一、', '(一)', '发文字号', '索引号', '成文日期', '教育', '学校', '工作要点', '扫一扫', 'a', 'Z', '元', '岁',
];

function soup(seed: number, length: number): string {
  const rand = prng(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    const p = PIECES[Math.floor(rand() * PIECES.length)]!;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));

describe('a 1 MB line parses (linear stages)', WATCHDOG, () => {
  it.each([1, 2, 3])('random soup of pattern pieces, seed %i', (seed) => {
    const line = soup(seed, MB);
    const plan = parsePlan(line);
    expect(plan.source.lines).toBe(1);
    expect(plan.source.bytes).toBe(Buffer.byteLength(line));
  });

  it.each([
    ['digits', '1'],
    ['digits and dots', '1.'],
    ['Chinese numerals', '一二三四五六七八九十百千万'],
    ['spaced arrows', ' >'],
    ['open quotes', '“'],
    ['open brackets', '(（【《'],
    ['enumeration commas', '、'],
    ['numbered points', '(1)'],
    ['one-是 points', '，一是'],
    ['label colons', '索引号:'],
    ['percent signs', '5%'],
    ['ideographic spaces', '　a'],
    ['section markers with no space', '一、加强教育'],
    ['headings run into a sentence', '一、加强教育 推进改革。'],
    ['bare headings before an item 1', ' 主要目标 1.新建学校'],
    ['glued widget words', '微信微博QQ空间'],
    ['bracketed cells', '【来源：某局】'],
    ['figures after spaces', '责任股室 1 新建 6所'],
  ])('a run of %s', (_name, unit) => {
    const line = fill(unit);
    const plan = parsePlan(line);
    expect(plan.source.lines).toBe(1);
    expect(plan.source.bytes).toBe(Buffer.byteLength(line));
  });

  it.each([
    ['related-list headings, one a line', '相关解读\n'],
    ['numbered related-list headings', '相关文章：\n1.某某\n'],
  ])('1 MB of %s', (_name, unit) => {
    const text = fill(unit);
    const plan = parsePlan(text);
    expect(plan.source.bytes).toBe(Buffer.byteLength(text));
  });

  it('one target sentence repeated: every repetition is one target', () => {
    const sentence = '每天锻炼不低于2小时。';
    const times = Math.ceil(MB / sentence.length);
    const plan = parsePlan('1.' + sentence.repeat(times));
    const items = allItems(plan);
    expect(items).toHaveLength(1);
    const targets = allTargets(plan);
    expect(targets).toHaveLength(times);
    expect(targets[times - 1]).toMatchObject({ value: 2, unit: '小时', comparator: 'gte', text: '不低于2小时' });
  });

  it('a section heading holding a 1 MB body keeps all of it', () => {
    const body = fill('加强教育');
    const plan = parsePlan('一、' + body);
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]!.text.length).toBe(body.length);
  });
});

describe('large outputs are written in slices', () => {
  it('slices never split a surrogate pair and join back to the text', () => {
    const text = 'abc😀def😀😀g';
    for (const size of [1, 2, 3, 4, 5]) {
      const slices = [...textSlices(text, size)];
      expect(slices.join('')).toBe(text);
      for (const s of slices) {
        expect(s.length).toBeGreaterThan(0);
        const last = s.charCodeAt(s.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }
    }
  });

  it('a text over one slice is written whole, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planparse-slices-'));
    try {
      // Odd length so a pair lands on a slice boundary at least once.
      const text = '教育😀'.repeat(Math.ceil((SLICE_CHARS * 2.5) / 4)) + '\n';
      const path = join(dir, 'big.json');
      await writeFileAtomic(path, text);
      expect(readFileSync(path).equals(Buffer.from(text, 'utf8'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('views of a plan with very many targets', () => {
  it('planparse targets lists 300,000 targets of one item (no argument-count limit)', () => {
    const plan = parsePlan('1.每天锻炼不低于2小时。');
    const item = allItems(plan)[0]!;
    const one = item.targets[0]!;
    item.targets = Array.from({ length: 300_000 }, () => one);
    const rows = targetRows(plan, 'plan.txt');
    expect(rows).toHaveLength(300_000);
    expect(rows[299_999]).toMatchObject({ value: 2, unit: '小时' });
  });
});
