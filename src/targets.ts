// Stage 7: quantitative targets — a number with a measuring unit that commits
// the plan to an amount (spec section 3).
//
// One left-to-right scan over the text: every number token (Arabic, Chinese,
// 百分之…) is read once, extended to a range and a unit, then judged by its
// neighbourhood. Every look-around is bounded (a few characters, one clause),
// so the scan is linear in the text; there is no backtracking regex.
import type { Comparator, Target, TargetKind } from './schema.js';
import { MAGNITUDE_EXPONENT, chineseToNumber, isChineseDigit, scaleByPowerOfTen } from './numerals.js';
import { toSimplified } from './hant.js';
import { fold } from './normalise.js';
import { charClasses } from './char-classes.js';
import { clauseDoes, foldedFigureStatus, type Phase } from './status.js';
import { baselineOf, clauseStartOf, deadlineOf, directionOf, indicatorOf, levelAfterChange } from './indicator.js';
import { indicatorKeyOf } from './vocabulary.js';

/** A target found in one text; `offset`/`end` delimit `text` inside it. */
export type FoundTarget = Omit<Target, 'sentence' | 'sentenceOffset' | 'line' | 'place'> & { offset: number; end: number };

/** What the text around a target knows: the phase of the part at an offset, and the plan's year. */
export interface TargetContext {
  /** Whether the text at `offset` reviews the past or plans (from headings); plan when absent. */
  phaseAt?: (offset: number) => Phase;
  /** The year the plan is for: a figure after an earlier year is a result. */
  planYear?: number | null;
  /** The text's matchingForm when the caller has made it already (a 10 MB text is 7 MB a copy). */
  form?: string;
}

// ---------------------------------------------------------------- units

// Measure words (spec section 3), longest first so 人次 wins over 人, 个百分点
// over 个 and 个月 over 个.
const UNIT_KIND: Record<string, TargetKind> = {
  个百分点: 'change', 百分点: 'change', '%': 'percent', '‰': 'percent', 个千分点: 'change', 千分点: 'change',
  平方公里: 'area', 平方米: 'area', '㎡': 'area', 'm²': 'area', m2: 'area', 'km²': 'area', km2: 'area', 公顷: 'area', 亩: 'area',
  // a score (体育中考分值提高到60分): after Arabic digits only, see unitAt
  分: 'other',
  课时: 'duration', 学时: 'duration', 小时: 'duration', 分钟: 'duration', 个月: 'duration', 天: 'duration', 周: 'duration',
  周岁: 'age', 岁: 'age',
  元: 'money',
  人次: 'count', 场次: 'count', 条: 'count', 所: 'count', 个: 'count', 家: 'count', 项: 'count', 人: 'count', 名: 'count', 节: 'count', 次: 'count',
  场: 'count', 班: 'count', 张: 'count', 套: 'count', 台: 'count', 册: 'count', 篇: 'count', 支: 'count', 门: 'count',
  件: 'count', 座: 'count', 间: 'count', 栋: 'count', 辆: 'count', 本: 'count', 份: 'count', 位: 'count', 户: 'count',
  处: 'count', 种: 'count', 组: 'count', 首: 'count', 部: 'count', 头: 'count', 羽: 'count', 剂: 'count', 宗: 'count',
  个工作日: 'duration', 工作日: 'duration', 家次: 'count', 日: 'duration',
  吨: 'other', 公斤: 'other', 千克: 'other', 斤: 'other', 公里: 'other', 千米: 'other',
};
// Units by their first character, longest first: 人次 before 人, 个百分点 and 个月 before 个.
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of Object.keys(UNIT_KIND).sort((a, b) => b.length - a.length)) {
  const list = UNITS_BY_FIRST.get(u[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0]!, list);
}

// A unit character that starts a longer word is not a unit: 所有, 家长, 名师, 一次性, 部门.
const NOT_A_UNIT = new Set([
  '所有', '所属', '所在', '所需', '所得', '所以', '所谓', '周年', '周边', '周末', '天然', '天下', '天津', '家长', '家庭',
  '家园', '家乡', '家国', '名师', '名校', '名优', '名家', '名单', '名额', '名称', '名义', '节日', '节点', '节约', '节能',
  '班子', '班级', '班主', '班额', '次数', '次序', '次性', '场所', '场景', '场地', '场馆', '台账', '台阶', '元素', '元旦',
  '位于', '位置', '件事', '处理', '处置', '处室', '支部', '支持', '支撑', '支付', '本领', '本地', '本质', '本科', '本位',
  '本职', '本身', '份额', '户籍', '户口', '门户', '门槛', '门类', '座谈', '人民', '人口', '人文', '人格', '人才', '人生',
  '人员', '人数', '个性', '个体', '个案', '个别', '个人', '种类', '组织', '组建', '首批', '首届', '首位', '部门', '部署',
  '部分', '间接', '间隔', '套餐', '张贴', '册子', '门店', '项目', '周期', '周转', '次要', '场合', '处在', '人制',
  '头部', '头脑', '头等', '头条', '宗旨', '宗教', '剂量', '斤斤', '日常', '日益', '日前', '日报', '日程', '日趋', '日均', '日本', '日期', '日至', '日起', '日内',
]);

// ---------------------------------------------------------------- comparators

const BEFORE: Array<[string, Comparator]> = (
  [
    ['不低于', 'gte'], ['不少于', 'gte'], ['不得低于', 'gte'], ['不得少于', 'gte'], ['不得超过', 'lte'], ['不得高于', 'lte'], ['不小于', 'gte'], ['不下于', 'gte'], ['至少', 'gte'], ['最少', 'gte'], ['最低', 'gte'],
    ['力争达到', 'gte'], ['达到', 'gte'], ['达', 'gte'], ['提升至', 'gte'], ['提升到', 'gte'], ['提高至', 'gte'], ['提高到', 'gte'],
    ['增加至', 'gte'], ['增加到', 'gte'], ['增长至', 'gte'], ['增长到', 'gte'], ['增至', 'gte'], ['上升至', 'gte'],
    ['上升到', 'gte'], ['扩大至', 'gte'], ['扩大到', 'gte'], ['力争', 'gte'], ['确保', 'gte'],
    ['超过', 'gt'], ['高于', 'gt'], ['多于', 'gt'], ['大于', 'gt'], ['突破', 'gt'], ['超', 'gt'],
    ['守住', 'gte'], ['不超过', 'lte'], ['不高于', 'lte'], ['不多于', 'lte'], ['不大于', 'lte'], ['最多', 'lte'], ['至多', 'lte'], ['控制在', 'lte'],
    ['降至', 'lte'], ['降到', 'lte'], ['降低至', 'lte'], ['降低到', 'lte'], ['下降至', 'lte'], ['下降到', 'lte'],
    ['减少至', 'lte'], ['减少到', 'lte'], ['压减至', 'lte'], ['压缩至', 'lte'], ['压缩到', 'lte'],
    ['低于', 'lt'], ['少于', 'lt'], ['小于', 'lt'], ['不足', 'lt'],
    ['约', 'approx'], ['大约', 'approx'], ['将近', 'approx'], ['接近', 'approx'], ['近', 'approx'],
    ['保持', 'eq'], ['保持在', 'eq'],
  ] as Array<[string, Comparator]>
).sort((a, b) => b[0].length - a[0].length);

