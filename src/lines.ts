// Internal working data passed between stages. Output types live in schema.ts.
import type { DebrisPiece } from './debris.js';

/**
 * One source line after normalisation, or a span of one (see spans.ts): a
 * piece of a line that a crawler flattened, with the column it starts at.
 */
export interface Line {
  /** 1-based line number in the decoded input. */
  no: number;
  /** 0-based column where this span starts in its line's text (0 for a whole line); debris excluded. */
  col: number;
  /** Debris cut out of this span's line (shared by all spans of the line), columns before the cut. */
  debris?: DebrisPiece[];
  /** Display text: invisible characters removed, spaces folded and trimmed; Chinese punctuation as written. */
  text: string;
  /** Matching form of `text`, same length: full-width ASCII folded to ASCII (１．→1.). */
  fold: string;
  /** The line was not empty but held only spaces, NBSP or invisible characters. */
  filler?: true;
  /** Markdown heading depth when the line came from a `#` heading. */
  heading?: number;
  /** Last source line of a Markdown block that started on this line. */
  last?: number;
  /** Markdown list entry that starts on this line. */
  list?: ListEntry;
}

/** A Markdown list entry: top-level entries are items, nested ones sub-points. */
export interface ListEntry {
  /** 1 for a list at the top level, 2 and more for lists inside list entries. */
  depth: number;
  ordered: boolean;
  /** Number of the entry: as counted by Markdown for ordered lists, its position for bullets. */
  number: number;
  /** The list marker as written: 1. 1) - * + */
  marker: string;
}

/** A paragraph of content: one line, or several rejoined by reflow. */
export interface Block {
  text: string;
  fold: string;
  start: number;
  end: number;
  /** Where each source span sits, in order: its offset, line and column. Offsets count from `base`. */
  parts: BlockPart[];
  /** Offset of this block's text in its parts' coordinates (a block cut from a longer one); 0 when absent. */
  base?: number;
  heading?: number;
  list?: ListEntry;
}

/** A span's place inside a block's text. */
export interface BlockPart {
  offset: number;
  line: number;
  col: number;
}

export function blockOf(line: Line): Block {
  const block: Block = { text: line.text, fold: line.fold, start: line.no, end: line.last ?? line.no, parts: [{ offset: 0, line: line.no, col: line.col }] };
  if (line.heading !== undefined) block.heading = line.heading;
  if (line.list !== undefined) block.list = line.list;
  return block;
}
