// Commitment or result (spec section 3, "Commitments, not results"): many
// documents review last year before they plan the next, and plans recall what
// was reached. A figure the text reports as reached is `achieved`; one that
// only describes the present state (现有学校52所) is not reported at all.
//
// Pure functions over text and heading context, so they do not depend on how
// the outline is cut: the part a target sits in is known from the headings
// above it (工作回顾, 主要成效, 20XX年工作计划 …), from headings written inline in
// a flattened text (…。一、主要成效一年以来…), and from cues in its own clause
// (已, 累计, 同比, a past year before the figure).
import { toSimplified } from './hant.js';
import { startedBy } from './offsets.js';

/** Whether a part of a document reviews the past or plans ahead. */
export type Phase = 'plan' | 'review';

/** What a figure is: a commitment, a reported result, or a description of the present. */
export type FigureStatus = 'target' | 'achieved' | 'present';

export interface DocumentContext {
  /** The year the plan is for (2023 in 2022年工作总结暨2023年工作思路), null when unknown. */
  planYear: number | null;
  /** The phase of the text before the first heading that names one. */
  initial: Phase;
}

const fold = (s: string) => toSimplified(s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

// A year with a word that plans: 2023年工作计划, 2024年工作安排, 2023年度工作要点.
const PLAN_YEAR = /(20\d\d)年度?[\u4e00-\u9fff]{0,8}?(?:计划|思路|要点|安排|打算)/g;
const PLAN_YEAR_WEAK = /(20\d\d)年度?[\u4e00-\u9fff]{0,8}?(?:任务|目标)/g;
// A title that reviews first: 2022年工作总结暨2023年工作思路, 2021年工作总结和2022年工作计划, 关于2022年法治工作情况暨…
const REVIEW_TITLE = /20\d\d年度?[\u4e00-\u9fff]{0,10}?(?:总结|回顾|工作情况|完成情况|开展情况|执行情况)/;

/**
 * The plan year and the opening phase of a document, from its title (when
 * known), its opening text and its headings (inline ones too): a title that
 * reviews a year (…工作总结暨…计划) opens with the review.
 */
export function documentContext(title: string | null, year: number | null, opening: string, headings: readonly string[] = []): DocumentContext {
  // only a title-like first line of the opening counts (no sentence in it): a plan's prose may name other years
  const first = opening.trimStart().split('\n', 1)[0]!;
  const firstLine = first.length <= 80 && !/[，,。；;]/.test(first) ? first : '';
  const heads = [fold(title ?? ''), fold(firstLine), ...headings.map(fold)];
  // headings written inline in a flattened text: the words right after each top-level marker
  const body = fold(opening);
  for (const m of body.matchAll(INLINE_MARKER)) heads.push(body.slice(m.index + m[0].length, m.index + m[0].length + 20));
  let planYear: number | null = null;
  for (const h of heads) for (const m of h.matchAll(PLAN_YEAR)) planYear = Math.max(planYear ?? 0, Number(m[1]));
  // 目标/任务 name a plan's year less surely (到2025年的目标 in a 2024 plan): only when nothing else does
  if (planYear === null) for (const h of heads) for (const m of h.matchAll(PLAN_YEAR_WEAK)) planYear = Math.max(planYear ?? 0, Number(m[1]));
  if (planYear === null) planYear = year;
  // no year with a plan word: the latest year a heading names (全力抓好2021年农业农村工作)
  if (planYear === null) for (const h of headings) for (const m of fold(h).matchAll(/(20\d\d)年/g)) planYear = Math.max(planYear ?? 0, Number(m[1]));
  // only a title says the document opens with a review: a plan's opening may mention 2023年工作总结 in passing
  const head = fold(title ?? '') + '\n' + fold(firstLine);
  return { planYear, initial: REVIEW_TITLE.test(head) ? 'review' : 'plan' };
}

// ---------------------------------------------------------------- headings

// A heading (or one comma-separated part of it) that names a review: 主要成效,
// 2022年主要工作开展情况, 2023年工作回顾, 存在问题, 肯定成绩. The keyword ends the part,
// after at most a short qualifier, so 加强总结评估 or 巩固改革成效的措施 are not reviews.
const REVIEW_PART =
  /^(?:20\d\d年度?)?(?:主要|各项|重点|全年|年度|本年度|今年|过去一年|一年来|一年以来|肯定|[\u4e00-\u9fff]{0,4}?工作)?(?:取得的)?(?:成效|成绩|回顾|总结|检讨|开展情况|完成情况|进展情况|执行情况|落实情况|推进情况|基本情况|工作情况|主要做法|存在(?:的)?(?:主要)?问题|问题(?:和|与)不足|困难(?:和|与)问题|不足之处)$/;
// A heading that plans: 2023年工作计划, 2022年发展主要预期目标, 下一步工作打算.
const PLAN_PART =
  /^(?:20\d\d年度?[\u4e00-\u9fff]{0,8}?(?:计划|思路|安排|打算|要点|目标|任务)|(?:下一步|明年|今后|新的一年)?[\u4e00-\u9fff]{0,4}?(?:工作)?(?:计划|思路|安排|打算))$/;
// A top-level heading that plans without saying when: 主要目标, 重点任务. Inside a
// review part a sub-heading like this (（三）落实重点任务) still reviews.
const PLAN_PART_SECTION = /^[\u4e00-\u9fff]{0,4}?(?:目标|任务|要点|举措|措施)$/;

/**
 * The phase a heading names, or null when it names none (一、加强党的建设).
 * `level` is `sub` for a sub-section heading, which names a plan only by its
 * year or by 计划/思路/安排/打算.
 */
export function headingPhase(heading: string, planYear: number | null, level: 'section' | 'sub' = 'section'): Phase | null {
  const folded = fold(heading).replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '');
  const parts = folded
    .split(/[，,；;：:。\s（）()]+/)
    .map((p) => p.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, ''))
    .filter((p) => p.length > 0)
    .slice(0, 3);
  for (const part of parts) {
    if (REVIEW_PART.test(part)) return 'review';
    if (PLAN_PART.test(part) || (level === 'section' && PLAN_PART_SECTION.test(part))) return 'plan';
  }
  // a heading with its body on the same line (主要工作成效（一）坚持…, 2023年工作回顾2023年是…): its start decides
  if (INLINE_REVIEW.test(folded)) return 'review';
  if (level === 'section' && INLINE_PLAN.test(folded)) return 'plan';
  return null;
}

