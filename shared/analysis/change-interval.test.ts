import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { changeInterval, EXACT_ENDS, EXACT_STARTS, INTERVAL_DROP, intervalOfWrites } from './change-interval';

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

/** The interval with every end weighed for every start (the definition, quadratic in the groups): the oracle. */
function exactInterval(groups: ReadonlyMap<number, { n: number; k: number }>, own: number) {
  const times = [...groups.keys()].sort((a, b) => a - b);
  const ll = (k: number, n: number) =>
    n === 0 || k === 0 || k === n ? 0 : k * Math.log(k / n) + (n - k) * Math.log(1 - k / n);
  const L = times.length;
  const N = [0];
  const K = [0];
  for (let i = 0; i < L; i++) {
    N.push(N[i]! + groups.get(times[i]!)!.n);
    K.push(K[i]! + groups.get(times[i]!)!.k);
  }
  const d0 = times.findIndex((t) => t >= own);
  const gs = [-Infinity];
  for (let a = 1; a <= d0; a++) {
    let g = -Infinity;
    for (let b = d0 + 1; b <= L; b++) {
      const [n1, k1, n2, k2] = [N[b]! - N[a]!, K[b]! - K[a]!, N[L]! - N[b]!, K[L]! - K[b]!];
      if (!(k1 / n1 > K[a]! / N[a]!) || (n2 > 0 && !(k1 / n1 > k2 / n2))) continue;
      g = Math.max(g, 2 * (ll(K[a]!, N[a]!) + ll(k1, n1) + ll(k2, n2) - ll(K[L]!, N[L]!)));
    }
    gs.push(g);
  }
  const at = gs.indexOf(Math.max(...gs));
  let [lo, hi] = [at, at];
  while (lo > 1 && gs[lo - 1]! >= gs[at]! - INTERVAL_DROP) lo--;
  while (hi < gs.length - 1 && gs[hi + 1]! >= gs[at]! - INTERVAL_DROP) hi++;
  return { lastGood: times[lo - 1], firstBad: times[hi], best: times[at], g: gs[at]! };
}

describe('a long log, each decision time its own write group', () => {
  /** `count` groups of 1–3 decisions a minute apart; a diluted shift from `shift` that is fixed at `fixed`. */
  function groupsOf(count: number, shift: number, fixed: number, seed: number) {
    let x = seed;
    const random = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const groups = new Map<number, { n: number; k: number }>();
    for (let i = 0; i < count; i++) {
      const n = 1 + Math.floor(random() * 3);
      const rate = i >= shift && i < fixed ? 0.35 : 0.1;
      let k = 0;
      for (let j = 0; j < n; j++) if (random() < rate) k++;
      groups.set(Date.UTC(2026, 9, 1) + i * 60_000, { n, k });
    }
    return groups;
  }

  it('finds the interval and its G as weighing every start at every end does, past the splits weighed exactly', () => {
    // [seed, groups, shift, fix, investigated]: past EXACT_ENDS ends after the decision, and past EXACT_STARTS starts.
    const cases = [
      [7, 3_000, 1_500, 2_900, 1_600],
      [11, 3_000, 1_500, 2_400, 1_600],
      [23, 3_000, 1_500, 3_000, 1_600],
      [59, 3_000, 1_500, 2_400, 1_600],
      [5, 3_600, 1_500, 3_600, 2_300],
      [13, 3_600, 1_500, 3_000, 2_200],
      [17, 3_600, 800, 3_600, 2_500],
    ] as const;
    for (const [seed, count, shift, fixed, at] of cases) {
      const groups = groupsOf(count, shift, fixed, seed);
      const own = Date.UTC(2026, 9, 1) + at * 60_000;
      expect(count - at).toBeGreaterThan(EXACT_ENDS);
      const found = intervalOfWrites(groups, own)!;
      const exact = exactInterval(groups, own);
      expect(found.g).toBeCloseTo(exact.g, 6);
      expect([found.lastGood, found.best, found.firstBad]).toEqual([exact.lastGood, exact.best, exact.firstBad]);
      expect(found.likelihood(found.best)).toBe(1);
    }
    expect(cases.filter(([, , , , at]) => at > EXACT_STARTS)).toHaveLength(3);
  });
});
