// Mirror-site debris: pinyin glosses and reading notes cut from words, kept for the audit.
import { describe, expect, it } from 'vitest';
import { columnBeforeDebris, removeDebris } from '../src/debris.js';
import { parsePlan } from '../src/parse.js';
import { allItems } from './helpers.js';

describe('removeDebris', () => {
  it.each([
    ['工(gōng)作(zuò)计划', '工作计划', ['(gōng)', '(zuò)']],
    ['幼儿園[繁体:園]建设', '幼儿園建设', ['[繁体:園]']],
    ['加强学(繁:學)校管理', '加强学校管理', ['(繁:學)']],
    ['中{拼音:zhōng}小学', '中小学', ['{拼音:zhōng}']],
    ['二(读:èr)、工作目标', '二、工作目标', ['(读:èr)']],
    ['小學（xué）德育', '小學德育', ['（xué）']],
  ])('%s → %s', (input, text, pieces) => {
    const out = removeDebris(input);
    expect(out.text).toBe(text);
    expect(out.debris.map((d) => d.text)).toEqual(pieces);
    for (const d of out.debris) expect(input.slice(d.col, d.col + d.text.length)).toBe(d.text);
  });

  it.each(['推进人工智能(AI)教育', '实施PPP(ppp)项目', '建成3所(含2所新建)学校', '按照(试行)办法', '学生(a)组'])('leaves %s alone', (input) => {
    expect(removeDebris(input)).toEqual({ text: input, debris: [] });
  });

  it('maps a column of the cleaned text back to the line', () => {
    const { text, debris } = removeDebris('工(gōng)作(zuò)计划');
    expect(text.indexOf('计')).toBe(2);
    expect(columnBeforeDebris(debris, 2)).toBe('工(gōng)作(zuò)计划'.indexOf('计'));
    expect(columnBeforeDebris(debris, 0)).toBe(0);
  });
});

describe('debris in a plan', () => {
  it('is cut from the outline (a marker with a gloss still opens its section) and listed with line and column', () => {
    const plan = parsePlan('某校2024年工(gōng)作(zuò)计划\n一、指导思想\n坚持立德树人。\n二(读:èr)、工作目标\n1.加强学(繁:學)校管理。\n');
    expect(plan.meta.title).toBe('某校2024年工作计划');
    expect(plan.sections.map((s) => s.heading)).toEqual(['指导思想', '工作目标']);
    expect(allItems(plan)[0]!.text).toBe('加强学校管理。');
    expect(plan.debris).toEqual([
      { line: 1, column: 9, text: '(gōng)' },
      { line: 1, column: 16, text: '(zuò)' },
      { line: 4, column: 2, text: '(读:èr)' },
      { line: 5, column: 6, text: '(繁:學)' },
    ]);
  });
});