// Inline headings of a flattened text: a top-level marker (一、) after a sentence
// end or at the start, its heading glued to the body that follows
// (一、主要成效一年以来…, 二、2023年工作计划2023年是…). Only the start is known, so the
// keyword must come right after the marker and an optional year and qualifier.
const INLINE_MARKER = /(?:^|[。；;：:！？!?\s”」）)])((?:第)?[一二三四五六七八九十]{1,3}(?:、|部分))/g;
const INLINE_REVIEW =
  /^(?:20\d\d年度?)?(?:主要|各项|重点|全年|年度|本年度|今年|过去一年|一年来)?(?:[\u4e00-\u9fff]{0,4}?工作)?(?:成效|成绩|回顾|总结|开展情况|完成情况|进展情况|执行情况|落实情况|推进情况|基本情况|情况|存在(?:的)?(?:主要)?问题|问题(?:和|与)不足|困难(?:和|与)问题)/;
const INLINE_PLAN =
  /^(?:20\d\d年度?)?(?:下一步|明年|今后|新的一年|主要|重点|总体|工作)?(?:工作)?(?:计划|思路|安排|打算|要点|目标|任务|举措)/;

// A line that reads as a heading of its own: short, no sentence inside (2021年工作回顾, 2022年发展主要预期目标).
const HEADING_LINE = /^[^，,。；;！？!?]{2,24}$/;

// A year's heading at the very end of a line, with no sentence mark after it.
const TRAILING_HEADING = /20\d\d年度?[\u4e00-\u9fff]{0,10}$/;

/** Lines of a text that read as headings, with their offsets. */
export function headingLines(text: string): Array<{ offset: number; text: string }> {
  const out: Array<{ offset: number; text: string }> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (HEADING_LINE.test(t) && !t.includes('|')) out.push({ offset: at, text: t });
    at += line.length + 1;
  }
  return out;
}

/**
 * Where a text switches phase: headings on lines of their own, and inline headings of a flattened text, in order.
 * `folded`: the text with full-width ASCII folded, one char for one (the caller's matching form will do).
 */
