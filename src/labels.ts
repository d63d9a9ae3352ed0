// Disclosure-table labels (索引号, 发文机关, 成文日期 …) and the cells of a
// metadata line. Scrapers cut the first characters of a line's first label
// ("号:" for 索引号, "称:" for 名称), so a label at the start of a line may be
// any tail of a known label.
import type { MetadataField } from './schema.js';
import { toSimplified } from './hant.js';

type Key = MetadataField['key'];

const LABELS: Array<[string, Key]> = [
  ['标题', 'title'], ['名称', 'title'], ['文件名称', 'title'], ['信息名称', 'title'], ['题名', 'title'], ['文件标题', 'title'],
  ['索引号', 'indexNumber'], ['信息索引号', 'indexNumber'], ['索取号', 'indexNumber'],
  ['发文字号', 'docNumber'], ['文号', 'docNumber'], ['发文号', 'docNumber'], ['文件编号', 'docNumber'], ['文件字号', 'docNumber'],
  ['发文机关', 'issuer'], ['发布机构', 'issuer'], ['发文单位', 'issuer'], ['发布单位', 'issuer'], ['成文单位', 'issuer'],
  ['制发机关', 'issuer'], ['发文机构', 'issuer'], ['发布机关', 'issuer'], ['公开主体', 'issuer'], ['信息公开主体', 'issuer'],
  ['公开责任部门', 'issuer'], ['责任部门', 'issuer'], ['主办单位', 'issuer'],
  ['来源单位', 'source'], ['信息来源', 'source'], ['来源', 'source'], ['文章来源', 'source'],
  ['分类', 'category'], ['信息分类', 'category'], ['主题分类', 'category'], ['内容分类', 'category'], ['公文种类', 'category'],
  ['体裁分类', 'category'], ['组配分类', 'category'], ['文种', 'category'], ['所属主题', 'category'], ['信息类别', 'category'],
  ['成文日期', 'written'], ['发文日期', 'written'], ['印发日期', 'written'], ['成文时间', 'written'], ['签发日期', 'written'],
  ['发布日期', 'published'], ['发布时间', 'published'], ['公开日期', 'published'], ['公开时间', 'published'], ['时间', 'published'],
  ['日期', 'published'], ['发表时间', 'published'], ['发稿时间', 'published'], ['更新时间', 'published'], ['上传时间', 'published'],
  ['生成日期', 'generated'],
  ['原文链接', 'url'], ['原文地址', 'url'], ['本文链接', 'url'], ['来源链接', 'url'], ['页面链接', 'url'], ['网址', 'url'], ['链接地址', 'url'], ['URL', 'url'],
  ['栏目', 'category'], ['所属栏目', 'category'], ['本地目录', 'other'], ['本地路径', 'other'],
  ['生效时间', 'effective'], ['生效日期', 'effective'], ['实施日期', 'effective'], ['施行日期', 'effective'],
  ['废止时间', 'expires'], ['废止日期', 'expires'], ['失效时间', 'expires'], ['失效日期', 'expires'], ['有效期', 'expires'],
  ['有效性', 'other'], ['时效', 'other'],
  ['主题词', 'subject'], ['关键词', 'subject'], ['关键字', 'subject'],
  ['作者', 'author'], ['撰稿', 'author'], ['发布者', 'author'], ['发布人', 'author'], ['发稿人', 'author'], ['编者', 'author'],
  ['发布部门', 'issuer'],
  ['浏览量', 'other'], ['浏览次数', 'other'], ['阅读次数', 'other'], ['阅读量', 'other'], ['点击数', 'other'], ['点击量', 'other'],
  ['访问量', 'other'], ['字体', 'other'], ['字号', 'other'], ['公开方式', 'other'], ['公开范围', 'other'], ['公开形式', 'other'],
];

const KEY_OF = new Map(LABELS.map(([label, key]) => [label, key]));

