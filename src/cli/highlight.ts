// JSON on a terminal: keys lightly coloured, as jq does, so the shape of a
// plan stands out from its (long, Chinese) string values. Only the text the
// serialiser wrote is painted: the scan never has to understand JSON beyond
// "a string followed by a colon is a key".
import type { ChalkInstance } from 'chalk';

// A JSON string (escapes included), then, when it is a key, the colon after it.
// The alternatives inside cannot overlap, so the scan stays linear.
const STRING = /"(?:[^"\\\n]|\\.)*"(\s*:)?/g;

/** `text` with every object key painted by `c.blue`; unchanged when `c` has no colours. */
export function highlightJsonKeys(text: string, c: ChalkInstance): string {
  if (c.level === 0) return text;
  return text.replace(STRING, (match, colon: string | undefined) =>
    colon === undefined ? match : c.blue(match.slice(0, match.length - colon.length)) + colon,
  );
}
