/** In `count` entries sorted by `timeAt(i)`, the index of the first whose time is at or after `t` (`count` if none). */
export function firstAtOrAfter(count: number, t: number, timeAt: (i: number) => number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeAt(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