// One-character comparators that also end other words: 下达, 传达, 制约, 节约, 附近, 最近.
const COMPOUND_FIRST: Record<string, string> = { 达: '下传表到送通抵直发转', 约: '制节预签契公履违简', 近: '最附邻就亲贴靠', 超: '赶高' };

// Words that state a level only weakly: a comparator after the number overrides them (确保…以内 is lte).
const WEAK_BEFORE = new Set(['确保', '力争', '达到', '达', '力争达到', '保持', '保持在']);

// A commitment word a few characters before the number: 至少建设1个, 确保年底95%.
// The gap is a short phrase of Han characters (no numeral, no punctuation): 确保义务教育学校课后服务覆盖率100%.
const GAP_WORDS = ['不少于', '不低于', '不得少于', '不得低于', '至少', '确保', '力争', '保证'];
const GAP_MAX = 16;
// 确保/保证 state a level; they set a floor only on a share of a population (95%的学校) or across a time word.
const ASSURE_WORDS = new Set(['确保', '保证', '力争']);
const ASSURE_TIME_GAP = /^(?:到?年底|年内|全年|每年|今年|明年)?$/;

const AFTER: Array<[string, Comparator]> = [
  ['及以上', 'gte'], ['以上', 'gte'], ['及以下', 'lte'], ['以下', 'lte'], ['以内', 'lte'], ['之内', 'lte'], ['左右', 'approx'],
];

// A share or count that moves by an amount: 提高5个百分点, 增长10%; not 提高到/提高至 (a level).
const CHANGE_VERBS = ['提高', '提升', '增长', '增加', '上升', '下降', '降低', '减少', '增幅', '降幅'];

// The period of a frequency: 每天…2小时, 每学年…12课时, 每周2节.
const PERIODS = ['每天', '每日', '每周', '每月', '每季度', '每学期', '每学年', '每年', '每节课', '每课时'];
const PERIOD_LOOKBACK = 24;

// ---------------------------------------------------------------- context rules

// Counts whose noun names a set of policies or slogans, not things to deliver:
// 八项规定, 五项管理, 三个课堂, 四个意识, 两支队伍, 五项工程.
const POLICY_NOUNS = [
  '规定', '工程', '行动', '计划', '机制', '体系', '清单', '网络', '重点', '目标', '任务', '原则', '要求', '制度', '举措',
  '措施', '意识', '自信', '维护', '确立', '能力', '素养', '队伍', '领域', '方面', '环节', '关系', '管理', '课堂', '责任',
  '工作', '服务', '融合', '结合', '品牌', '特色', '理念', '精神', '禁令', '纪律', '底线', '战略', '格局',
];
// The noun follows the count closely (八项规定, 五项重点工程); 化/性 after it make another word (标准化学校).
const POLICY_NOUN_REACH = 2;

// The end of a range of days: 8月19日至31日.
const DAY_RANGE_BEFORE = /月\s*\d{1,2}\s*日\s*(?:至|到|—|-|~)\s*$/;
// A population after an age: 36周岁幼儿, 18岁以上的人口, 18歲以上目標的人口.
const AGE_QUALIFIES = /^\s*(?:以\s*上|以\s*下|及以上)?(?:[\u4e00-\u9fff]{0,2}的)?\s*(?:幼儿|儿童|婴幼儿|学生|青少年|少年|未成年人|成年人|适龄|人口|老人|老年人|居民|民众|人员|妇女|女性|男性|自愿|孩子|子女)/;
// A noun, then a count of it: 10亿元以上项目15个.
const AMOUNT_QUALIFIES = /^[\u4e00-\u9fff]{1,6}\s*\d/;
// Nouns that name the members of a list just given: 方面, 方向, 领域.
// …等共计, 等共, 等合计, 等总计 right before a count: the list's total.
const LIST_TOTAL_BEFORE = /等(?:共计|合计|总计|共)$/;
const LIST_NOUNS = /^(?:[\u4e00-\u9fff]{0,2})(?:方面|方向|领域|环节|维度|板块)/;

// An event named by its number: 十二届四次全会, 四次党代会.
const MEETING_WORDS = ['全会', '中全会', '全体会议', '党代会', '代表大会', '团代会'];

// A ranking, not an amount: 进入全省前10名.
const RANK_BEFORE = /(进入|位居|位列|排名|跻身|名列|全国|全省|全市|全区|全县)前$/;

// Phone numbers and hotlines.
const PHONE_BEFORE = /(电话|热线|拨打|手机|座机|传真|联系方式|咨询)[:：]?$/;

// 从60%提高到80%: the number after 从/由 is where the change starts.
const BASELINE_AFTER = /^(提高|提升|增加|增长|上升|扩大|降低|下降|减少|降至|压减|压缩)/;

// Chinese 一/两 with a count unit is usually an article (一个, 一批, 两支队伍);
// it is a target only as a commitment: after a comparator, in a frequency, or
// after building an institution (新建一所).
const BUILD_VERBS = /(新建|新增|建成|建设|改扩建|创建|培育)$/;
const BUILD_UNITS = new Set(['所', '座', '家', '间', '栋']);
// Units of abstract things: a Chinese numeral with them counts a slogan's parts unless committed (三个领先, 四种本领).
const ABSTRACT_UNITS = new Set(['个', '种', '项', '条']);

// Character classes in one table, so the per-character tests of the scan are one array read.
const CLAUSE_END = 1;
const SENTENCE_END = 2;
const RANGE_SEPARATOR = 4;
const CHINESE_NUMERAL = 8;
const SPACE = 16;
const classes = charClasses();
const CLASS = classes.table;
classes.mark('，,。；;：:！!？?\n', CLAUSE_END);
classes.mark('。！？!?；;\n', SENTENCE_END);
classes.mark('—–-~〜～至到', RANGE_SEPARATOR);
classes.mark('〇零一二两三四五六七八九十百千万亿', CHINESE_NUMERAL);
classes.mark(' \u3000\u00a0', SPACE);

function is(c: string | undefined, flag: number): boolean {
  return c !== undefined && (CLASS[c.charCodeAt(0)]! & flag) !== 0;
}

// ---------------------------------------------------------------- character helpers

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLatin(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isHan(c: string | undefined): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff';
}

// Traditional characters of numerals, units and comparators that the shared
// table (hant.ts) does not fold.
const HANT_EXTRA: Record<string, string> = { 兩: '两', 約: '约', 畝: '亩', 輛: '辆', 棟: '栋', 戶: '户' };

/**
 * The matching form of a text: full-width ASCII folded to ASCII and
 * Traditional characters to Simplified (兩萬個 → 两万个), one char for one
 * char, so offsets stay valid in the text as written.
 */
