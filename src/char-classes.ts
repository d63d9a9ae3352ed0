// A per-character flag table, by UTF-16 code unit: the scans of a long line
// (outline markers, targets) test a character with one array read, not a regex.

export interface CharClasses {
  table: Uint8Array;
  /** Set `flag` on every character of `chars`. */
  mark(chars: string, flag: number): void;
  /** Set `flag` on every code unit from `from` to `to`, inclusive. */
  markRange(from: number, to: number, flag: number): void;
}

export function charClasses(): CharClasses {
  const table = new Uint8Array(0x10000);
  return {
    table,
    mark(chars, flag) {
      for (const ch of chars) table[ch.charCodeAt(0)]! |= flag;
    },
    markRange(from, to, flag) {
      for (let c = from; c <= to; c++) table[c]! |= flag;
    },
  };
}
