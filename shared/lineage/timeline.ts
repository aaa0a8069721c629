/**
 * Sorted validity intervals and the binary searches every as-of query uses. A timeline's entries are sorted by
 * `from`; the entry active at T is the last one with `from <= T`, provided T is before its `to`.
 */
import type { Interval } from './types';

/** Index of the last entry with `from <= t` (−1 when none). Entries must be sorted by `from`. */
export function lastAtOrBefore(entries: ReadonlyArray<{ readonly from: number }>, t: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid] as { from: number }).from <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first entry with `from >= t` (length when none). */
export function firstAtOrAfter(entries: ReadonlyArray<{ readonly from: number }>, t: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid] as { from: number }).from < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entry active at `t`: the last that began at or before it and has not ended. */
export function activeAt<T extends Interval>(entries: ReadonlyArray<T>, t: number): T | undefined {
  const i = lastAtOrBefore(entries, t);
  const entry = i >= 0 ? entries[i] : undefined;
  return entry && t < entry.to ? entry : undefined;
}

/** Closes each interval at the start of the next: `to` = the next entry's `from`, Infinity for the last. */
export function chain<T extends { from: number; to: number }>(entries: T[]): T[] {
  for (let i = 0; i < entries.length; i++) (entries[i] as T).to = entries[i + 1]?.from ?? Infinity;
  return entries;
}

/** In numbers sorted ascending, the index range `[start, end)` of those within `[from, to]`. */
export function windowRange(sorted: ArrayLike<number>, from: number, to: number): { start: number; end: number } {
  const bound = (t: number, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = sorted[mid] as number;
      if (strict ? v <= t : v < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { start: bound(from, false), end: bound(to, true) };
}
