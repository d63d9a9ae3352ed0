// Stage 2b: debris that mirror sites insert into words. A pinyin gloss after
// a character (工(gōng)作(zuò)), a Traditional or reading note ([繁体:園],
// (繁:學), {拼音:zhōng}, (读:èr)) — none of it is the author's text, and it
// breaks outline markers (二(读:èr)、) and sentences apart. It is cut out of
// the line and kept in an audit list with its column.

export interface DebrisPiece {
  /** 0-based column of the piece in the line it was cut from. */
  col: number;
  text: string;
}

// A pinyin syllable with a tone mark: the mark is what tells a gloss from an
// abbreviation in brackets ((AI), (PPP), (a)). Optionally several syllables.
const TONED = '[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*';
const SYLLABLES = `${TONED}(?:\\s?${TONED}){0,3}`;
const CJK_BEFORE = '(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])';
// A gloss right after a Han character, in round brackets of either width.
const PINYIN_GLOSS = `${CJK_BEFORE}[(（]${SYLLABLES}[)）]`;
// A labelled note in any bracket: 繁体 / 繁 / 简体 / 拼音 / 读 / 读音 / 注音 then a colon.
const LABELLED_NOTE = '[(（\\[【{｛](?:繁體|繁体|繁|簡體|简体|拼音|讀音|读音|读|讀|注音|音)\\s*[:：][^)）\\]】}｝\\n]{1,12}[)）\\]】}｝]';

const DEBRIS = new RegExp(`${LABELLED_NOTE}|${PINYIN_GLOSS}`, 'gu');

/** Cut mirror-site debris out of one line: the cleaned text and the pieces, with their columns in `text`. */
export function removeDebris(text: string): { text: string; debris: DebrisPiece[] } {
  // Cheap exit: every piece holds a bracket.
  if (!/[(（[【{｛]/.test(text)) return { text, debris: [] };
  const debris: DebrisPiece[] = [];
  const kept = text.replace(DEBRIS, (piece: string, col: number) => {
    debris.push({ col, text: piece });
    return '';
  });
  return debris.length === 0 ? { text, debris } : { text: kept, debris };
}

/** Map a column of the cleaned text back to the column of the text before debris was cut. */
export function columnBeforeDebris(debris: DebrisPiece[] | undefined, col: number): number {
  if (!debris) return col;
  let shift = 0;
  for (const d of debris) {
    // A piece cut at or before this point moved everything after it left by its length.
    if (d.col - shift <= col) shift += d.text.length;
    else break;
  }
  return col + shift;
}

/** Stage 2b over lines: each line loses its debris, which it keeps in `debris` for the audit. */
export function cutDebris<T extends { text: string; fold: string; debris?: DebrisPiece[] }>(lines: T[], fold: (s: string) => string): T[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const { text, debris } = removeDebris(line.text);
    if (debris.length > 0) lines[i] = { ...line, text, fold: fold(text), debris };
  }
  return lines;
}
