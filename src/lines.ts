// Internal working data passed between stages. Output types live in schema.ts.

/** One source line after normalisation. */
export interface Line {
  /** 1-based line number in the decoded input. */
  no: number;
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
}

/** A paragraph of content: one line, or several rejoined by reflow. */
export interface Block {
  text: string;
  fold: string;
  start: number;
  end: number;
  heading?: number;
}

export function blockOf(line: Line): Block {
  const block: Block = { text: line.text, fold: line.fold, start: line.no, end: line.last ?? line.no };
  if (line.heading !== undefined) block.heading = line.heading;
  return block;
}
