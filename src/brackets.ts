// Brackets and quotation marks as the scans of a line pair them (spans.ts
// cuts a flattened page, segment.ts finds outline markers inside a
// paragraph): what they open stays whole until its closer.

/** Opening mark → its closing mark. */
export const BRACKET_PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'], ['《', '》'], ['(', ')'], ['（', '）'], ['【', '】'], ['「', '」'], ['『', '』'], ['〔', '〕'], ['[', ']'],
]);

/** Marks that may close a sentence's end after its stop: 。” 。） */
export const TRAILING_CLOSERS = /[”’」』）)】〕]/;
