/** Time-to-root-cause over cases: from opening a case to confirming its root cause. */
import { timeToRootCause } from '../case/case-actions';
import type { Case } from '../case/case-types';
import { drillDown, type Metric, type MetricOptions } from './metric-types';
import { median, weeklySeries } from './weeks';

/** Per case and the median, in hours; cases still without a confirmed root cause count against it. */
export function timeToRootCauseMetric(cases: ReadonlyArray<Case>, options: MetricOptions = {}): Metric {
  const perCase = cases.map((c) => {
    const ms = timeToRootCause(c);
    return {
      id: c.id,
      hours: ms === undefined ? null : Math.round((ms / 3_600_000) * 100) / 100,
      confirmedAt: c.rootCause?.confirmedAt,
    };
  });
  const done = perCase.filter((c): c is { id: string; hours: number; confirmedAt: string } => c.hours !== null);
  return {
    id: 'time-to-root-cause',
    name: 'Time to root cause',
    unit: 'hours',
    value: median(done.map((c) => c.hours)),
    definition:
      'Hours from opening a case to confirming its root cause, per case, and their median. The trend is the median per week of ' +
      'confirmation; the drill-down lists the cases still without a confirmed root cause.',
    trend: weeklySeries(
      done.map((c) => ({ time: Date.parse(c.confirmedAt), item: c.hours })),
      (hs) => median(hs),
    ),
    drillDown: drillDown(
      ['case'],
      cases
        .filter((c) => !c.rootCause)
        .map((c) => ({
          id: c.id,
          kind: 'case',
          time: c.openedAt,
          reason: `"${c.title}" (${c.status}) has no confirmed root cause`,
        })),
      options.drillDownLimit,
    ),
    details: { perCase, cases: cases.length, confirmed: done.length },
  };
}
