// Text → lines: line breaks, invisible characters, spaces and the folded form.
import { describe, expect, it } from 'vitest';
import { cleanLine, fold, normalise } from '../src/normalise.js';

describe('normalise', () => {
  it('splits on LF, CRLF and CR alike, numbering lines from 1', () => {
    for (const text of ['一、甲\n1.乙\n', '一、甲\r\n1.乙\r\n', '一、甲\r1.乙\r', '一、甲\r\n1.乙']) {
      expect(normalise(text).map((l) => `${l.no}:${l.text}`)).toEqual(['1:一、甲', '2:1.乙']);
    }
    expect(normalise('a\r\rb').map((l) => l.no)).toEqual([1, 2, 3]);
  });

  it('removes zero-width characters, BOM and soft hyphens', () => {
    expect(cleanLine('\ufeff一、加强\u200b党的\u200c建\u200d设\u2060\u00ad')).toBe('一、加强党的建设');
  });

  it('folds NBSP, U+3000, tabs and runs of spaces to one space and trims', () => {
    expect(cleanLine('\u3000\u30001.\u00a0\u00a0加强\t\t管理  工作\u3000')).toBe('1. 加强 管理 工作');
  });

  it('marks filler lines (only spaces or invisible characters) but not empty lines', () => {
    const lines = normalise('一、甲\n\n\u00a0\u00a0\n\u200b\u3000\n\t\n');
    expect(lines.map((l) => [l.no, l.text, l.filler ?? false])).toEqual([
      [1, '一、甲', false],
      [2, '', false],
      [3, '', true],
      [4, '', true],
      [5, '', true],
    ]);
  });

  it('keeps the text as written and folds full-width ASCII in fold, same length', () => {
    const [line] = normalise('１２．推进ＳＴＥＡＭ教育（１）覆盖率达到５０％，“双减”。');
    expect(line!.text).toBe('１２．推进ＳＴＥＡＭ教育（１）覆盖率达到５０％，“双减”。');
    expect(line!.fold).toBe('12.推进STEAM教育(1)覆盖率达到50%,“双减”。');
    expect(line!.fold.length).toBe(line!.text.length);
  });

  it('folds the whole full-width ASCII block and nothing else', () => {
    expect(fold('！～ＡＺａｚ０９＃')).toBe('!~AZaz09#');
    // Chinese punctuation outside the block stays: 。、“”《》【】
    expect(fold('。、“”《》【】')).toBe('。、“”《》【】');
  });

  it('drops only the newline that ends the text', () => {
    expect(normalise('甲\n\n').map((l) => l.text)).toEqual(['甲', '']);
    expect(normalise('')).toHaveLength(1);
  });
});
