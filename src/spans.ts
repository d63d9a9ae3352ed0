// Lines → spans. A crawler may flatten a whole page onto one line (breadcrumb,
// date, share widgets, notice, title, plan); a line can then be neither kept
// nor dropped whole. A span is a piece of one line with its column, cut where
// a flattened page joins its blocks: after a sentence end, at a space between
// Chinese words, after the colon that closes a notice's addressees. Spans are
// what boilerplate and metadata judge; reflow joins adjacent content spans of
// a line back together, so prose is never cut up by this stage.
import type { Line } from './lines.js';
import { BRACKET_PAIRS, TRAILING_CLOSERS } from './brackets.js';
import { charClasses } from './char-classes.js';
import { labelAt } from './labels.js';
import { markerOf } from './markers.js';

// Han characters and Chinese punctuation: a space next to one separates blocks,
// a space between two Latin words or numbers (09:42, PDF 2.0) does not.
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff60“”‘’…—]/;
const SENTENCE_END = /[。！？!?]/;
const CLOSERS = TRAILING_CLOSERS;
const OPENERS = BRACKET_PAIRS;
const CLOSING = new Set(OPENERS.values());
const SIGNATURE_DATE = /([局委府室心会厅部院校组])(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?=\s|$)/g;
const GLUED_NOTICE = [
  // the red header before its doc number: 中国电力企业联合会文件|中电联统计〔2021〕18号
  /文件(?=[\u4e00-\u9fff]{1,12}[〔[(（【][12]\d{3}[〕\])）】])/g,
  // a doc number before what follows it
  /(?<=[\u4e00-\u9fff])[〔[(（【][12]\d{3}[〕\])）】]\s*第?\d{1,4}\s*号(?=[\u4e00-\u9fff])/g,
  // a notice title before its addressees
  /的通知(?=各)/g,
  // a title before an attachment mark, and the attachment mark before the attached title
  /(要点|计划|方案|意见|规划|通知)(?=附\s*件)/g,
  /附\s*件(?=[12]\d{3}年)/g,
  // the attached plan's title before its opening sentence
  /(工作要点|工作计划|实施方案|工作方案|工作意见|发展规划)(?=为了?[\u4e00-\u9fff]{2}|根据|按照)/g,
];
// The characters the scan acts on: brackets, sentence ends, spaces, colons, 日 (a date's end), 一 (section 一、).
const interesting = charClasses();
interesting.mark([...OPENERS.keys(), ...OPENERS.values(), '。！？!? :：日一'].join(''), 1);
const INTERESTING = interesting.table;
const FULL_DATE = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/**
 * Cut points of one line: offsets where a new span starts. Patterns are
 * matched on `text` (full-width ASCII folded); whether a neighbour is Chinese
 * is asked of `display`, the line as written (（ folds to ( but is Chinese).
 */
