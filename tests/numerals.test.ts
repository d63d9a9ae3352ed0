// Numeral conversion, table-driven: every form a plan writes numbers in.
import { describe, expect, it } from 'vitest';
import { arabicToNumber, chineseToNumber, parseNumber, scaleByPowerOfTen } from '../src/numerals.js';

describe('parseNumber', () => {
  it.each([
    // Chinese numerals
    ['十二', 12],
    ['二十八', 28],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万五千', 35000],
    ['十', 10],
    ['一千零一十', 1010],
    ['十万', 100000],
    ['一亿两千万', 120000000],
    ['两', 2],
    ['〇', 0],
    ['九十五点五', 95.5],
    // percentages in words give the percentage points
    ['百分之六十六', 66],
    ['百分之九十五点五', 95.5],
    ['百分之百', 100],
    ['百分之95', 95],
    // Arabic, full-width, separators, decimals
    ['1.5万', 15000],
    ['３．５', 3.5],
    ['1,200', 1200],
    ['１２００', 1200],
    ['12,345,678', 12345678],
    ['0.5', 0.5],
    // magnitude words after digits
    ['2000万', 20000000],
    ['3千', 3000],
    ['1.2亿', 120000000],
    ['0.35万', 3500],
    ['1.1亿', 110000000],
    ['4.5百万', 4500000],
  ])('%s → %d', (written, value) => {
    expect(parseNumber(written)).toBe(value);
  });

  it.each(['', '万', '亿', '百分之', '1,20', '1.2.3', 'abc', '三五千', '两x'])('%j is not a number', (written) => {
    expect(parseNumber(written)).toBeNull();
  });
});

describe('chineseToNumber', () => {
  it.each([
    ['二〇二四', 2024],
    ['一五', 15],
    ['壹佰零伍', 105],
    ['五十', 50],
    ['二十一', 21],
  ])('%s → %d', (written, value) => {
    expect(chineseToNumber(written)).toBe(value);
  });

  it('rejects a decimal point with nothing after it', () => {
    expect(chineseToNumber('九十五点')).toBeNull();
  });
});

describe('arabicToNumber', () => {
  it('rejects badly grouped thousands (1,20) and versions (2.0.1)', () => {
    expect(arabicToNumber('1,20')).toBeNull();
    expect(arabicToNumber('2.0.1')).toBeNull();
    expect(arabicToNumber('1234,567')).toBeNull();
  });

  it('reads full-width separators', () => {
    expect(arabicToNumber('１，２００')).toBe(1200);
  });
});

describe('scaleByPowerOfTen', () => {
  it('is exact where a float multiplication is not', () => {
    expect(1.1 * 1e8).not.toBe(110000000);
    expect(scaleByPowerOfTen(1.1, 8)).toBe(110000000);
    expect(scaleByPowerOfTen(0.07, 2)).toBe(7);
    expect(scaleByPowerOfTen(0.57, 2)).toBe(57);
  });
});
