/**
 * Watching the decisions: the outcome rate per model, and per model version, over hours or days, with the
 * change-points the onset uses (onset.ts changePoints: the same likelihood-ratio test and threshold). Each upward
 * shift of an outcome's rate is an alert: when it started, how large, and (asked of the log) how many decisions and
 * subjects since. Reads only counts — by model, version, time bucket and outcome — so the engine holding a log of
 * hundreds of millions of decisions answers with a few thousand rows.
 */
import type { Decision } from '../model/records';
import { DAY_MS, HOUR_MS } from '../time/format-time';
import { decisionTime } from './decision-time';
import type { OutcomeBin } from './engine-types';
import { bestSplit, changePoints, outcomeOf } from './onset';

export type WatchBucket = 'hour' | 'day';

/** Decisions of one model and version, in one time bucket, with one outcome. */
export interface OutcomeCount {
  readonly model: string;
  readonly version: string | null;
  /** Start of the bucket, epoch milliseconds (UTC). */
  readonly bucketMs: number;
  readonly outcome: string | null;
  readonly decisions: number;
}

/** A series watched: one model (all its versions), or one version of it. */
export interface WatchedSeries {
  readonly model: string;
  readonly version?: string;
  readonly bins: ReadonlyArray<{
    readonly start: string;
    readonly decisions: number;
    readonly outcomes: Readonly<Record<string, number>>;
  }>;
}

export interface WatchAlert {
  readonly model: string;
  /** Set when the shift is within one model version's series. */
  readonly version?: string;
  readonly outcome: string;
  /** Start of the first bucket after the change-point. */
  readonly start: string;
  readonly rateBefore: number;
  readonly rateAfter: number;
  /** rateAfter − rateBefore. */
  readonly size: number;
  /** The likelihood-ratio statistic of the split (≥ the onset's threshold). */
  readonly statistic: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The counts `watch` reads, computed over decisions in memory (a JSON-lines log) as an engine computes them. */
export function countOutcomes(decisions: ReadonlyArray<Decision>, bucket: WatchBucket, model?: string): OutcomeCount[] {
  const size = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const counts = new Map<string, OutcomeCount & { decisions: number }>();
  for (const d of decisions) {
    if (model !== undefined && d.model.name !== model) continue;
    const bucketMs = Math.floor(decisionTime(d) / size) * size;
    const outcome = outcomeOf(d) ?? null;
    const version = d.model.version ?? null;
    const key = JSON.stringify([d.model.name, version, bucketMs, outcome]);
    const c = counts.get(key);
    if (c) c.decisions++;
    else counts.set(key, { model: d.model.name, version, bucketMs, outcome, decisions: 1 });
  }
  return [...counts.values()];
}

/** The series of each model and of each model version, buckets in time order (empty buckets left out). */
export function watchedSeries(counts: ReadonlyArray<OutcomeCount>): WatchedSeries[] {
  const groups = new Map<string, { model: string; version?: string; bins: Map<number, Map<string, number>> }>();
  const add = (model: string, version: string | undefined, c: OutcomeCount) => {
    const key = JSON.stringify([model, version ?? null]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { model, ...(version !== undefined && { version }), bins: new Map() }));
    let bin = g.bins.get(c.bucketMs);
    if (!bin) g.bins.set(c.bucketMs, (bin = new Map()));
    const outcome = c.outcome ?? '';
    bin.set(outcome, (bin.get(outcome) ?? 0) + c.decisions);
  };
  for (const c of counts) {
    add(c.model, undefined, c);
    if (c.version !== null) add(c.model, c.version, c);
  }
  return [...groups.values()]
    .sort((a, b) => a.model.localeCompare(b.model) || (a.version ?? '').localeCompare(b.version ?? ''))
    .map((g) => ({
      model: g.model,
      ...(g.version !== undefined && { version: g.version }),
      bins: [...g.bins]
        .sort((a, b) => a[0] - b[0])
        .map(([ms, outcomes]) => ({
          start: new Date(ms).toISOString(),
          decisions: [...outcomes.values()].reduce((s, n) => s + n, 0),
          outcomes: Object.fromEntries([...outcomes].filter(([o]) => o !== '')),
        })),
    }));
}

/**
 * The upward shifts of each outcome's rate in each series: the onset's change-points (binary segmentation, G ≥
 * 10.83), the rate before and after taken over the neighbouring segments. The series of a model's only version is
 * the model's own, and is not tested twice. `minSize` leaves out shifts smaller than that many (a fraction: 0.01 is one
 * point): over millions of decisions a shift of a tenth of a point can pass the test and matter to no one.
 */
export function findShifts(
  series: ReadonlyArray<WatchedSeries>,
  { minSize = 0 }: { readonly minSize?: number } = {},
): WatchAlert[] {
  const alerts: WatchAlert[] = [];
  const total = (s: WatchedSeries) => s.bins.reduce((n, b) => n + b.decisions, 0);
  const models = new Map(series.filter((s) => s.version === undefined).map((s) => [s.model, total(s)]));
  for (const s of series) {
    // A model's only version is the model's own series: its shifts are the model's.
    if (s.version !== undefined && models.get(s.model) === total(s)) continue;
    const outcomes = [...new Set(s.bins.flatMap((b) => Object.keys(b.outcomes)))].sort();
    for (const outcome of outcomes) {
      const bins: OutcomeBin[] = s.bins.map((b) => {
        const k = b.outcomes[outcome] ?? 0;
        return { key: b.start, from: b.start, to: b.start, decisions: b.decisions, outcomes: k, rate: k / b.decisions };
      });
      const points = changePoints(bins);
      points.forEach((at, i) => {
        const lo = points[i - 1] ?? 0;
        const hi = points[i + 1] ?? bins.length;
        const rate = (from: number, to: number) => {
          let n = 0;
          let k = 0;
          for (let j = from; j < to; j++) {
            n += bins[j]!.decisions;
            k += bins[j]!.outcomes;
          }
          return n ? k / n : 0;
        };
        const before = rate(lo, at);
        const after = rate(at, hi);
        if (after <= before || after - before < minSize) return;
        const start = bins[at]!.from;
        alerts.push({
          model: s.model,
          ...(s.version !== undefined && { version: s.version }),
          outcome,
          start,
          rateBefore: round(before),
          rateAfter: round(after),
          size: round(after - before),
          statistic: Math.round(bestSplit(bins, lo, hi).g * 100) / 100,
        });
      });
    }
  }
  return alerts.sort((a, b) => a.start.localeCompare(b.start) || a.model.localeCompare(b.model));
}
