/**
 * The Monitor screen's figures over the decisions in the store: the same series, change-points and alerts as
 * `lineage-investigator watch` (shared/analysis/watch.ts, watch-since.ts), by day, shifts under one point left out.
 */
import { countsSince, firstWithOutcome } from '../../shared/analysis/watch-since';
import {
  countOutcomes,
  findShifts,
  watchedSeries,
  type WatchAlert,
  type WatchedSeries,
} from '../../shared/analysis/watch';
import type { Decision } from '../../shared/model/records';

export interface MonitorAlert extends WatchAlert {
  readonly decisions: number;
  readonly subjects: number;
  readonly representative: { readonly decisionId: string; readonly timestamp: string } | undefined;
  /** The alert's series, for its chart. */
  readonly series: WatchedSeries;
}

export function monitorAlerts(decisions: ReadonlyArray<Decision>): MonitorAlert[] {
  const series = watchedSeries(countOutcomes(decisions, 'day'));
  return findShifts(series, { minSize: 0.01 }).map((a) => ({
    ...a,
    ...countsSince(decisions, a.model, a.version, a.start),
    representative: firstWithOutcome(decisions, a.model, a.version, a.outcome, a.start),
    series: series.find((s) => s.model === a.model && s.version === a.version)!,
  }));
}
