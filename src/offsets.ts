// Tables sorted by offset (a node's segments, a block's parts, a text's rows
// and phase switches) are looked up the same way: by binary search, since a
// flattened page gives tens of thousands of entries.

/** How many entries start at or before `offset`; entries are sorted by `offset`. */
export function startedBy(entries: ReadonlyArray<{ offset: number }>, offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