export function matchingForm(text: string): string {
  return toSimplified(fold(text)).replace(
    /[兩約畝輛棟戶]/g,
    (ch) => HANT_EXTRA[ch]!,
  );
}

// ---------------------------------------------------------------- quotations

// Opening and closing marks, by pair: “” 《》 「」 『』 ‘’ 〈〉; ASCII " pairs with itself.
const QUOTE_OPENERS = '“《「『‘〈';
const QUOTE_CLOSERS = '”》」』’〉';
const QUOTE_PAIR = new Int8Array(0x10000); // +k: opener of pair k-1, -k: its closer
for (let k = 0; k < QUOTE_OPENERS.length; k++) {
  QUOTE_PAIR[QUOTE_OPENERS.charCodeAt(k)] = k + 1;
  QUOTE_PAIR[QUOTE_CLOSERS.charCodeAt(k)] = -(k + 1);
}
// A quotation or title longer than this is a stray mark, not a quote.
const QUOTE_MAX = 200;

/**
 * Ranges [start, end) of text in quotation marks or title marks, sorted and
 * merged. One pass: the last opening mark of each kind waits for its closer.
 */
export function quotedRanges(text: string): Array<[number, number]> {
  const open = new Int32Array(QUOTE_OPENERS.length).fill(-1);
  let asciiOpen = -1;
  const found: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      if (asciiOpen >= 0 && i - asciiOpen <= QUOTE_MAX) {
        found.push([asciiOpen, i + 1]);
        asciiOpen = -1;
      } else asciiOpen = i;
      continue;
    }
    const k = QUOTE_PAIR[code]!;
    if (k > 0) open[k - 1] = i;
    else if (k < 0) {
      const at = open[-k - 1]!;
      if (at >= 0 && i - at <= QUOTE_MAX) found.push([at, i + 1]);
      open[-k - 1] = -1;
    }
  }
  // closers come in order, so only nested quotations are out of order
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

// ---------------------------------------------------------------- number tokens

interface NumberToken {
  start: number;
  end: number;
  value: number;
  chinese: boolean;
  /** Written with a decimal part ending in .0 or several dots: a version (2.0), not an amount. */
  versionLike: boolean;
  /** Written with a leading zero (0564, 08): a code or a date part. */
  leadingZero: boolean;
  percentWords: boolean;
  /** 余/多 written between the number and its magnitude (3500余万): more than the number. */
  over?: boolean;
}

/** Read an Arabic number (with thousands separators, decimals and a magnitude word) at `i` of the folded text. */
function readArabic(f: string, raw: string, i: number): NumberToken | null {
  let j = i;
  while (isDigit(f[j])) j++;
  const intLen = j - i;
  // thousands separators: ASCII commas, or full-width ones between full-width digits (１，２００)
  if (intLen <= 3) {
    while (f[j] === ',' && isDigit(f[j + 1]) && isDigit(f[j + 2]) && isDigit(f[j + 3]) && !isDigit(f[j + 4]) &&
      (raw[j] === ',' || raw[j + 1] !== f[j + 1])) j += 4;
  }
  let versionLike = false;
  const intEnd = j;
  if (f[j] === '.' && isDigit(f[j + 1])) {
    j++;
    while (isDigit(f[j])) j++;
    if (f[j] === '.' && isDigit(f[j + 1])) {
      versionLike = true; // 1.2.3
      while (f[j] === '.' || isDigit(f[j])) j++;
    }
  }
  const written = f.slice(i, j).replace(/,/g, '');
  if (/\.0+$/.test(written)) versionLike = true;
  let value = Number(written);
  if (!Number.isFinite(value)) return null;
  // 100 万元, 3500 余万元: a space may part the number from its magnitude
  const spaced = f[j] === ' ' && (f[j + 1] === '万' || f[j + 1] === '亿' || ((f[j + 1] === '余' || f[j + 1] === '多') && (f[j + 2] === '万' || f[j + 2] === '亿'))) ? 1 : 0;
  // 3500余万元, 20多万人: more than the number, written before its magnitude
  const overBefore = (f[j + spaced] === '余' || f[j + spaced] === '多') && (f[j + spaced + 1] === '万' || f[j + spaced + 1] === '亿');
  const at = j + spaced + (overBefore ? 1 : 0);
  // a magnitude word applies to the value (1.5万 → 15000); 百分点 is a unit, not 百
  for (const mag of ['万亿', '千万', '百万', '十万', '亿', '万', '千', '百']) {
    if (f.startsWith(mag, at) && !f.startsWith('百分', at) && !f.startsWith('千米', at) && !f.startsWith('千克', at)) {
      value = scaleByPowerOfTen(value, MAGNITUDE_EXPONENT[mag]!);
      j = at + mag.length;
      break;
    }
  }
  return { start: i, end: j, value, chinese: false, versionLike, leadingZero: intEnd - i > 1 && f[i] === '0' && f[intEnd] !== '.', percentWords: false, over: overBefore && j > at };
}

const CHINESE_RUN_MAX = 12;

/** Read a Chinese numeral (十二, 两千, 三万五千, 九十五点五) at `i`. */
function readChinese(f: string, i: number): NumberToken | null {
  let j = i;
  while (j - i < CHINESE_RUN_MAX && (is(f[j], CHINESE_NUMERAL) || (f[j] === '点' && isChineseDigit(f[j + 1] ?? '')))) j++;
  const run = f.slice(i, j);
  // 三五个 (three or five), 二〇二四 (a year): digit-by-digit runs are not amounts
  if (run.length > 1 && [...run].every(isChineseDigit)) return null;
  const value = chineseToNumber(run);
  if (value === null) return null;
  return { start: i, end: j, value, chinese: true, versionLike: false, leadingZero: false, percentWords: false };
}

/** 百分之六十六, 百分之九十五点五, 百分之百 at `i`. */
function readPercentWords(f: string, raw: string, i: number): NumberToken | null {
  const at = i + 3;
  if (f[at] === '百' && !is(f[at + 1], CHINESE_NUMERAL)) {
    return { start: i, end: at + 1, value: 100, chinese: true, versionLike: false, leadingZero: false, percentWords: true };
  }
  const n = isDigit(f[at]) ? readArabic(f, raw, at) : readChinese(f, at);
  if (!n) return null;
  return { ...n, start: i, percentWords: true };
}

/** A number token starting at `i`, or null. The caller guarantees `i` does not continue a token. */
function readNumber(f: string, raw: string, i: number): NumberToken | null {
  const c = f[i]!;
  if (isDigit(c)) return readArabic(f, raw, i);
  if ((c === '百' && f.startsWith('百分之', i)) || (c === '千' && f.startsWith('千分之', i))) return readPercentWords(f, raw, i);
  // a Chinese numeral starts with a digit or 十 (十二); 百/千/万 alone are words (百姓, 千家万户)
  if (isChineseDigit(c) || c === '十') return readChinese(f, i);
  return null;
}

