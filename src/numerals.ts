// Numbers as plans write them → JavaScript numbers: Chinese numerals (十二,
// 一百零五, 两千, 三万五千, 九十五点五), Arabic digits with full-width forms,
// thousands separators and decimals (1,200, ３．５), magnitude words after
// digits (1.5万, 3千, 2000万) and 百分之 percentages.
//
// Written here rather than taken from npm: the converters there are either
// unmaintained or miss forms plans use (两, 〇, 点 decimals, 1.5万), and the
// table is small enough to test completely.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億点';

/** Magnitude words written after digits (1.5万, 2000万, 3千, 1.2亿), as powers of ten. */
export const MAGNITUDE_EXPONENT: Readonly<Record<string, number>> = { 百: 2, 千: 3, 万: 4, 十万: 5, 百万: 6, 千万: 7, 亿: 8, 万亿: 12 };

export function isChineseDigit(ch: string): boolean {
  return ch in DIGITS;
}

function integerPart(s: string): number | null {
  if (s === '') return null;
  // Digit-by-digit form: 二〇二四, 一五
  if (s.length > 1 && [...s].every((ch) => ch in DIGITS)) {
    return Number([...s].map((ch) => DIGITS[ch]).join(''));
  }
  let yi = 0; // finished 亿 part
  let wan = 0; // finished 万 part below 亿
  let group = 0; // current part below 万
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      // two digits in a row outside the digit-by-digit form (三五千) are not a numeral
      if (digit !== null && digit !== 0 && DIGITS[ch] !== 0) return null;
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      group += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch in BIG_UNITS) {
      const below = group + (digit ?? 0);
      if (BIG_UNITS[ch] === 1e8) {
        if (yi + wan + below === 0) return null;
        yi = (yi + wan + below) * 1e8;
        wan = 0;
      } else {
        if (below === 0) return null;
        wan = below * 1e4;
      }
      group = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return yi + wan + group + (digit ?? 0);
}

/**
 * Convert a Chinese numeral: 十二 → 12, 一百零五 → 105, 两千 → 2000,
 * 三万五千 → 35000, 九十五点五 → 95.5, 二〇二四 → 2024. Null if not a numeral.
 */
export function chineseToNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const int = integerPart(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (int === null || frac === '' || ![...frac].every((ch) => ch in DIGITS)) return null;
    return Number(`${int}.${[...frac].map((ch) => DIGITS[ch]).join('')}`);
  }
  return integerPart(s);
}

/** Full-width digits and separators folded to ASCII (０-９ ． ， ％). */
function foldDigits(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e\uff0c\uff05]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Arabic digits: 1,200 → 1200, ３．５ → 3.5, 95 → 95. Null for anything else (2.0.1, 1,20). */
export function arabicToNumber(text: string): number | null {
  const s = foldDigits(text.trim());
  if (!ARABIC.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}

/**
 * Multiply by a power of ten through the decimal string, so 0.35万 is 3500
 * and not 3500.0000000000005.
 */
export function scaleByPowerOfTen(value: number, exponent: number): number {
  return exponent === 0 ? value : Number(`${value}e${exponent}`);
}

/**
 * Any number a plan writes: Arabic or Chinese, with a trailing magnitude word
 * (1.5万 → 15000, 2000万 → 20000000, 3千 → 3000) or as a 百分之 percentage
 * (百分之九十五点五 → 95.5, the percentage points). Null if `text` is not one
 * number.
 */
export function parseNumber(text: string): number | null {
  const s = foldDigits(text.trim());
  if (s.startsWith('百分之')) {
    const rest = s.slice(3);
    if (rest === '百') return 100;
    return arabicToNumber(rest) ?? chineseToNumber(rest);
  }
  const m = /^([\d.,]+)(百|千|十万|百万|千万|万|亿)?$/.exec(s);
  if (m) {
    const n = arabicToNumber(m[1]!);
    return n === null ? null : scaleByPowerOfTen(n, m[2] ? MAGNITUDE_EXPONENT[m[2]]! : 0);
  }
  return chineseToNumber(s);
}