// A page counter's label, by its shape: a word of viewing, perhaps after a
// running total, and a count (阅读次数, 浏览量, 访问次数, 点击数, 总浏览量,
// 累计次数). Its value is a number or nothing.
const COUNTER_LABEL = '(?:累计|总)?(?:阅读|浏览|访问|点击)(?:次数|人次|量|数)?|查看(?:次数|人次|量|数)|累计(?:次数|人次)|人气';
const COUNTER_LABEL_WHOLE = new RegExp(`^(?:${COUNTER_LABEL})$`);

/** Whether a label names a page counter (阅读次数, 浏览量, 访问次数 …). */
export function isCounterLabel(label: string): boolean {
  return COUNTER_LABEL_WHOLE.test(label.replace(/ /g, ''));
}

// Longest labels first so 信息分类 wins over 分类. Spaces may sit between the
// characters of a label (索  引 号, 标      题).
const spaced = (label: string) => [...label].join(' *');
const FULL = [...KEY_OF.keys()].sort((a, b) => b.length - a.length).map(spaced).join('|');
const CELL = new RegExp(`(${FULL}|${COUNTER_LABEL})\\s*[:：]`, 'g');
// The same, matched only where lastIndex points: whether a line opens with a
// label is asked of every line, and an unanchored search of a long line
// through this alternation of 90 labels was the costliest regex of a batch.
const CELL_AT = new RegExp(CELL.source, 'y');

/** Tails of known labels, usable only at the start of a line: 号, 称, 引号 … */
const TAILS = new Map<string, Key[]>();
for (const [label, key] of LABELS) {
  for (let i = 1; i < label.length; i++) {
    const tail = label.slice(i);
    const keys = TAILS.get(tail) ?? [];
    if (!keys.includes(key)) keys.push(key);
    TAILS.set(tail, keys);
  }
}
const TAIL_AT_START = new RegExp(`^(${[...TAILS.keys()].sort((a, b) => b.length - a.length).map(spaced).join('|')})\\s*[:：]`);
// A value that is only a label's tail and its colon (号: 词: — the table's next
// cell, 主题词, cut by the scrape): an empty cell of its own.
const TAIL_ALONE = new RegExp(`^(${[...TAILS.keys(), ...KEY_OF.keys()].sort((a, b) => b.length - a.length).map(spaced).join('|')})\\s*[:：]$`);

// A date opening a line, with or without a word of publishing, then spaces or a bar.
const LEADING_DATE = /^(?:发表于|发布于|更新于|发布|发表)?\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:\s*[|｜]\s*|\s+|$)/;
const DATE_KEYS: Key[] = ['published', 'written', 'generated', 'effective', 'expires'];
const TRAILING_DATE = /^(.*?\S)\s+(?:发表于|发布于)?\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$/;
// Whether some label: cell follows (anywhere): what makes a line opened by a date a byline.
const CELL_AT_ANY = new RegExp(CELL.source);

export interface Cell {
  label: string;
  /** Candidate keys; several when a cut label is ambiguous (号 → indexNumber or docNumber). */
  keys: Key[];
  value: string;
  cut: boolean;
}

// A pager's label: 上一篇：…, 下一条：…
const PAGER_AT = /(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]/y;

/** Whether a metadata, counter or pager label with its colon starts at `at` (浏览次数:, 更新时间：, 上一篇:). */
export function labelAt(text: string, at: number): boolean {
  CELL_AT.lastIndex = at;
  if (CELL_AT.test(text)) return true;
  PAGER_AT.lastIndex = at;
  return PAGER_AT.test(text);
}

/**
 * A line that is a label alone (索引号, 发布机构：, 【文号】), as table scrapes
 * print one cell per line with the value on the next line. Null otherwise.
 */
export function labelOnly(text: string): { label: string; key: Key } | null {
  const t = text.trim().replace(/^[【\[]\s*/, '').replace(/\s*[】\]]?\s*[:：]?$/, '').replace(/ /g, '');
  const key = KEY_OF.get(t);
  return key ? { label: t, key } : null;
}

/**
 * Split a line into label: value cells. Returns [] unless the line starts with
 * a label. `text` is matched (the folded form); values are cut from `display`,
 * which has the same length, so they keep the characters as written.
 */
