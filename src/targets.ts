// Stage 7: quantitative targets — a number with a measuring unit that commits
// the plan to an amount (spec section 3).
import type { Comparator, Target, TargetKind } from './schema.js';
import { chineseToNumber } from './numerals.js';

export type FoundTarget = Omit<Target, 'sentence' | 'line'> & { offset: number };

// Measure words, longest first so 人次 wins over 人 and 平方米 over 米.
const UNITS = [
  '个百分点', '平方公里', '平方米', '万平方米', '课时', '学时', '小时', '分钟', '人次', '学年', '学期',
  '所', '个', '家', '项', '人', '名', '节', '次', '场', '天', '周', '班', '岁', '元', '亩', '张', '套', '台',
  '册', '篇', '支', '批', '门', '期', '类', '件', '座', '间', '本', '部', '份', '位', '户', '条', '处', '届', '年',
  '%',
].sort((a, b) => b.length - a.length);

const KIND: Record<string, TargetKind> = {
  '%': 'percent', 个百分点: 'change', 课时: 'duration', 学时: 'duration', 小时: 'duration', 分钟: 'duration',
  天: 'duration', 周: 'duration', 岁: 'age', 元: 'money', 平方米: 'area', 万平方米: 'area', 平方公里: 'area', 亩: 'area',
};

const NUM = String.raw`(?:\d+(?:,\d{3})*(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?)`;
const MAG = String.raw`(?:万|亿|千)?`;
const UNIT = `(?:${UNITS.map((u) => u.replace('%', '%')).join('|')})`;
const RANGE_SEP = String.raw`(?:—|–|-|~|～|至|到)`;

const BEFORE_GTE = /(不低于|不少于|至少|达到|达|提升至|提升到|提高到|提高至|增加到|增至|力争达到|力争|确保)$/;
const BEFORE_GT = /(超过|高于|多于)$/;
const BEFORE_LTE = /(不超过|不高于|不多于|控制在|低于等于)$/;
const BEFORE_LT = /(低于|少于)$/;
const BEFORE_APPROX = /(约|大约|近)$/;
const AFTER_GTE = /^(及以上|以上)/;
const AFTER_LTE = /^(以内|以下)/;
const AFTER_APPROX = /^(左右)/;
const CHANGE_BEFORE = /(提高|增长|下降|降低|减少|增加|提升)$/;

// percent written in words: 百分之九十五点五
const PERCENT_WORDS = /百分之([〇零一二两三四五六七八九十百]+(?:点[〇零一二三四五六七八九]+)?)/g;
const SPAN = new RegExp(`(${NUM})(?:${RANGE_SEP}(${NUM}))?\\s*(${MAG})\\s*(${UNIT})`, 'g');

function toNumber(s: string): number | null {
  if (/^[\d,.]+$/.test(s)) return Number(s.replace(/,/g, ''));
  return chineseToNumber(s);
}

const MAGNITUDE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/** Spans that never hold targets: quotations, titles of documents. */
function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^”]*”|《[^》]*》|"[^"]*"|「[^」]*」/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function comparatorOf(before: string, after: string): { comparator: Comparator; pre: string; post: string } {
  let m = BEFORE_LTE.exec(before);
  if (m) {
    const post = /^(以内|以下)/.exec(after)?.[0] ?? '';
    return { comparator: 'lte', pre: m[0], post };
  }
  if ((m = BEFORE_GTE.exec(before))) return { comparator: 'gte', pre: m[0], post: AFTER_GTE.exec(after)?.[0] ?? '' };
  if ((m = BEFORE_GT.exec(before))) return { comparator: 'gt', pre: m[0], post: '' };
  if ((m = BEFORE_LT.exec(before))) return { comparator: 'lt', pre: m[0], post: '' };
  if ((m = BEFORE_APPROX.exec(before))) return { comparator: 'approx', pre: m[0], post: AFTER_APPROX.exec(after)?.[0] ?? '' };
  // A comparator a short verb away from the number: 至少建设1个, 确保年底95%
  const gap = /(不低于|不少于|至少|确保|力争|达到)[\u4e00-\u9fa5]{1,4}$/.exec(before);
  if (gap && !AFTER_LTE.test(after)) return { comparator: 'gte', pre: '', post: AFTER_GTE.exec(after)?.[0] ?? '' };
  let a = AFTER_GTE.exec(after);
  if (a) return { comparator: 'gte', pre: '', post: a[0] };
  a = AFTER_LTE.exec(after);
  if (a) return { comparator: 'lte', pre: '', post: a[0] };
  a = AFTER_APPROX.exec(after);
  if (a) return { comparator: 'approx', pre: '', post: a[0] };
  return { comparator: 'eq', pre: '', post: '' };
}

