import { describe, expect, it } from 'vitest';
import { CHANGE_POINT_THRESHOLD, changePoints } from './onset';
import { findShifts, watchedSeries, type OutcomeCount } from './watch';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');

/** Counts of `days` days of `n` decisions, `rate(day)` of them 'reject', the rest 'approve'. */
function counts(days: number, n: number, rate: (day: number) => number, version = '1.0'): OutcomeCount[] {
  return Array.from({ length: days }, (_, day) => {
    const k = Math.round(n * rate(day));
    const at = { model: 'm', version, bucketMs: T0 + day * DAY };
    return [
      { ...at, outcome: 'reject', decisions: k },
      { ...at, outcome: 'approve', decisions: n - k },
    ];
  }).flat();
}

describe('watch: outcome-rate shifts', () => {
  it('alerts once at the day the reject rate rises, with the rates either side', () => {
    const alerts = findShifts(watchedSeries(counts(20, 100, (d) => (d < 12 ? 0.2 : 0.6))));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      model: 'm',
      outcome: 'reject',
      start: new Date(T0 + 12 * DAY).toISOString(),
      rateBefore: 0.2,
      rateAfter: 0.6,
      size: 0.4,
    });
    expect(alerts[0]!.statistic).toBeGreaterThanOrEqual(CHANGE_POINT_THRESHOLD);
  });

  it('is silent on a steady rate, and on a shift the onset test would not call', () => {
    expect(findShifts(watchedSeries(counts(20, 100, () => 0.3)))).toEqual([]);
    // One more reject a day from day 10: too small for the onset's test, so too small for watch.
    const small = counts(20, 100, (d) => (d < 10 ? 0.3 : 0.31));
    const bins = watchedSeries(small)[0]!.bins.map((b) => ({
      key: b.start,
      from: b.start,
      to: b.start,
      decisions: b.decisions,
      outcomes: b.outcomes.reject ?? 0,
      rate: 0,
    }));
    expect(changePoints(bins)).toEqual([]);
    expect(findShifts(watchedSeries(small))).toEqual([]);
  });

  it('leaves out shifts smaller than minSize, however significant', () => {
    const big = counts(40, 20_000, (d) => (d < 20 ? 0.3 : 0.305));
    const found = findShifts(watchedSeries(big));
    expect(found.map((a) => a.size)).toEqual([0.005]);
    expect(findShifts(watchedSeries(big), { minSize: 0.01 })).toEqual([]);
  });

  it('tests a model with one version once, and each version of a model with several', () => {
    const one = findShifts(watchedSeries(counts(20, 100, (d) => (d < 12 ? 0.2 : 0.6))));
    expect(one.map((a) => a.version)).toEqual([undefined]);
    // Two versions side by side; only 2.0 shifts, diluted in the model's whole series.
    const mixed = [...counts(20, 100, () => 0.2, '1.0'), ...counts(20, 20, (d) => (d < 12 ? 0.2 : 0.9), '2.0')];
    const alerts = findShifts(watchedSeries(mixed));
    const start = new Date(T0 + 12 * DAY).toISOString();
    expect(alerts.filter((a) => a.start === start).map((a) => a.version ?? 'model')).toEqual(['model', '2.0']);
    expect(alerts.some((a) => a.version === '1.0')).toBe(false);
  });
});
