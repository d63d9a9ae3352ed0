// Dates as written in plans and portals → ISO YYYY-MM-DD.
import { chineseToNumber } from './numerals.js';
import { fold } from './normalise.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function iso(y: number, m: number, d: number): string | null {
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const CN_DIGIT = '〇零一二三四五六七八九';
// The zero of a year written in Chinese digits is typed many ways: 〇, 零, the
// circle ○, a Latin O, an Arabic 0 (二○二四年, 二O二四年, 二0二四年).
// (also a small o, the large circle ◯, and the Greek and Cyrillic capital O)
const ZERO_LOOKALIKE = /[○◯OoＯｏ0０ΟО]/g;
/** A year's digit in Chinese, zero look-alikes included (a regex class, for the date patterns). */
export const CN_YEAR_DIGIT = '[〇零○◯OoＯｏ0０ΟО一二三四五六七八九]';

/** 二〇二四 → 2024 (digit by digit, as years are written; 二○二四 and 二O二四 too). */
export function chineseYear(s: string): number | null {
  let out = '';
  for (const ch of s.replace(ZERO_LOOKALIKE, '〇')) {
    const i = CN_DIGIT.indexOf(ch);
    if (i < 0) return null;
    out += String(i === 0 ? 0 : i - 1);
  }
  return out.length === 4 ? Number(out) : null;
}

// 2023年3月9日, 2023-03-09, 2023.3.9, 2023/3/9, 2023年03月09日 08:29, 二〇二三年三月九日
const NUMERIC = /(\d{4})\s*(?:年|-|\.|\/|－|．)\s*(\d{1,2})\s*(?:月|-|\.|\/|－|．)\s*(\d{1,2})\s*日?/;
const CHINESE = new RegExp(`(${CN_YEAR_DIGIT}{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日`);

// At least one Chinese digit: 2024年 stays as written.
const CHINESE_YEAR = new RegExp(`(?=${CN_YEAR_DIGIT}{0,3}[〇零○一二三四五六七八九])${CN_YEAR_DIGIT}{4}(?=\\s*年)`, 'g');

/** A year written in Chinese numerals as digits: 二〇二四年 → 2024年 (anything else unchanged). */
export function arabicYears(text: string): string {
  return text.replace(CHINESE_YEAR, (y) => String(chineseYear(y) ?? y));
}

/** The first certain date in a string, as ISO; null when there is none. */
export function parseDate(written: string): string | null {
  // full-width digits and dashes as ASCII: ２０２４－０３－０５
  const text = fold(written);
  const m = NUMERIC.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = CHINESE.exec(text);
  if (c) {
    const y = chineseYear(c[1]!);
    const mo = chineseToNumber(c[2]!);
    const d = chineseToNumber(c[3]!);
    if (y !== null && mo !== null && d !== null) return iso(y, mo, d);
  }
  return null;
}

/**
 * Readings of a date whose separators were lost (2021116 → 2021-01-16 or
 * 2021-11-06). Returns every valid reading; the caller decides which are possible.
 */
export function garbledDateReadings(text: string): string[] {
  const m = /^(\d{4})(\d{2,4})$/.exec(text.trim());
  if (!m) return [];
  const y = Number(m[1]);
  const rest = m[2]!;
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    const mo = rest.slice(0, cut);
    const d = rest.slice(cut);
    if (mo.length > 2 || d.length > 2) continue;
    const r = iso(y, Number(mo), Number(d));
    if (r) readings.add(r);
  }
  return [...readings];
}