// After Arabic digits 名 is always the measure word: 2名校长, 10名师范生.
const NAME_WORDS_AFTER_DIGITS = new Set(['名师', '名校', '名优', '名家']);

function unitAt(f: string, j: number, arabic = false): string | null {
  const list = UNITS_BY_FIRST.get(f[j]!);
  if (!list) return null;
  for (const u of list) {
    if (f.startsWith(u, j)) {
      // m2 (3.5万m<sup>2</sup> as text) only as a whole: not m23, not m2a
      if (/^k?m2$/.test(u) && /[0-9A-Za-z]/.test(f[j + u.length] ?? '')) return null;
      // 60分 is a score; 十分重要, 三分之一, 5分类 are not: Arabic digits, then no word of 分;
      // nor the minutes of a time of day (9时10分, 2点30分)
      if (u === '分' && (!arabic || (isHan(f[j + 1]) && !AFTER.some(([w]) => f.startsWith(w, j + 1)) && f[j + 1] !== '的') || /[时点]\s*\d{1,2}\s*$/.test(f.slice(Math.max(0, j - 5), j)))) return null;
      // 所以 is a word, but in 2所以上 the unit is followed by 以上
      const word = f.slice(j, j + 2);
      if (u.length === 1 && NOT_A_UNIT.has(word) && !AFTER.some(([w]) => f.startsWith(w, j + 1)) && !(arabic && NAME_WORDS_AFTER_DIGITS.has(word))) return null;
      return u;
    }
  }
  return null;
}

/** Can a unit, a range or 余/多 follow at `j`? A cheap test before a number is read in full. */
function mayMeasure(f: string, j: number): boolean {
  if (is(f[j], SPACE)) j++;
  const c = f[j];
  return c !== undefined && (UNITS_BY_FIRST.has(c) || is(c, RANGE_SEPARATOR) || c === '余' || c === '多' || c === '成' || c === '.' || c === ',' || c === '以' || is(c, CLAUSE_END) ||
    c === '千' || c === '百' || c === '万' || c === '亿' || c === '十');
}

// ---------------------------------------------------------------- the scan

interface Candidate {
  first: NumberToken;
  second: NumberToken | null;
  unit: string;
  /** End of the unit (and of 余/多 before it). */
  end: number;
  /** 余/多 between number and unit: more than the number. */
  over: boolean;
}

function skipSpace(f: string, j: number): number {
  return is(f[j], SPACE) ? j + 1 : j;
}

/** Extend a number to a range and a unit: 3—5个, 3个至5个, 90%-95%, 1-2万人, 500余人. */
function extend(f: string, raw: string, first: NumberToken): Candidate | null {
  let j = skipSpace(f, first.end);
  let over = false;
  // 百分之… is %; 千分之… (辍学率控制在千分之三以内) is ‰
  if (first.percentWords) return { first, second: null, unit: f.startsWith('千', first.start) ? '‰' : '%', end: first.end, over };
  // 九成, 八成以上: a share in tenths (一成不变 is an idiom, 八成新 a thing's condition, not shares);
  // 九成九 adds the hundredths
  if (f[j] === '成' && Number.isInteger(first.value) && first.value >= 1 && first.value <= 9 && first.end - first.start === 1 && !f.startsWith('不变', j + 1) && f[j + 1] !== '新') {
    const tenth = first.chinese && isChineseDigit(f[j + 1] ?? '') ? chineseToNumber(f[j + 1]!) : null;
    const value = first.value * 10 + (tenth !== null && tenth >= 1 && tenth <= 9 ? tenth : 0);
    return { first: { ...first, value }, second: null, unit: '%', end: j + 1 + (value % 10 !== 0 ? 1 : 0), over: false };
  }
  if (first.over) over = true;
  else if ((f[j] === '余' || f[j] === '多') && unitAt(f, j + 1, !first.chinese)) {
    over = true;
    j++;
  }
  const unit1 = unitAt(f, j, !first.chinese);
  const afterUnit1 = unit1 ? j + unit1.length : j;
  // a range: separator (— may be doubled), then a second number of the same script family
  let k = afterUnit1;
  if (!over && is(f[k], RANGE_SEPARATOR)) {
    k++;
    if (f[k] === f[k - 1] && (f[k] === '—' || f[k] === '-')) k++;
    const second = f[k] !== undefined ? readNumber(f, raw, k) : null;
    if (second && !second.leadingZero && !second.versionLike) {
      let m = skipSpace(f, second.end);
      const unit2 = unitAt(f, m, !second.chinese);
      if (unit2 && (unit1 === null || unit1 === unit2)) {
        m += unit2.length;
        // 1-2万人: a magnitude written once, after the second number, applies to both ends
        const mag = /(万亿|千万|百万|十万|亿|万|千|百)$/.exec(f.slice(second.start, second.end));
        const firstHasMag = /[千百万亿]$/.test(f.slice(first.start, first.end));
        const lo = mag && !first.chinese && !second.chinese && !firstHasMag ? scaleByPowerOfTen(first.value, MAGNITUDE_EXPONENT[mag[1]!]!) : first.value;
        const hi = second.value;
        if (lo < hi) return { first: { ...first, value: lo }, second: { ...second, value: hi }, unit: unit2, end: m, over: false };
      }
    }
  }
  if (!unit1) return null;
  return { first, second: null, unit: unit1, end: afterUnit1, over };
}

// What a rate is per: 元/年/生, 元/人·年, 次/学期.
const RATE_SUFFIX = /^(?:[/／](?:学年|学期|课时|小时|平方米|年|月|日|天|周|人|生|次|亩|户|校|班|床)(?:[·•](?:年|月|人|生))?){1,3}/;

// A name that says what it counts: 体检人数达1000万以上 counts people without writing 人.
const COUNTED_BY_NAME: Array<[string, string]> = [['人数', '人'], ['人次', '人次'], ['户数', '户']];

/**
 * 免费健康体检人数达1000万以上: a bare Arabic number after a comparator whose name ends
 * in 人数/人次/户数 counts in that unit. Without a comparator a bare number stays
 * unmeasured (spec: bare 3 is no target).
 */
function impliedUnit(f: string, first: NumberToken): Candidate | null {
  if (first.chinese || first.percentWords || first.versionLike || first.leadingZero) return null;
  if (isDigit(f[first.end]) || is(f[first.end], RANGE_SEPARATOR) || isHan(f[first.end]) && !AFTER.some(([w]) => f.startsWith(w, first.end))) return null;
  const p = lastNonSpace(f, first.start) + 1;
  const word = comparatorBefore(f, p);
  const nameEnd = word ? p - word[0].length : f[p - 1] === '为' ? p - 1 : -1;
  if (nameEnd < 0) return null;
  for (const [name, unit] of COUNTED_BY_NAME) {
    if (f.startsWith(name, nameEnd - name.length)) return { first, second: null, unit, end: first.end, over: false };
  }
  return null;
}

// Between the previous target and a clause start: a clause mark means a new clause.
const CLAUSE_GAP = /[，,；;。：:！!？?\n|]/;

