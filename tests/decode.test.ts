// Bytes → text: encodings detected from the bytes (fixtures/encodings/, made
// once with iconv and Buffer), never assumed; binary input refused in one line.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../src/decode.js';
import { InputError } from '../src/errors.js';
import { parsePlanFile } from '../src/read.js';
import { FIXTURES, accountingProblems, allItems } from './helpers.js';

const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'encodings', name)));
const UTF8 = readFileSync(join(FIXTURES, 'encodings', 'utf8.txt'), 'utf8');

const refusal = (b: Uint8Array): InputError => {
  try {
    decode(b);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('decoded without complaint');
};

describe('decode', () => {
  it.each([
    ['utf8.txt', 'utf-8'],
    ['utf8-bom.txt', 'utf-8-bom'],
    ['utf16le.txt', 'utf-16le'],
    ['utf16be.txt', 'utf-16be'],
    ['utf16le-nobom.txt', 'utf-16le'],
    ['gbk.txt', 'gb18030'],
  ])('%s decodes to the same text, recorded as %s', (name, encoding) => {
    const d = decode(bytes(name));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(UTF8);
  });

  it('reads GB18030 four-byte characters (𠮷) that GBK lacks', () => {
    const d = decode(bytes('gb18030.txt'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('4.做好𠮷安路小学迁建工作。');
  });

  it('does not assume GBK: ASCII and UTF-8 stay UTF-8', () => {
    expect(decode(new TextEncoder().encode('1. plan text')).encoding).toBe('utf-8');
    expect(decode(new TextEncoder().encode('一、加强党的建设')).encoding).toBe('utf-8');
    expect(decode(new Uint8Array()).text).toBe('');
  });

  it('refuses a PNG, NUL bytes and text in no known encoding with a one-line message', () => {
    const png = refusal(bytes('png.txt'));
    expect([png.code, png.message]).toEqual(['binary', 'binary file (PNG image), not a plan text']);
    expect(refusal(bytes('nul.txt')).code).toBe('binary');
    const bad = refusal(bytes('undecodable.txt'));
    expect(bad.code).toBe('bad-encoding');
    // Latin-1 is neither UTF-8 nor GB18030
    expect(refusal(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9])).code).toBe('bad-encoding');
    for (const e of [png, bad]) expect(e.message).not.toMatch(/\n/);
  });

  it('refuses damaged UTF-8 instead of reading it as GBK mojibake', () => {
    // A UTF-8 plan with bytes dropped or overwritten: GB18030 could decode some
    // such byte runs, but text that is mostly well-formed UTF-8 is UTF-8.
    const utf8 = bytes('utf8.txt');
    const cut = new Uint8Array([...utf8.subarray(0, 100), ...utf8.subarray(101)]);
    expect(refusal(cut).code).toBe('bad-encoding');
    // 一二三… without its first byte is valid GB18030 (竴浜屼笁涓€…) but damaged UTF-8
    const mojibake = new TextEncoder().encode('一二三'.repeat(4)).subarray(1);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(mojibake).slice(0, 4)).toBe('竴浜屼笁');
    expect(refusal(mojibake).code).toBe('bad-encoding');
  });

  it('refuses a broken UTF-16 text after its byte-order mark', () => {
    // a lone high surrogate
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])).code).toBe('bad-utf16');
  });
});

describe('parsePlanFile on every encoding', () => {
  it.each(['utf8.txt', 'utf8-bom.txt', 'utf16le.txt', 'utf16be.txt', 'utf16le-nobom.txt', 'gbk.txt', 'crlf.txt', 'cr.txt'])('%s gives the same outline and line ranges', async (name) => {
    const plan = await parsePlanFile(join(FIXTURES, 'encodings', name));
    expect(plan.source.bytes).toBe(bytes(name).length);
    expect(plan.source.lines).toBe(13);
    expect(plan.sections.map((s) => `${s.number}${s.heading}@${s.lines.start}`)).toEqual(['1加强党的建设@3', '2办好人民满意的教育@9']);
    expect(allItems(plan).map((i) => `${i.number}@${i.lines.start}-${i.lines.end}`)).toEqual(['1@5-5', '2@7-7', '3@11-11']);
    expect(allItems(plan)[0]!.text).toBe('深入学习贯彻党的二十大精神。落实“第一议题”制度，推动理论学习常态化。');
    expect(plan.closing.map((p) => p.lines.start)).toEqual([13]);
    expect(accountingProblems(plan, UTF8)).toEqual([]);
  });

  it('records the encoding in source.encoding', async () => {
    expect((await parsePlanFile(join(FIXTURES, 'encodings', 'gbk.txt'))).source.encoding).toBe('gb18030');
    expect((await parsePlanFile(join(FIXTURES, 'encodings', 'utf16be.txt'))).source.encoding).toBe('utf-16be');
  });

  it('gives an empty outline with empty-input for an empty or whitespace-only file', async () => {
    for (const name of ['empty.txt', 'whitespace.txt']) {
      const plan = await parsePlanFile(join(FIXTURES, 'encodings', name));
      expect([plan.preamble, plan.sections, plan.items, plan.closing]).toEqual([[], [], [], []]);
      expect(plan.diagnostics.map((d) => d.code)).toEqual(['empty-input']);
    }
  });

  it('rejects a binary file with an InputError', async () => {
    await expect(parsePlanFile(join(FIXTURES, 'encodings', 'png.txt'))).rejects.toThrow(InputError);
    await expect(parsePlanFile(join(FIXTURES, 'encodings', 'no-such-file.txt'))).rejects.toThrow('cannot read file: no such file');
  });
});