/** How many members the 、-separated enumeration ending right before `at` has (0 when none). */
function enumerationBefore(text: string, at: number): number {
  let start = at;
  // bounded look-back: a clause, not the whole text
  while (start > 0 && at - start < 80 && !/[，,。；;：:！？]/.test(text[start - 1]!)) start--;
  const clause = text.slice(start, at);
  if (!clause.includes('、')) return 0;
  return clause.split('、').filter((p) => p.length > 0).length;
}

/** Find the targets in one text. Offsets are into `text`. */
export function findTargets(text: string): FoundTarget[] {
  const out: FoundTarget[] = [];
  const quoted = quotedRanges(text);
  const inQuote = (i: number) => quoted.some(([a, b]) => i >= a && i < b);

  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(text); m; m = SPAN.exec(text)) {
    const at = m.index;
    const [whole, n1, n2, mag, unit] = m as unknown as [string, string, string | undefined, string, string];
    if (inQuote(at)) continue;
    const prev = text[at - 1] ?? '';
    const next = text[at + whole.length] ?? '';
    // ordinals and names: 第25届, 第二批; numbers glued to other digits; years
    if (prev === '第' || /[\d.]/.test(prev)) continue;
    if (unit === '年' || unit === '届' || unit === '期' || unit === '批' || unit === '类' || unit === '条' || unit === '部') continue;
    if (/^[\u4e00-\u9fa5]/.test(n1) && n2 === undefined && /^(一|两)$/.test(n1) && /^(个|项|批|类|件|门|所|家)$/.test(unit)) {
      // 一个/一批/两个: articles more than amounts, unless a comparator makes them one
      if (!/(至少|不少于|不低于|建设|建成|培育|创建|新增|打造)$/.test(text.slice(Math.max(0, at - 4), at))) continue;
    }
    // a count that names how many quoted things there are: 两个“只增不减”, “…”五项工程
    // (Arabic digits before a quote count real things: 2个“冠名班”)
    if (/^[\u4e00-\u9fa5]/.test(n1) && (next === '“' || next === '《' || text[at - 1] === '”')) continue;
    // names, not amounts: 三位一体, 八项规定, 十二届四次全会
    if (/^(一体|规定|全会|会议|代表大会|中全会)/.test(text.slice(at + whole.length, at + whole.length + 4)) || /届$/.test(text.slice(Math.max(0, at - 1), at))) continue;
    if (/^[一二三四五六七八九十]$/.test(n1) && /^(个|项|大)$/.test(unit) && /^[\u4e00-\u9fa5]{1,2}(工程|行动|机制|体系|清单|网络|重点|目标|任务)/.test(text.slice(at + whole.length, at + whole.length + 6)) && !/(至少|不少于)/.test(text.slice(Math.max(0, at - 4), at))) continue;
    const v1 = toNumber(n1);
    const v2 = n2 !== undefined ? toNumber(n2) : null;
    if (v1 === null || (n2 !== undefined && v2 === null)) continue;
    // A count of the list just enumerated (任务清单、风险清单、阵地清单三个清单) names the list, it promises nothing.
    if (n2 === undefined && /^[\u4e00-\u9fa5]/.test(n1) && v1 >= 2 && enumerationBefore(text, at) === v1) continue;
    const scale = MAGNITUDE[mag] ?? 1;
    const before = text.slice(Math.max(0, at - 8), at);
    const after = text.slice(at + whole.length, at + whole.length + 4);
    const cmp = comparatorOf(before, after);
    const unitOut = unit === '个百分点' ? '个百分点' : unit;
    let kind: TargetKind = KIND[unit] ?? 'count';
    let comparator = cmp.comparator;
    if (CHANGE_BEFORE.test(before) && (unit === '%' || unit === '个百分点') && !/(至|到)$/.test(before)) kind = 'change';
    const t: FoundTarget = {
      text: cmp.pre + whole + cmp.post,
      unit: unitOut,
      comparator,
      kind,
      offset: at - cmp.pre.length,
    };
    if (v2 !== null) {
      t.min = v1 * scale;
      t.max = v2 * scale;
      t.comparator = comparator = 'range';
    } else {
      t.value = v1 * scale;
    }
    if (/(每天|每日|每周|每月|每学期|每学年|每年)/.test(text.slice(Math.max(0, at - 16), at)) && kind === 'duration') kind = 'frequency';
    t.kind = kind;
    out.push(t);
  }

  PERCENT_WORDS.lastIndex = 0;
  for (let m = PERCENT_WORDS.exec(text); m; m = PERCENT_WORDS.exec(text)) {
    if (inQuote(m.index)) continue;
    const v = chineseToNumber(m[1]!);
    if (v === null) continue;
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const cmp = comparatorOf(before, after);
    out.push({ text: cmp.pre + m[0] + cmp.post, value: v, unit: '%', comparator: cmp.comparator, kind: 'percent', offset: m.index - cmp.pre.length });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The sentence around an offset: between the nearest 。！？；before and after. */
export function sentenceAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !/[。！？!?；;]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && !/[。！？!?；;]/.test(text[end]!)) end++;
  return text.slice(start, Math.min(text.length, end + 1)).trim();
}