// Only an opening bracket between the previous target and this one: 50%（60家次）.
const RESTATED = /^\s*[（(]\s*$/;

// A name that is only a category: 教育领域, 医疗类, 民政养老领域.
const CATEGORY_ONLY = /^[\u4e00-\u9fff]{1,6}(?:领域|类|方面|行业|板块|片区|学段)$/;
// How far after the count it breaks down a category count may stand.
const HEADER_REACH = 400;

// Figures remembered for overview names, and how far back.
const RECENT_MAX = 24;
const OVERVIEW_REACH = 600;

interface Named {
  value: number;
  unit: string;
  indicator: string;
  end: number;
}

/**
 * 其中…计划开工项目13个…。二是推动13个项目计划开工: a detail that repeats a figure of the
 * overview before it (same amount, same unit) and opens with the noun the
 * overview's name ends with is the same thing; the overview names it better.
 */
function overviewName(recent: readonly Named[], value: number, unit: string, indicator: string, at: number): string | null {
  for (let k = recent.length - 1; k >= 0; k--) {
    const r = recent[k]!;
    if (at - r.end > OVERVIEW_REACH) break;
    if (r.value === value && r.unit === unit && r.indicator !== indicator && r.indicator.length >= 3 && indicator.startsWith(r.indicator.slice(-2))) return r.indicator;
  }
  return null;
}

// A name that is only a change: 增长, 同比提高.
const CHANGE_ONLY = /^(?:同比)?(?:增长|提高|提升|增加|下降|降低|减少|增速|增幅)$/;

// A bracket longer than this is a stray mark: sentence marks after it count again.
const BRACKET_MAX = 200;

// How far back the status cues of a figure are looked for: its sentence, its clause.
const STATUS_REACH = 120;
const STATUS_CLAUSE_REACH = 40;

/**
 * Where the clause after an offset ends (at most STATUS_CLAUSE_REACH on).
 * Offsets are asked in increasing order, so the text is scanned once: what is
 * known to hold no clause mark is not scanned again.
 */
class ClauseEnds {
  private scanned = 0;
  private next = -1;

  constructor(private readonly f: string) {}

  from(at: number): number {
    const limit = Math.min(this.f.length, at + STATUS_CLAUSE_REACH);
    if (this.next >= at) return Math.min(this.next, limit);
    let e = Math.max(at, this.scanned);
    while (e < limit && !is(this.f[e], CLAUSE_END)) e++;
    this.scanned = e;
    if (e < limit) this.next = e;
    return e;
  }
}

/** The clause before `at`: back to the last clause mark, at most `max` characters. */
function clauseBefore(f: string, at: number, max: number): string {
  let s = at;
  while (s > 0 && at - s < max && !is(f[s - 1], CLAUSE_END)) s--;
  return f.slice(s, at);
}

/** How many members the 、-separated enumeration ending at `at` has (0 when none). */
function enumerationBefore(f: string, at: number): number {
  const clause = clauseBefore(f, at, 80);
  if (!clause.includes('、')) return 0;
  return clause.split('、').filter((p) => p.length > 0).length;
}

function lastNonSpace(f: string, at: number): number {
  let p = at - 1;
  while (p >= 0 && is(f[p], SPACE)) p--;
  return p;
}

/** Why the number at `c` is not a target, or null when it is one. Rules of spec section 3. */
function exclusion(f: string, c: Candidate, comparatorFound: boolean): string | null {
  const { first, unit } = c;
  const p = lastNonSpace(f, first.start);
  const prev = p >= 0 ? f[p]! : '';
  const next = f[c.end] ?? '';
  const after = f.slice(c.end, c.end + POLICY_NOUN_REACH + 3);
  const tail = f.slice(c.end, c.end + 3);

  if (prev === '第') return 'ordinal';
  // 4月5日, 11日前: a day of the month
  if (unit === '日' && (prev === '月' || DAY_RANGE_BEFORE.test(f.slice(Math.max(0, first.start - 12), first.start)) || /^(?:前|起|至|到|止|—|-|~)/.test(f.slice(c.end, c.end + 1)) || c.second !== null && /月\s*$/.test(f.slice(Math.max(0, first.start - 3), first.start)))) return 'date';
  if (isDigit(prev) || prev === '.' || prev === '/' || prev === '#' || prev === '-' || prev === '_' || isLatin(prev)) return 'code';
  if (first.leadingZero) return 'code';
  if (isRowNumber(f, first)) return 'row-number';
  if (first.versionLike && unit !== '%' && unit !== '个百分点' && unit !== '百分点') return 'version';
  if (PHONE_BEFORE.test(f.slice(Math.max(0, first.start - 6), first.start))) return 'phone';
  if (RANK_BEFORE.test(f.slice(Math.max(0, first.start - 4), first.start))) return 'rank';
  if (first.chinese && (prev === '数' || prev === '几' || prev === '每')) return 'vague';
  // 12345, 12315: a public service hotline, however it is introduced
  if (!first.chinese && /^123\d\d$/.test(f.slice(first.start, first.end))) return 'phone';
  // 城乡二元结构, 一元化: a word, not an amount of money
  if (first.chinese && unit === '元' && first.value < 10) return 'word';
  // 36周岁幼儿, 年满18岁以上: an age that qualifies a population
  if ((unit === '岁' || unit === '周岁') && (/满$/.test(f.slice(Math.max(0, first.start - 2), first.start).trim()) || AGE_QUALIFIES.test(f.slice(c.end, c.end + 10)))) return 'qualifier';
  // 亿元以上项目30个: an amount that qualifies what is counted next
  if (/^(?:以上|以下)/.test(f.slice(c.end, c.end + 2)) && AMOUNT_QUALIFIES.test(f.slice(c.end + 2, c.end + 12))) return 'qualifier';
  // 消除56人以上大班额: a class size that defines the category removed, not a commitment
  if (unit === '人' && /^(?:及)?以上的?(?:超)?大班额/.test(f.slice(c.end, c.end + 8))) return 'qualifier';
  // 52周×2日/周＝104日: a term of a calculation
  if (prev === '×' || prev === '=' || prev === '÷' || /^\s*[×=÷]/.test(f.slice(c.end, c.end + 2))) return 'arithmetic';
  // …、自身建设等5个方面: how many things were just listed
  if (prev === '等' && c.second === null && LIST_NOUNS.test(f.slice(c.end, c.end + 4))) return 'enumeration';
  // 元旦、春节…国庆节等共计11个法定假日: the total of a list that nothing is done to describes it
  if (c.second === null && LIST_TOTAL_BEFORE.test(f.slice(Math.max(0, p - 3), p + 1))) {
    const clause = clauseBefore(f, first.start, 80);
    if (clause.includes('、') && !clauseDoes(clause)) return 'enumeration';
  }
  // 全年总天数365日: the length of a year is the calendar, not an amount to reach
  if ((unit === '日' || unit === '天') && (first.value === 365 || first.value === 366)) return 'calendar';
  // 十二届四次全会: a numeral right after 届 numbers an event
  if (prev === '届') return 'name';
  if (first.chinese && unit === '次' && MEETING_WORDS.some((w) => f.startsWith(w, c.end))) return 'name';
  // 三位一体, 一人一案, 五个一: a numeral formula names a slogan
  if (first.chinese && c.second === null && (is(next, CHINESE_NUMERAL) || next === '双')) return 'slogan';
  // 两个“只增不减”: a Chinese count right before a quotation counts slogans
  if (first.chinese && (next === '“' || next === '《' || next === '"')) return 'slogan';
  if (c.second === null && !comparatorFound) {
    // “…”五项工程, 八项规定, 四个意识: how many policies a set has
    if (((first.chinese && UNIT_KIND[unit] === 'count') || prev === '”') && POLICY_NOUNS.some((w) => policyNounAt(after, w))) return 'policy-set';
  }
  // 任务清单、风险清单、阵地清单三个清单: the size of the list just enumerated
  if (first.chinese && c.second === null && first.value >= 2 && prev !== '等' && enumerationBefore(f, first.start) === first.value) return 'enumeration';
  // 从60%提高到80%: the starting point of a change, not a target
  // (a rate keeps its period between: 从8700元/年提高至10560元/年)
  if ((prev === '从' || prev === '由') && BASELINE_AFTER.test(f.slice(c.end, c.end + 16).replace(RATE_SUFFIX, ''))) return 'baseline';
  return null;
}

/**
 * 推出18小时、24小时、36小时、48小时游产品: figures of one unit joined only by 、 whose
 * last runs straight into a noun name kinds of a thing (a 48-hour tour), not
 * amounts. Returns where the run ends, or -1 when the figure is no such run.
 */
function labelRunEnd(f: string, raw: string, c: Candidate): number {
  let end = c.end;
  let members = 1;
  while (f[end] === '、' && (isDigit(f[end + 1]) || is(f[end + 1], CHINESE_NUMERAL))) {
    const n = readNumber(f, raw, end + 1);
    if (!n) break;
    const unit = unitAt(f, skipSpace(f, n.end), !n.chinese);
    if (unit !== c.unit) break;
    end = skipSpace(f, n.end) + unit.length;
    members++;
  }
  if (members < 2) return -1;
  const k = f[end] === '等' ? end + 1 : end;
  if (!isHan(f[k]) || f[k] === '的' || AFTER.some(([w]) => f.startsWith(w, k)) || is(f[k], CHINESE_NUMERAL)) return -1;
  return end;
}

// How far back the previous row number of a list is looked for.
const ROW_LOOKBACK = 120;

/**
 * 23宸鸿科技有限公司 24宗仁科技有限公司: a number opening a row (after a space, a line
 * start or a cell mark) that continues the numbering of the row before it numbers
 * the row; the character after it starts a name, even when it could be a unit.
 */
function isRowNumber(f: string, first: NumberToken): boolean {
  if (first.chinese || first.end - first.start > 4 || !Number.isInteger(first.value) || first.value < 2) return false;
  const before = f[first.start - 1];
  if (before !== undefined && before !== '|' && !is(before, SPACE) && before !== '\n') return false;
  const previous = String(first.value - 1);
  const from = Math.max(0, first.start - ROW_LOOKBACK);
  // Searched in the look-back window only: indexOf on the whole text ran to its end
  // whenever the previous number was missing (quadratic on a long line of rows).
  const window = f.slice(from, first.start);
  for (let k = window.indexOf(previous); k >= 0; k = window.indexOf(previous, k + 1)) {
    const at = from + k;
    const b = f[at - 1];
    const after = at + previous.length;
    // the previous row number: on a row start, followed by a name, not by a unit of its own
    if ((at === 0 || b === '|' || b === '\n' || is(b, SPACE)) && isHan(f[after]) && unitAt(f, after, true) === null) return true;
  }
  return false;
}

/**
 * 至计划年度结束不足6个月的，纳入下一年度安排; 投资额在1000万元以上的，报市级审批: a figure that
 * ends a 的-phrase closing its clause states a condition (those that …), not an amount to reach.
 */
function isCondition(f: string, to: number): boolean {
  let k = to;
  if (is(f[k], SPACE)) k++;
  return f[k] === '的' && (f[k + 1] === '，' || f[k + 1] === ',');
}

/** The policy noun within reach after the count, in the same phrase, and a word of its own. */
function policyNounAt(after: string, word: string): boolean {
  const at = after.indexOf(word);
  if (at < 0 || at > POLICY_NOUN_REACH) return false;
  for (let i = 0; i < at; i++) if (!isHan(after[i]) || is(after[i], CHINESE_NUMERAL)) return false;
  const follow = after[at + word.length];
  return follow !== '化' && follow !== '性';
}

interface Comparison {
  comparator: Comparator;
  /** Where the target's text starts (before a comparator word). */
  from: number;
  /** Where it ends (after 以上, 左右 …). */
  to: number;
  /** A comparator word was found (not the default eq). */
  explicit: boolean;
}

// Comparator words by their last character, longest first.
const BEFORE_BY_LAST = new Map<string, Array<[string, Comparator]>>();
for (const entry of BEFORE) {
  const last = entry[0][entry[0].length - 1]!;
  BEFORE_BY_LAST.set(last, [...(BEFORE_BY_LAST.get(last) ?? []), entry]);
}

function comparatorBefore(f: string, p: number): [string, Comparator] | null {
  const list = BEFORE_BY_LAST.get(f[p - 1]!);
  if (!list) return null;
  for (const entry of list) if (f.startsWith(entry[0], p - entry[0].length)) return entry;
  return null;
}

function compare(f: string, c: Candidate): Comparison {
  const start = c.first.start;
  const p = lastNonSpace(f, start) + 1;
  let afterWord: [string, Comparator] | null = null;
  for (const entry of AFTER) if (f.startsWith(entry[0], c.end)) { afterWord = entry; break; }
  const to = afterWord ? c.end + afterWord[0].length : c.end;
  if (c.second) return { comparator: 'range', from: start, to: c.end, explicit: true };

  const beforeWord = comparatorBefore(f, p);
  if (beforeWord && beforeWord[0].length === 1 && (COMPOUND_FIRST[beforeWord[0]] ?? '').includes(f[p - 2] ?? '\0')) {
    // 下达, 制约, 附近: the one-character word is the end of another word
  } else if (beforeWord) {
    const from = p - beforeWord[0].length;
    if (afterWord && (WEAK_BEFORE.has(beforeWord[0]) || afterWord[1] === beforeWord[1])) return { comparator: afterWord[1], from, to, explicit: true };
    // 降至2%左右, 约30%左右: 左右 makes any level an estimate
    if (afterWord && afterWord[1] === 'approx') return { comparator: 'approx', from, to, explicit: true };
    return { comparator: beforeWord[1], from, to: beforeWord[1] === 'lte' && afterWord?.[1] === 'lte' ? to : afterWord && afterWord[1] === beforeWord[1] ? to : c.end, explicit: true };
  }
  if (afterWord) return { comparator: afterWord[1], from: start, to, explicit: true };
  if (c.over) return { comparator: 'gt', from: start, to: c.end, explicit: true };
  // 在24小时内: within a time
  if (f[c.end] === '内' && UNIT_KIND[c.unit] === 'duration' && f[lastNonSpace(f, start)] === '在') return { comparator: 'lte', from: lastNonSpace(f, start), to: c.end + 1, explicit: true };
  // 至少建设1个, 确保年底95%: a commitment word a short phrase before the number
  // Walk back over the gap (Han characters, no numeral) looking for the word's end.
  for (let e = p - 1; e >= 0 && p - e <= GAP_MAX; e--) {
    const ch = f[e]!;
    if (!isHan(ch) || is(ch, CHINESE_NUMERAL)) break;
    const end = e; // the word ends right before f[e]; the gap is f[e..p)
    for (const w of GAP_WORDS) {
      if (end >= w.length && f.startsWith(w, end - w.length)) {
        // 确保年底95%的区属学校: a floor on a share; 确保绑定率100%, 确保区内有2个: the amount itself
        const gap = f.slice(end, p);
        const floor = !ASSURE_WORDS.has(w) || f[c.end] === '的' || ASSURE_TIME_GAP.test(gap);
        return { comparator: floor ? 'gte' : 'eq', from: end - w.length, to: c.end, explicit: true };
      }
    }
  }
  return { comparator: 'eq', from: start, to: c.end, explicit: false };
}

/** The nearest period word (每天, 每学年 …) before `at` in the same clause, within reach. */
function periodBefore(f: string, at: number): string | undefined {
  for (let s = at - 1; s >= 0 && at - s <= PERIOD_LOOKBACK; s--) {
    const c = f[s]!;
    if (is(c, CLAUSE_END)) return undefined;
    if (c !== '每') continue;
    let best: string | undefined;
    for (const w of PERIODS) if (f.startsWith(w, s) && s + w.length <= at && w.length > (best?.length ?? 0)) best = w;
    if (best) return best;
  }
  return undefined;
}

function isChangeBefore(f: string, at: number): boolean {
  const before = f.slice(Math.max(0, at - 6), at);
  const trimmed = before.replace(/(了|约|近)$/, '');
  return CHANGE_VERBS.some((v) => trimmed.endsWith(v));
}

/** Find the targets in one text, in order. Offsets are into `text`. */
export function findTargets(text: string, context: TargetContext = {}): FoundTarget[] {
  const f = context.form ?? matchingForm(text);
  const quotes = quotedRanges(f);
  let q = 0;
  const out: FoundTarget[] = [];
  const planYear = context.planYear ?? null;
  // where the previous target ended: the next one's clause starts no earlier
  let previousEnd = 0;
  // 初中入学率、稳固率、毕业率分别为100%、99.9%、99.9%: the names still to hand out
  let respective: { names: string[]; next: number } | null = null;
  let previous: { sentenceStart: number; indicator: string | null; changed: boolean } | null = null;
  // the last count named by what it counts, which category counts after it break down
  let header: { indicator: string; unit: string; end: number } | null = null;
  const recent: Named[] = [];
  let marksTo = 0;
  // where the last sentence ended outside brackets, and the bracket open at the scan (-1: none)
  let lastStatusEnd = 0;
  let openBracket = -1;
  const clauseEnds = new ClauseEnds(f);
  let lastClauseEnd = 0;
  let lastSentenceEnd = 0;

  const n = f.length;
  for (let i = 0; i < n; i++) {
    const code = f.charCodeAt(i);
    // a token starts only where the previous character does not continue one
    if (code >= 48 && code <= 57) {
      if (isDigit(f[i - 1]) || (f[i - 1] === '.' && isDigit(f[i - 2]))) continue;
      let j = i + 1;
      while (j < n && isDigit(f[j])) j++;
      if (!mayMeasure(f, j) && f[j] !== '%') {
        i = j - 1;
        continue;
      }
    } else if ((CLASS[code]! & CHINESE_NUMERAL) !== 0) {
      if (i > 0 && (CLASS[f.charCodeAt(i - 1)]! & CHINESE_NUMERAL) !== 0) continue;
      let j = i + 1;
      while (j < n && j - i < 16 && ((CLASS[f.charCodeAt(j)]! & CHINESE_NUMERAL) !== 0 || f.charCodeAt(j) === 0x70b9 /* 点 */)) j++;
      // 百分之 is read from its 百; any other run must be followed by a unit, a range or 余/多
      if (!((f[i] === '百' || f[i] === '千') && f[i + 1] === '分' && f[i + 2] === '之') && !mayMeasure(f, j)) {
        i = j - 1;
        continue;
      }
    } else continue;

    const first = readNumber(f, text, i);
    if (!first) continue;
    const next = first.end > i ? first.end - 1 : i;
    while (q < quotes.length && quotes[q]![1] <= i) q++;
    if (q < quotes.length && quotes[q]![0] <= i) {
      i = next;
      continue;
    }
    const cand = extend(f, text, first) ?? impliedUnit(f, first);
    if (!cand) {
      i = next;
      continue;
    }
    const cmp = compare(f, cand);
    // 1000元/年/生: the rate's denominators belong to the figure as written
    const rate = RATE_SUFFIX.exec(f.slice(cmp.to, cmp.to + 12));
    if (rate) cmp.to += rate[0].length;
    const labels = cand.second === null ? labelRunEnd(f, text, cand) : -1;
    if (labels >= 0) {
      i = Math.max(next, labels - 1);
      continue;
    }
    if (exclusion(f, cand, cmp.explicit && cmp.comparator !== 'eq') || isCondition(f, cmp.to)) {
      i = Math.max(next, (cand.second?.end ?? first.end) - 1);
      continue;
    }
    const kindOfUnit = UNIT_KIND[cand.unit]!;
    const per = periodBefore(f, cmp.from);
    // 一个, 两支: an article unless the plan commits to it; 三个领先, 六个聚焦: a slogan's count, likewise
    const oneNumeral = first.chinese && !first.percentWords && cand.second === null && f.slice(first.start, first.end).length === 1;
    if (oneNumeral && ((first.value <= 2 && kindOfUnit === 'count') || ABSTRACT_UNITS.has(cand.unit))) {
      // after its noun (学校两所。) a numeral counts; an article precedes its noun
      const closesClause = cmp.to >= f.length || is(f[cmp.to], CLAUSE_END) || f[cmp.to] === '、';
      const committed = (cmp.explicit && cmp.comparator !== 'eq') || per !== undefined || closesClause ||
        (BUILD_VERBS.test(f.slice(Math.max(0, first.start - 3), first.start)) && (BUILD_UNITS.has(cand.unit) || (ABSTRACT_UNITS.has(cand.unit) && first.value >= 3)));
      if (!committed) {
        i = Math.max(next, cand.end - 1);
        continue;
      }
    }
    let kind: TargetKind = kindOfUnit;
    if ((cand.unit === '%' && isChangeBefore(f, cmp.from)) || cand.unit === '个百分点' || cand.unit === '百分点') kind = 'change';
    else if (per !== undefined && (kind === 'duration' || kind === 'count')) kind = 'frequency';

    const unit = cand.unit === '百分点' ? '个百分点' : cand.unit;
    // commitment, result, or the present state (not reported)
    // sentence and clause marks are tracked as the scan moves on, so finding a target's sentence costs nothing
    for (; marksTo < first.start; marksTo++) {
      const code = f.charCodeAt(marksTo);
      const m = CLASS[code]!;
      if (m & CLAUSE_END) lastClauseEnd = marksTo + 1;
      if (m & SENTENCE_END) {
        lastSentenceEnd = marksTo + 1;
        if (code === 10) openBracket = -1;
        else if (openBracket < 0 || marksTo - openBracket > BRACKET_MAX) lastStatusEnd = marksTo + 1;
      }
      if (code === 0xff08 || code === 40) openBracket = marksTo;
      else if (code === 0xff09 || code === 41) openBracket = -1;
    }
    const sentenceStart = Math.max(Math.min(lastSentenceEnd, cmp.from), cmp.from - STATUS_REACH, 0);
    // 在册人数56人（其中…领导共2人；协调处…共11人）: a breakdown in brackets is read with the sentence it breaks down
    const statusStart = Math.max(Math.min(lastStatusEnd, cmp.from), cmp.from - STATUS_REACH, 0);
    const clauseFrom = Math.max(lastClauseEnd, first.start - STATUS_CLAUSE_REACH, 0);
    const status = foldedFigureStatus(f.slice(statusStart, first.start), f.slice(clauseFrom, first.start), context.phaseAt?.(cmp.from) ?? 'plan', planYear, f.slice(cand.end, clauseEnds.from(cand.end)));
    if (status === 'present') {
      i = Math.max(next, cand.end - 1);
      continue;
    }
    const clauseStart = clauseStartOf(f, first.start, previousEnd);
    const span = { clauseStart, from: cmp.from, numberStart: first.start, end: cmp.to, unit: cand.unit, afterPrevious: previousEnd > 0 && !CLAUSE_GAP.test(f.slice(previousEnd, clauseStart)) };
    let indicator: string | null;
    if (respective && span.clauseStart === first.start && respective.next < respective.names.length) {
      indicator = respective.names[respective.next++]!;
    } else if (previous?.indicator && RESTATED.test(f.slice(previousEnd, cmp.from))) {
      // 抽查比例不少于50%（60家次）: the figure in brackets restates the one before it
      indicator = previous.indicator;
    } else {
      const found = indicatorOf(f, text, span);
      indicator = found.text;
      respective = found.list ? { names: found.list, next: 1 } : null;
      // 水产品产量达49万吨，增长2.16%: a bare change names the previous figure's indicator
      if (indicator !== null && CHANGE_ONLY.test(indicator) && previous && previous.sentenceStart === sentenceStart && previous.indicator) {
        indicator = previous.indicator + indicator;
      }
      // 一本上线率提高2个百分点，力争达到35%: a level that names nothing is the level of the change before it
      if (indicator === null && previous && previous.sentenceStart === sentenceStart && previous.changed && previous.indicator) {
        indicator = levelAfterChange(previous.indicator);
      }
      // 一是推动8个在建重点项目建设。教育领域6个（含…）；医疗领域1个（…）: a category's bare count breaks down the count before it
      if (indicator !== null && CATEGORY_ONLY.test(indicator) && header && header.unit === cand.unit && first.start - header.end <= HEADER_REACH && !isHan(f[cmp.to])) {
        indicator += header.indicator;
      }
    }
    // 20%的村集体经济达50万元: a share of a population to reach is a floor
    const comparator: Comparator = cand.unit === '%' && !cmp.explicit && f[cmp.to] === '的' ? 'gte' : cmp.comparator;
    const t: FoundTarget = {
      text: text.slice(cmp.from, cmp.to), unit, comparator, kind, offset: cmp.from, end: cmp.to,
      status, indicator, indicatorKey: indicatorKeyOf(indicator, unit),
    };
    if (cand.second) {
      t.min = cand.first.value;
      t.max = cand.second.value;
    } else {
      t.value = cand.first.value;
    }
    if (per !== undefined) t.per = per;
    const direction = kind === 'change' || /[至到]$/.test(f.slice(cmp.from, first.start)) ? directionOf(f, span) : null;
    if (direction) t.direction = direction;
    const by = deadlineOf(f, text, sentenceStart, span);
    if (by) t.by = by;
    const baseline = baselineOf(f, span);
    if (baseline !== null) t.from = baseline;
    out.push(t);
    previousEnd = cmp.to;
    previous = { sentenceStart, indicator, changed: kind === 'change' };
    if (indicator !== null && !CATEGORY_ONLY.test(indicator) && !CATEGORY_ONLY.test(indicator.slice(0, indicator.length - (header?.indicator.length ?? 0)))) {
      header = { indicator: overviewName(recent, cand.first.value, cand.unit, indicator, first.start) ?? indicator, unit: cand.unit, end: cmp.to };
    }
    if (indicator !== null && cand.second === null) {
      recent.push({ value: cand.first.value, unit: cand.unit, indicator, end: cmp.to });
      if (recent.length > RECENT_MAX) recent.shift();
    }
    i = Math.max(next, cand.end - 1);
  }
  return out;
}

/**
 * Sentence boundaries of a text, for `sentenceAt`: computed once, then each
 * target finds its sentence by binary search.
 */
export class Sentences {
  private readonly ends: number[] = [];

  constructor(private readonly text: string) {
    // by code unit: text[i] would make a string of every Chinese character
    for (let i = 0; i < text.length; i++) if ((CLASS[text.charCodeAt(i)]! & SENTENCE_END) !== 0) this.ends.push(i + 1);
  }

  /** The sentence holding `offset`: from the previous 。！？； to the next one, at most `max` characters each way. */
  at(offset: number, max = 300): string {
    return this.around(offset, max).sentence;
  }

  /** The sentence holding `offset`, and where it starts in the text. */
  around(offset: number, max = 300): { sentence: string; start: number } {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    const start = Math.max(lo > 0 ? this.ends[lo - 1]! : 0, offset - max);
    const end = Math.min(lo < this.ends.length ? this.ends[lo]! : this.text.length, offset + max);
    // Targets of one sentence share its string: a sentence of four targets is held once, not four times.
    if (this.last && this.last.from === start && this.last.to === end) return this.last.found;
    const raw = this.text.slice(start, end);
    const found = { sentence: raw.trim(), start: start + raw.length - raw.trimStart().length };
    this.last = { from: start, to: end, found };
    return found;
  }

  private last: { from: number; to: number; found: { sentence: string; start: number } } | null = null;
}

/** The sentence around an offset (one-off use; `Sentences` for many offsets). */
export function sentenceAt(text: string, offset: number): string {
  return new Sentences(text).at(offset);
}
