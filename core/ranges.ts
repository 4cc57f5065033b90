// Ranges of text offsets, sorted by start and not overlapping (segments,
// findings, spans): where a position falls among them, by binary search, so
// pages with thousands of them stay cheap.

/** Index of the first value of sorted `xs` at or after x (xs.length when none is). */
export function firstAtOrAfter(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