export function cutPoints(text: string, display: string = text): number[] {
  const cuts: number[] = [];
  const open: string[] = [];
  // A notice flattened without a single space or stop: XX文件 | XX〔2021〕18号 | XX关于印发《…》的通知 | 各…：
  // | 附件：… | 附件 | title | 为贯彻…. Each join has a shape of its own.
  const glued = new Set<number>();
  for (const re of GLUED_NOTICE) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      // Only where no sentence has started: a notice's parts carry no comma before the join
      // (looking back to the last full stop, which ends the sentence before).
      const before = text.slice(Math.max(0, at - 24), at);
      const piece = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？')) + 1);
      if (at < text.length && piece.length > 0 && !/[，,；;]/.test(piece)) glued.add(at);
    }
  }
  let pieceStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (glued.size > 0 && glued.has(i) && i > pieceStart) {
      cuts.push(i);
      pieceStart = i;
      open.length = 0;
    }
    // Plain text is skipped with one table lookup.
    if (!INTERESTING[text.charCodeAt(i)]) continue;
    const ch = text[i]!;
    const closer = OPENERS.get(ch);
    if (closer !== undefined) {
      // Brackets left open by a cut-off page must not swallow the rest of the line.
      if (open.length < 4) open.push(closer);
      continue;
    }
    if (CLOSING.has(ch)) {
      const at = open.lastIndexOf(ch);
      if (at >= 0) open.length = at;
      continue;
    }
    // …except before a label at a space: a page cut off inside a bracket (三、改革工作要点 ( 浏览次数: 更新时间:…)
    // runs into the page's tail, whose labels start pieces whatever is open.
    if (open.length > 0 && i - pieceStart < 400) {
      if (ch === ' ' && labelAt(text, i + 1)) {
        cuts.push(i + 1);
        pieceStart = i + 1;
        open.length = 0;
      }
      continue;
    }
    if (SENTENCE_END.test(ch)) {
      let end = i + 1;
      while (end < text.length && (CLOSERS.test(text[end]!) || SENTENCE_END.test(text[end]!))) end++;
      if (end < text.length) {
        const next = text[end] === ' ' ? end + 1 : end;
        cuts.push(next);
        pieceStart = next;
        i = next - 1;
      }
      continue;
    }
    // A title glued to the first section (…工作计划范文一、指导思想): the section starts a span.
    if (ch === '一' && (text[i + 1] === '、' || text[i + 1] === '.') && i - pieceStart >= 4 && i - pieceStart <= 60 && !/[。，,；;：:！？!?]/.test(text.slice(pieceStart, i))) {
      cuts.push(i);
      pieceStart = i;
      continue;
    }
    // A signature date glued to what follows (2023年4月10日君山片区…方案): the date ends its span.
    if (ch === '日' && i - pieceStart <= 20 && i + 1 < text.length && !/[\s，,。；;）)]/.test(text[i + 1]!) && FULL_DATE.test(text.slice(pieceStart, i + 1))) {
      cuts.push(i + 1);
      pieceStart = i + 1;
      continue;
    }
    if (ch === ' ' && i > pieceStart) {
      const before = display[i - 1]!;
      const after = display[i + 1] ?? '';
      // label: value stays one span (当前位置： 首页…, 时间： 2023-04-28)
      if (/[:：]/.test(before)) continue;
      // a breadcrumb stays one span (首页 > 政务公开 > 部门文件 > 区教育局): its pieces alone are no chrome
      if (/[>»›＞→]/.test(before) || /[>»›＞→]/.test(after)) continue;
      // An outline marker after a space starts a piece whatever stands before it (字体:[ ] 1.实施…).
      if (/[\d一二三四五六七八九十（(]/.test(after) && startsEntry(text, i + 1)) {
        cuts.push(i + 1);
        pieceStart = i + 1;
        continue;
      }
      // A date or a number and its unit written apart (2022年 03月 18日, 784 次) is one piece.
      if (/[\d年月]/.test(before) && /\d/.test(after)) continue;
      if (/\d/.test(before) && /^[次人个年月日元万%％页字篇份]($|[\s|｜])/.test(display.slice(i + 1, i + 3))) continue;
      if (CJK.test(before) || CJK.test(after)) {
        cuts.push(i + 1);
        pieceStart = i + 1;
      }
      continue;
    }
    // 各处室，各学校：现将… — the addressees of a notice end at their colon.
    if ((ch === '：' || ch === ':') && text[pieceStart] === '各' && i - pieceStart <= 120 && i + 1 < text.length && text[i + 1] !== ' ') {
      cuts.push(i + 1);
      pieceStart = i + 1;
    }
  }
  // A signature glued to its date at the end of a block (…财政金融局2023年6月29日): the date is a span of its own.
  for (const m of text.matchAll(SIGNATURE_DATE)) {
    const at = m.index + m[1]!.length;
    if (!cuts.includes(at)) cuts.push(at);
  }
  return cuts.sort((a, b) => a - b);
}

/** Whether a section or item marker followed by a Chinese word starts at `at` (一、加强…, 1.实施…, （三）推进…). */
function startsEntry(text: string, at: number): boolean {
  const m = markerOf(text.slice(at, at + 12));
  return m !== null && (m.level === 'section' || m.level === 'subsection' || m.level === 'item') && /[\u4e00-\u9fff]/.test(text[at + m.length] ?? '');
}

/** Split one line into spans at its cut points; a line without cuts is returned as it is. */
export function splitLine(line: Line): Line[] {
  const cuts = cutPoints(line.fold, line.text);
  if (cuts.length === 0) return [line];
  const spans: Line[] = [];
  let from = 0;
  for (const at of [...cuts, line.text.length]) {
    // A space at a cut belongs to neither span: it is the gap between them.
    let end = at;
    while (end > from && line.text[end - 1] === ' ') end--;
    if (end > from) {
      const span: Line = { ...line, col: line.col + from, text: line.text.slice(from, end), fold: line.fold.slice(from, end) };
      spans.push(span);
    }
    from = at;
  }
  return spans;
}
