/**
 * What `watch` finds in what its readers count: the series of each model and version, and each upward shift of an
 * outcome's rate as an alert with the decisions and subjects since and its representative decision. One function
 * for the CLI's `watch` and the app's Monitor over a connection, so both give the same alerts.
 */
import { findShifts, watchedSeries, type WatchBucket, type WatchedSeries } from '../../shared/analysis/watch.js';
import type { WatchedAlert } from '../../shared/ipc/monitor-channels.js';
import type { WatchReader } from './watch-reader.js';

export interface WatchOptions {
  readonly bin: WatchBucket;
  readonly model?: string;
  /** Shifts smaller than this (a fraction: 0.01 is one point) are left out. */
  readonly minSize: number;
  /** An ISO time: shifts starting then or later are `newerThanSince` (all of them without it). */
  readonly since?: string;
}

export async function watchAlerts(
  readers: ReadonlyArray<WatchReader>,
  options: WatchOptions,
): Promise<{ readonly alerts: WatchedAlert[]; readonly series: WatchedSeries[] }> {
  const counts = (await Promise.all(readers.map((r) => r.counts(options.bin, options.model)))).flat();
  const series = watchedSeries(counts);
  const alerts: WatchedAlert[] = [];
  for (const a of findShifts(series, { minSize: options.minSize })) {
    const totals = await Promise.all(readers.map((r) => r.since(a.model, a.version, a.start)));
    const firsts = await Promise.all(readers.map((r) => r.representative(a.model, a.version, a.outcome, a.start)));
    alerts.push({
      ...a,
      decisions: totals.reduce((s, t) => s + t.decisions, 0),
      subjects: totals.reduce((s, t) => s + t.subjects, 0),
      newerThanSince: options.since === undefined || Date.parse(a.start) >= Date.parse(options.since),
      representativeDecision:
        firsts.reduce<(typeof firsts)[number]>((a, f) => (f && (!a || f.timestamp < a.timestamp) ? f : a), undefined) ??
        null,
    });
  }
  return { alerts, series };
}
