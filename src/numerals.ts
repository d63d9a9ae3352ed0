// Chinese numerals → numbers. Written here: the npm converters either pull in
// large dictionaries or do not handle 两 / 〇 / 点 the way plans write them.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億点';

function integerPart(s: string): number | null {
  if (s === '') return null;
  // Digit-by-digit form: 二〇二四, 一五
  if ([...s].every((ch) => ch in DIGITS) && s.length > 1) {
    return Number([...s].map((ch) => DIGITS[ch]).join(''));
  }
  let yi = 0; // finished 亿 part
  let wan = 0; // finished 万 part below 亿
  let group = 0; // current part below 万
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
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
