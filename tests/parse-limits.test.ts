// Limits of reading: GBK whose bytes are also valid UTF-8, a close call
// between the two, UTF-16 with a lone surrogate, numbers too long for a
// double, and Markdown nested past what remark can take.
import { describe, expect, it } from 'vitest';
import { decode } from '../src/decode.js';
import { InputError } from '../src/errors.js';
import { parsePlanBytes } from '../src/read.js';
import { parsePlan } from '../src/parse.js';
import { Plan } from '../src/schema.js';
import { allItems } from './helpers.js';

/** A GBK encoder made from the GB18030 decoder: every two-byte code, decoded once. */
const GBK = (() => {
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a character
      }
    }
  }
  return (text: string) =>
    new Uint8Array(
      [...text].flatMap((ch) => {
        if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
        const b = map.get(ch);
        if (!b) throw new Error(`no GBK code for ${ch}`);
        return b;
      }),
    );
})();

const isUtf8 = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

/** Everyday characters (GB2312 level 1) whose GBK bytes are a two-byte UTF-8 sequence too (lead C2–D7, trail A1–BF). */
const TWIN: string[] = (() => {
  const out: string[] = [];
  const d = new TextDecoder('gb18030');
  for (let lead = 0xc2; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xbf; trail++) out.push(d.decode(new Uint8Array([lead, trail])));
  return out;
})();

/** A plan-shaped text in those characters only: a title, a section (一 is D2 BB) of numbered items. */
function twinPlan(): string {
  const word = (i: number, n: number) => Array.from({ length: n }, (_, k) => TWIN[(i * 7 + k * 13) % TWIN.length]).join('');
  const lines = [`${word(1, 6)}2024${word(2, 4)}`, '', `一.${word(3, 5)}`, ''];
  for (let i = 1; i <= 6; i++) lines.push(`${i}. ${word(10 + i, 20)}`, '');
  return lines.join('\n');
}