export function inlinePhases(text: string, planYear: number | null, folded = fold(text)): Array<{ offset: number; phase: Phase }> {
  const f = folded;
  const out: Array<{ offset: number; phase: Phase }> = [];
  // a heading glued to the end of the line before it (…3700多万学生受益2022年发展主要预期目标)
  let at = 0;
  for (const line of f.split('\n')) {
    const tail = TRAILING_HEADING.exec(line);
    if (tail) {
      const phase = headingPhase(tail[0], planYear);
      if (phase) out.push({ offset: at + tail.index, phase });
    }
    at += line.length + 1;
  }
  if (text.includes('\n')) {
    for (const h of headingLines(text)) {
      const phase = headingPhase(h.text, planYear);
      if (phase) out.push({ offset: h.offset, phase });
    }
  }
  for (const m of f.matchAll(INLINE_MARKER)) {
    const at = m.index + m[0].length;
    const head = f.slice(at, at + 30);
    if (INLINE_REVIEW.test(head)) out.push({ offset: at, phase: 'review' });
    else if (INLINE_PLAN.test(head)) out.push({ offset: at, phase: 'plan' });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The phase at `offset` of a text that starts in `phase`. `switches` come from inlinePhases. */
export function phaseAt(switches: Array<{ offset: number; phase: Phase }>, offset: number, phase: Phase): Phase {
  // a flattened document repeated many times has many switches and many targets
  const k = startedBy(switches, offset);
  return k === 0 ? phase : switches[k - 1]!.phase;
}

// ---------------------------------------------------------------- the clause

// A result reported in the clause: 已建成, 累计完成, 完成了, 同比增长, 比上年, 截至目前.
const ACHIEVED_CUE =
  /已(?!于|经?(?:启动|开始|部署|印发|出台))|累计|先后|荣获|获评|被评为|完成了|实现了|达到了|增长了|提高了|下降了|同比|环比|比上年|较上年|比去年|较去年|截[至止](?:目前|当前|现在|今年|去年|上年|本月|\d{1,2}月)|总计|共计发放|一年来|年以来|过去一年|过去五年/;
// The present state, not a commitment: 全区现有学校52所, 共有, 拥有, 下辖9个支队.
const PRESENT_CUE = /现有|共有|拥有|现存|目前有|在册|在岗|在编|折算|下辖/;
// 拥有 in the name of a ratio (每千人口拥有, 每百名学生拥有, 人均拥有, 生均拥有) says nothing of the present.
const RATIO_HAS = /(?:每[^，。；,;]{1,6}?|[人生户校]均)拥有/g;
// A population named as whom the work is for: 以全市7600多名持证残疾人为主要对象.
const PRESENT_AFTER = /^[^，。；]{0,12}?为(?:主要|服务|工作)?(?:对象|主体)|^\s*(?:折算|计算)/;
// Words of doing: a clause with one commits or reports; one without only continues the sentence's description.
const DOING = /新建|新增|建设|建成|创建|培育|培训|完成|实现|达到|达|提高|提升|增长|开展|组织|举办|打造|引进|招聘|推进|推动|力争|确保|计划|要|将|争取|安排|检查|发放|投入|落实|保持|控制|不低于|不少于|至少/;
/** Does a clause (in matching form) say that something is done? Without such a word it only describes. */
export function clauseDoes(clause: string): boolean {
  return DOING.test(clause);
}

// A result named after the figure in its clause: 13处农村学校塑胶运动场地已完成基础建设.
const ACHIEVED_AFTER = /^[^，。；]{0,12}?(?:已(?:经)?(?:完成|建成|实现|达到|开工|投入|竣工|通过)|完成了|建成了)|^\s*(?:总计|共计|累计)/;
// A share described, not committed to: 占中央专案核配剂的98.7%, 占年度计划投资总额的75%,
// 占全市18岁以上目标的人口87.56% (the whole named after 的, then the figure).
const SHARE_OF = /占(?!比)[^，。；]{0,20}?的(?:[\u4e00-\u9fff]{1,4})?\s*$|占\s*$/;
const SHARE_COMMITTED = /达|不低于|不少于|提高|提升|超过|力争|确保|保持/;
// A year that sets the time of the clause: at its start (2021年，要实现…; 到2025年; 预计2021年前三季度).
const CLAUSE_YEAR = /(?:^|[，,；;。：:\s]|到|在|至|于|预计|计划|力争)\s*(20\d\d)年(?!度?[\u4e00-\u9fff]{0,6}?(?:项目|计划|任务|目标|重点))/g;

// A comparison with last year (较上年提高3个百分点以上, 比去年下降0.5个百分点) says nothing of
// when: plans set targets that way as often as reviews report results. The part decides.
const LAST_YEAR_COMPARISON = /(?:比|较)(?:上年|去年|上一年)(?:同期)?/g;
// Last year named as when the figure happened (在去年新增学位2000个的基础上): a result.
const LAST_YEAR_FIGURE = /(?<![比较于同])(?:去年|上年|上一年)(?!度?(?:同期|水平|基础))/;
// A sentence that opens on last year (去年全县新建学校3所，较上年增加1所) reports it.
const LAST_YEAR_SENTENCE = /^\s*(?:去年|上年|上一年)(?!度?(?:同期|水平|基础))/;

/** Last year named before the figure with no other figure between (在去年新增学位2000个的基础上再新增1500个: only 2000个). */
function lastYearFigure(clause: string): boolean {
  const m = LAST_YEAR_FIGURE.exec(clause);
  return m !== null && !/[\d〇零一二两三四五六七八九十百千万]+\s*[个所人名项%]/.test(clause.slice(m.index + m[0].length));
}

/**
 * What the clause says of a figure: `sentence` is the sentence up to the
 * figure (its start included), `clause` the clause holding it up to the figure.
 * Null when the clause says nothing and the part decides.
 */
export function clauseStatus(sentence: string, clause: string, planYear: number | null, after = ''): FigureStatus | null {
  return foldedClauseStatus(fold(sentence), fold(clause), planYear, fold(after));
}

/** clauseStatus of texts already in matching form (the targets scan folds once). */
export function foldedClauseStatus(s: string, c: string, planYear: number | null, after: string): FigureStatus | null {
  // 每千人口拥有托位数, 人均拥有: a ratio's name, not a present state
  if (c.includes('拥有')) c = c.replace(RATIO_HAS, '');
  if (s.includes('拥有')) s = s.replace(RATIO_HAS, '');
  if (PRESENT_CUE.test(c) || (c.includes('以') && PRESENT_AFTER.test(after)) || /^\s*(?:折算|计算)/.test(after)) return 'present';
  // 我局机关在册在岗56人，专门执法机构10人，共66人: the description goes on in the next clauses
  if (PRESENT_CUE.test(s) && !DOING.test(c)) return 'present';
  // a year before the figure, in its sentence: past → result, the plan's or later → commitment
  let lastYear: number | null = null;
  if (s.includes('年')) for (const m of s.matchAll(CLAUSE_YEAR)) lastYear = Number(m[1]);
  const share = SHARE_OF.exec(c);
  if (share && !SHARE_COMMITTED.test(share[0])) return 'achieved';
  const achieved = ACHIEVED_CUE.test(c.replace(LAST_YEAR_COMPARISON, '')) || lastYearFigure(c) || LAST_YEAR_SENTENCE.test(s) || ACHIEVED_AFTER.test(after);
  if (!achieved && c.includes('年') && /到20\d\d年|20\d\d年(?:前|底前|年底)/.test(c)) return 'target';
  if (achieved) return 'achieved';
  if (lastYear !== null && planYear !== null) {
    if (lastYear < planYear && !/到20\d\d/.test(s)) return 'achieved';
    if (lastYear >= planYear) return 'target';
  }
  return null;
}

/** The status of a figure: the clause first, then the part it sits in. */
export function figureStatus(sentence: string, clause: string, phase: Phase, planYear: number | null, after = ''): FigureStatus {
  return foldedFigureStatus(fold(sentence), fold(clause), phase, planYear, fold(after));
}

/** figureStatus of texts already in matching form. */
export function foldedFigureStatus(sentence: string, clause: string, phase: Phase, planYear: number | null, after: string): FigureStatus {
  const local = foldedClauseStatus(sentence, clause, planYear, after);
  if (local !== null) return local;
  return phase === 'review' ? 'achieved' : 'target';
}

// ---------------------------------------------------------------- tables

// A table column of results: 完成情况, 1-9月份工作取得成效, 进展情况; of a baseline
// printed beside the target: 2023年完成值, 实际值, 现状值, 基期值.
const RESULT_COLUMN = /完成情况|取得成效|进展情况|完成进度|进度情况|工作成效|实际完成|落实情况|执行情况|完成值|实际值|现状值|基期值|基准值|基线值/;

/** Columns of a table header row (cells split by |) that report results, by index. */
export function resultColumns(headerRow: string): boolean[] | null {
  const cells = splitCells(fold(headerRow));
  if (cells.length < 3) return null;
  const flags = cells.map((c) => RESULT_COLUMN.test(c));
  return flags.some(Boolean) ? flags : null;
}

function splitCells(row: string): string[] {
  const cells = row.split('|').map((c) => c.trim());
  if (cells[0] === '') cells.shift();
  // scraped rows are padded with empty cells at the end (… | 0535 | |): they are no columns
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * Is the cell holding `offset` of a table row in a results column? Rows with
 * merged cells have fewer cells than the header, so they are aligned from the
 * right when the header has a trailing column the row keeps.
 */
export function inResultColumn(row: string, offset: number, columns: boolean[]): boolean {
  if (!row.includes('|')) return false;
  const lead = row.trimStart().startsWith('|') ? 1 : 0;
  let index = -lead;
  for (let i = 0; i < offset && i < row.length; i++) if (row[i] === '|') index++;
  const cells = splitCells(row);
  if (index < 0 || index >= cells.length) return false;
  const shift = cells.length < columns.length ? columns.length - cells.length : 0;
  return columns[index + shift] === true;
}
