// Ranges of text offsets, sorted by start and not overlapping (segments,
// findings, spans): where a position falls among them, by binary search, so
// pages with thousands of them stay cheap.

/** Index of the first range that ends after offset x (ranges.length when none does). */
export function firstEndingAfter(ranges: readonly { end: number }[], x: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