const refusal = (bytes: Uint8Array): string => {
  try {
    decode(bytes);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('decoded without complaint');
};

describe('GBK or UTF-8', () => {
  it('GBK text whose bytes also form valid UTF-8 is read as GBK, not as UTF-8 mojibake', () => {
    const text = twinPlan();
    const bytes = GBK(text);
    expect(isUtf8(bytes)).toBe(true);
    const d = decode(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(text);
    expect(d.doubt).toBeUndefined();
  });

  it('valid GBK whose bytes are mostly UTF-8-shaped is read, not refused as damaged UTF-8', () => {
    // 、 (A1 A2) cannot start UTF-8: the file is not UTF-8, but most of it looks so.
    const text = twinPlan().replace(/\n\n/, '、\n\n');
    const bytes = GBK(text);
    expect(isUtf8(bytes)).toBe(false);
    const d = decode(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(text);
  });

  it('GBK heavy with symbols (① ≥ “” ％ ℃ №) is read, not refused for having too few hanzi', () => {
    const text = '①≥95％；②≤5％；③“双减”；④20℃；⑤№3；⑥Ⅰ类×2；⑦■□▲；\n';
    const bytes = GBK(text);
    const d = decode(bytes);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(text);
  });

  it('a close call is stated in a diagnostic with the encoding chosen', async () => {
    // 一 in GBK, then 中文 in UTF-8: valid both ways, neither reading clean.
    const bytes = new Uint8Array([...GBK('标题\n'.replace('标题', TWIN[0]!)), 0xd2, 0xbb, 0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87, 0x0a]);
    const d = decode(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.doubt).toMatch(/read as UTF-8 and as GB18030/);
    const plan = await parsePlanBytes(bytes, 'x.txt');
    expect(plan.source.encoding).toBe('utf-8');
    expect(plan.diagnostics.map((x) => x.code)).toContain('encoding-uncertain');
  });
});

describe('UTF-16 with a lone surrogate', () => {
  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const text = '某县教育局2024年工作要点\n一、总体要求\n1. 加强党建工作。\n';
  it('with a byte-order mark: the message names the surrogate and where it is', () => {
    const body = utf16le(text);
    const bytes = new Uint8Array([0xff, 0xfe, ...body.slice(0, 10), 0x3d, 0xd8, ...body.slice(10)]);
    expect(refusal(bytes)).toBe('invalid UTF-16LE text after a UTF-16LE byte-order mark: a lone surrogate (U+D83D) at byte 12');
  });

  it('without one: not called binary because of its NUL bytes', () => {
    const body = utf16le(text);
    const bytes = new Uint8Array([...body.slice(0, 10), 0x00, 0xdc, ...body.slice(10)]);
    expect(refusal(bytes)).toBe('invalid UTF-16LE text: a lone surrogate (U+DC00) at byte 10');
  });
});

describe('numbers too long to be exact', () => {
  it('a 30-digit amount is reported with its line, the value not rounded silently', async () => {
    const text = '某县教育局2024年工作要点\n\n一、总体目标\n\n1. 投入资金123456789012345678901234567890元，覆盖率达到95%。\n';
    const plan = await parsePlanBytes(new TextEncoder().encode(text), 'n.txt');
    const inexact = plan.diagnostics.filter((d) => d.code === 'number-inexact');
    expect(inexact.map((d) => d.line)).toEqual([5]);
    expect(inexact[0]!.message).toMatch(/has 30 digits/);
    // 95% is exact: no diagnostic for it.
    expect(plan.diagnostics.filter((d) => d.code === 'number-inexact')).toHaveLength(1);
  });
});

describe('Markdown nested past remark', () => {
  const plan = (md: string) => parsePlanBytes(new TextEncoder().encode(md), 'deep.md');
  const head = '# 某县教育局2024年工作要点\n\n## 一、总体要求\n\n1. 加强党建工作。\n2. 推进教育公平。\n\n';

  it.each([
    ['5,000 nested quotes', '>'.repeat(5000) + ' 深\n'],
    ['4,000 lists nested on one line', '- '.repeat(4000) + '深\n'],
    ['1,000 lists nested by indentation', Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- 深').join('\n') + '\n'],
    ['16,000 alternating emphasis markers', '*_'.repeat(16000) + '深\n'],
    ['16,000 open brackets', '['.repeat(16000) + '深\n'],
  ])('%s: read as text with a diagnostic, the outline before it kept', async (_name, tail) => {
    const p = await plan(head + tail);
    expect(Plan.safeParse(p).success).toBe(true);
    expect(p.source.format).toBe('markdown');
    expect(p.diagnostics.map((d) => d.code)).toContain('markdown-too-deep');
    expect(p.sections.map((s) => s.heading)).toEqual(['总体要求']);
    expect(allItems(p).map((it) => it.number)).toEqual([1, 2]);
  }, 60_000);

  it('ordinary nesting is parsed as Markdown, with no diagnostic', async () => {
    const p = await plan(head + '> > 引用\n\n- a\n  - b\n    - c\n');
    expect(p.diagnostics.map((d) => d.code)).not.toContain('markdown-too-deep');
  });
});

describe('more than 999 items', () => {
  const plan = (lines: string[]) => parsePlan(lines.join('\n'));
  const numbered = (n: number, sep = '. ') => Array.from({ length: n }, (_, i) => `${i + 1}${sep}推进第${i + 1}项工作。`);

  it('items 1000 and on are numbered as written, each on its own line', () => {
    const p = plan(['2024年工作要点', ...numbered(1005)]);
    expect(p.items.map((i) => i.number)).toEqual(Array.from({ length: 1005 }, (_, i) => i + 1));
    expect(p.items[999]).toMatchObject({ number: 1000, marker: '1000.', title: '推进第1000项工作', inferred: false });
    expect(p.diagnostics.filter((d) => d.code.startsWith('item-'))).toEqual([]);
  });

  it('and in a page flattened onto one line', () => {
    const p = parsePlan('2024年工作要点 ' + numbered(1002, '、').join(''));
    expect(p.items).toHaveLength(1002);
    expect(p.items.at(-1)).toMatchObject({ number: 1002, marker: '1002、', text: '推进第1002项工作。' });
  });

  it('a year opening a line is not an item, even far into a long list', () => {
    const p = plan(['2024年工作要点', ...numbered(999), '2024、2025年连续两年开展专项行动。', '1000. 最后一项。']);
    expect(p.items).toHaveLength(1000);
    expect(p.items[998]).toMatchObject({ number: 999, text: expect.stringMatching(/^推进第999项工作。\s*2024、2025年连续两年开展专项行动。$/) });
    expect(p.items[999]).toMatchObject({ number: 1000, text: '最后一项。' });
  });
});
