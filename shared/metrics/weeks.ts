/** Weekly buckets (ISO weeks, Monday 00:00 UTC) for the metrics' trends. */
import type { TrendPoint } from './metric-types';

const WEEK_MS = 7 * 86_400_000;
/** 1970-01-05 was a Monday. */
const MONDAY = 4 * 86_400_000;

/** The Monday 00:00 UTC that starts the week of `t` (ms). */
export function weekStart(t: number): number {
  return Math.floor((t - MONDAY) / WEEK_MS) * WEEK_MS + MONDAY;
}

/**
 * A weekly series from timed samples: every week from the first sample's to the last one's (empty weeks
 * included, value null unless `empty` gives one), each week's value computed by `reduce` over its samples.
 */
export function weeklySeries<T>(
  samples: ReadonlyArray<{ readonly time: number; readonly item: T }>,
  reduce: (items: ReadonlyArray<T>) => number | null,
  range?: { readonly from: number; readonly to: number },
  empty: number | null = null,
): TrendPoint[] {
  const timed = samples.filter((s) => Number.isFinite(s.time));
  if (timed.length === 0 && !range) return [];
  // A loop, not Math.min(...times): a million samples would overflow the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const s of timed) {
    if (s.time < first) first = s.time;
    if (s.time > last) last = s.time;
  }
  const from = weekStart(range?.from ?? first);
  const to = weekStart(range?.to ?? last);
  const buckets = new Map<number, T[]>();
  for (const s of timed) {
    const w = weekStart(s.time);
    const list = buckets.get(w) ?? [];
    list.push(s.item);
    buckets.set(w, list);
  }
  const out: TrendPoint[] = [];
  for (let w = from; w <= to; w += WEEK_MS) {
    const items = buckets.get(w) ?? [];
    out.push({ start: new Date(w).toISOString(), value: items.length ? reduce(items) : empty, n: items.length });
  }
  return out;
}

/** The median of numbers (null for none). */
export function median(values: ReadonlyArray<number>): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Rounds to 4 decimals (shares) so figures print and compare cleanly. */
export const round4 = (v: number): number => Math.round(v * 10_000) / 10_000;

/**
 * A weekly series of shares from per-week counts (`n` items, `ok(week)` of them passing): every week from the first
 * counted to the last, empty weeks null — what `weeklySeries` gives for `round4(passing / n)` over the same items.
 */
export function weeklyShares<W extends { readonly n: number }>(
  weeks: ReadonlyMap<number, W>,
  ok: (week: W) => number,
): TrendPoint[] {
  if (weeks.size === 0) return [];
  let from = Infinity;
  let to = -Infinity;
  for (const w of weeks.keys()) {
    if (w < from) from = w;
    if (w > to) to = w;
  }
  const out: TrendPoint[] = [];
  for (let w = from; w <= to; w += WEEK_MS) {
    const week = weeks.get(w);
    const n = week?.n ?? 0;
    out.push({ start: new Date(w).toISOString(), value: week && n ? round4(ok(week) / n) : null, n });
  }
  return out;
}