export function cellsOf(text: string, display: string = text): Cell[] {
  // 【发布机构】value reads like label: value; rewritten in place (【 → space,
  // 】 → ：) so offsets still match the display text. Labels are matched in
  // Simplified characters (發佈日期, 瀏覽次數), one for one.
  let t = toSimplified(text.trim());
  // A byline may open with its date and no label (2024-01-22  阅读量：89, 发表于 2024-01-22 | 分类：…).
  const dated = LEADING_DATE.exec(t);
  // (A date alone is no byline: a signature's date is read as the date it was written.)
  if (dated && dated[0].length < t.length && CELL_AT_ANY.test(t.slice(dated[0].length))) {
    const at = dated[0].indexOf(dated[1]!);
    const rest = cellsOf(t.slice(dated[0].length), display.trim().slice(dated[0].length));
    if (rest.length > 0) return [{ label: '', keys: ['published'], value: display.trim().slice(at, at + dated[1]!.length), cut: false }, ...rest];
  }
  const bracket = /^【([^】]{2,6})】/.exec(t);
  if (bracket) t = ` ${bracket[1]}：${t.slice(bracket[0].length)}`;
  // A bar of bracketed cells (【发布时间：2024-03-05】【来源：…】): brackets read as spaces, in place.
  // Only a closed one: 【字体： with its bracket cut off, running into the plan, is no cell.
  const bracketed = !bracket && /^[【[][^】\]]{2,12}[:：][^】\]【[]{0,60}[】\]]/.test(t);
  if (bracketed) t = t.replace(/[【】[\]]/g, ' ');
  const lead = bracket || bracketed ? 1 : 0;
  const shown = display.trim();
  const found: Array<{ at: number; end: number; label: string; keys: Key[]; cut: boolean }> = [];
  const head = bracket ? null : TAIL_AT_START.exec(t);
  CELL_AT.lastIndex = lead;
  if (CELL_AT.test(t)) {
    // a full label at the start
  } else if (head) {
    const label = head[1]!.replace(/ /g, '');
    found.push({ at: 0, end: head[0].length, label, keys: TAILS.get(label) ?? ['other'], cut: true });
  } else {
    return [];
  }
  CELL.lastIndex = found.length ? found[0]!.end : 0;
  for (let m = CELL.exec(t); m; m = CELL.exec(t)) {
    const label = m[1]!.replace(/ /g, '');
    found.push({ at: m.index, end: m.index + m[0].length, label, keys: [KEY_OF.get(label) ?? 'other'], cut: false });
  }
  const cells: Cell[] = [];
  found.forEach((f, i) => {
    let value = shown.slice(f.end, i + 1 < found.length ? found[i + 1]!.at : t.length).trim().replace(/[;；]\s*$/, '').trim();
    if (bracketed) value = value.replace(/[【】[\]]/g, ' ').trim();
    const tail = TAIL_ALONE.exec(t.slice(f.end, i + 1 < found.length ? found[i + 1]!.at : t.length).trim());
    if (tail) {
      const label = tail[1]!.replace(/ /g, '');
      cells.push({ label: f.label, keys: f.keys, value: '', cut: f.cut });
      cells.push({ label, keys: KEY_OF.has(label) ? [KEY_OF.get(label)!] : TAILS.get(label) ?? ['other'], value: '', cut: !KEY_OF.has(label) });
    } else {
      // A date with no label run into the cell before it (来源：某县教育局 2024-01-22 10:30): the page's date.
      const dated = DATE_KEYS.some((k) => f.keys.includes(k)) ? null : TRAILING_DATE.exec(value);
      if (dated) {
        cells.push({ label: f.label, keys: f.keys, value: dated[1]!, cut: f.cut });
        cells.push({ label: '', keys: ['published'], value: dated[2]!, cut: false });
      } else cells.push({ label: f.label, keys: f.keys, value, cut: f.cut });
    }
  });
  return cells;
}
