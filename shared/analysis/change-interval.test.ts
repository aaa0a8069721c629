import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { changeInterval } from './change-interval';

/** Decisions two hours apart; from `shift` until `end`, `bad` of every 10 are rejected (otherwise 1 of 10). */
function log(count: number, shift: number, bad: number, end = count): Decision[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'decision' as const,
    decisionId: `d-${i}`,
    timestamp: new Date(Date.UTC(2026, 9, 1) + i * 7_200_000).toISOString(),
    subjectId: `u-${i}`,
    model: { name: 'm', version: '1' },
    environment: 'production',
    action: i % 10 < (i >= shift && i < end ? bad : 1) ? 'reject' : 'approve',
    features: [{ name: 'f' }],
    provenance: { sourceId: 's', line: i + 1 },
  }));
}

describe('the interval the data allows for a change', () => {
  it('brackets a sharp shift tightly', () => {
    const decisions = log(400, 200, 7);
    const set = toEvidenceSet(decisions);
    const last = decisions.at(-1)!;
    const found = changeInterval(set, { ...last, action: 'reject' }, 'f', 0)!;
    const shiftAt = Date.parse(decisions[200]!.timestamp);
    expect(found.best).toBeLessThanOrEqual(shiftAt);
    expect(found.firstBad).toBeGreaterThanOrEqual(shiftAt - 10 * 7_200_000);
    expect(found.firstBad - (found.lastGood ?? 0)).toBeLessThan(30 * 7_200_000);
    // The change-point is most likely at the best split, and far less likely a day before the interval.
    expect(found.likelihood(found.best)).toBe(1);
    expect(found.likelihood((found.lastGood ?? 0) - 86_400_000)).toBeLessThan(0.05);
  });

  it('widens for a diluted shift and finds none in steady data', () => {
    const weak = log(400, 200, 3);
    const wide = changeInterval(toEvidenceSet(weak), { ...weak.at(-1)!, action: 'reject' }, 'f', 0)!;
    const sharp = log(400, 200, 7);
    const tight = changeInterval(toEvidenceSet(sharp), { ...sharp.at(-1)!, action: 'reject' }, 'f', 0)!;
    expect(wide.firstBad - (wide.lastGood ?? 0)).toBeGreaterThanOrEqual(tight.firstBad - (tight.lastGood ?? 0));
    const steady = log(400, 400, 1);
    expect(changeInterval(toEvidenceSet(steady), { ...steady.at(-1)!, action: 'reject' }, 'f', 0)).toBeUndefined();
  });

  it('reads the decisions after the investigated one: the bad segment they continue, and a recovery they show', () => {
    const shiftAt = (ds: Decision[]) => Date.parse(ds[200]!.timestamp);
    // A decision a day after a diluted shift: up to it, the data put the change after the shift; the bad segment
    // that goes on after it puts the shift inside the interval.
    const ongoing = log(400, 200, 3);
    const whole = changeInterval(toEvidenceSet(ongoing), { ...ongoing[212]!, action: 'reject' }, 'f', 0)!;
    expect(whole.lastGood).toBeLessThan(shiftAt(ongoing));
    expect(whole.firstBad).toBeGreaterThanOrEqual(shiftAt(ongoing) - 2 * 7_200_000);
    // Fixed after the decision: the good rate that comes back does not move the start of the change.
    const fixed = log(400, 200, 7, 260);
    const found = changeInterval(toEvidenceSet(fixed), { ...fixed[230]!, action: 'reject' }, 'f', 0)!;
    expect(found.lastGood).toBeLessThan(shiftAt(fixed));
    expect(found.firstBad).toBeGreaterThanOrEqual(shiftAt(fixed) - 10 * 7_200_000);
    expect(found.firstBad - (found.lastGood ?? 0)).toBeLessThan(30 * 7_200_000);
  });
});
