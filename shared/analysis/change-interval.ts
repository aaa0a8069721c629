/**
 * Where the data put the change, with its uncertainty: the decisions that read the feature, in the order their
 * data was written — the whole log, not only up to the investigated decision: the bad segment it belongs to goes on
 * after it, and a diluted shift (a cause that reached some subjects only) is placed by the decisions that follow.
 * The model has three segments: good, bad (which holds the investigated decision), and after an end that may come
 * later (a fix: the rate afterwards is free, so a recovery does not drag the start); for each start of the bad
 * segment, the largest Bernoulli likelihood-ratio G over its ends is the start's profile. The best start is the
 * change-point, and every start whose G is within 6.63 of it (the profile-likelihood 99% interval, χ² with 1 df) is
 * as consistent with the data. A change that reached the data inside that interval cannot be told apart from the
 * best split; one that reached it before was cleared by the data, one after came too late. Used where the shift is
 * significant.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { featureReads, writeTime } from './data-read';
import { decisionColumns } from './decision-columns';
import { CHANGE_POINT_THRESHOLD, outcomeOf } from './onset';
import { countUntil } from './decision-time';

/** χ²(1) at 99%: the drop in G that bounds the change-point's interval. */
export const INTERVAL_DROP = 6.63;

export interface ChangeInterval {
  /** The last write time surely before the change (the interval's open start). */
  readonly lastGood?: number;
  /** The first write time surely after it (the interval's closed end). */
  readonly firstBad: number;
  /** The write time of the best split. */
  readonly best: number;
  readonly g: number;
  /**
   * The relative likelihood of the change-point at `t` (a change that reached the data at `t` splits the decisions
   * there): exp(−(G_best − G_t)/2), 1 at the best split, about 0.04 at the interval's ends.
   */
  likelihood(t: number): number;
}

const ll = (k: number, n: number) => {
  if (n === 0 || k === 0 || k === n) return 0;
  const p = k / n;
  return k * Math.log(p) + (n - k) * Math.log(1 - p);
};

/**
 * The change-point interval of the outcome of `decision` over the decisions (same environment, same feature) whose
 * data was written from `from` on; undefined without a significant upward shift.
 */
export function changeInterval(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  from: number,
): ChangeInterval | undefined {
  const outcome = outcomeOf(decision);
  if (outcome === undefined) return undefined;
  const own = writeTime(set, decision, featureName);
  const env = decision.environment?.toLowerCase();
  const groups = new Map<number, { n: number; k: number }>();
  // One walk of the log by position: features and write times come from its columns (decision-columns.ts).
  const { decisions, features } = decisionColumns(set.decisions);
  const column = features(featureName);
  const reads = featureReads(set, featureName);
  // As far after the decision as the search looks before it (at least that look-back): enough to place the shift,
  // bounded on a long log.
  const decidedAt = Date.parse(decision.timestamp);
  for (let i = 0, n = countUntil(decisions, decidedAt + Math.max(0, decidedAt - from)); i < n; i++) {
    const d = decisions[i] as Decision;
    if (env && d.environment && d.environment.toLowerCase() !== env) continue;
    if (!column[i]) continue;
    const t = reads.writtenAt(i);
    if (t < from) continue;
    const g = groups.get(t) ?? { n: 0, k: 0 };
    g.n++;
    if (outcomeOf(d) === outcome) g.k++;
    groups.set(t, g);
  }
  return intervalOfWrites(groups, own);
}

/**
 * The change-point interval over decisions grouped by the write time of the data they read (`n` decisions, `k` with
 * the outcome), where the investigated decision's data was written at `own`; undefined without a significant upward
 * shift. The groups may come from the log walked here or from an engine that counted them where the log lives.
 */
export function intervalOfWrites(
  groups: ReadonlyMap<number, { readonly n: number; readonly k: number }>,
  own: number,
): ChangeInterval | undefined {
  const times = [...groups.keys()].sort((a, b) => a - b);
  if (times.length < 2) return undefined;
  // Prefix sums: N[i], K[i] over groups before i.
  const N = new Float64Array(times.length + 1);
  const K = new Float64Array(times.length + 1);
  for (let i = 0; i < times.length; i++) {
    const g = groups.get(times[i] as number)!;
    N[i + 1] = (N[i] as number) + g.n;
    K[i + 1] = (K[i] as number) + g.k;
  }
  const seg = (i: number, j: number) => ({
    n: (N[j] as number) - (N[i] as number),
    k: (K[j] as number) - (K[i] as number),
  });
  const L = times.length;
  const all = ll(K[L] as number, N[L] as number);
  // The decision's own group: the bad segment contains it. The segment ends after it (a recovery) or at the end.
  let d0 = times.findIndex((t) => t >= own);
  if (d0 < 0) d0 = L - 1;
  // gs[a]: the profile G of a start before group a (a = 1 … d0), maximized over the end b (d0+1 … L).
  const gs: number[] = [-Infinity];
  for (let a = 1; a <= d0; a++) {
    const s0 = seg(0, a);
    const r0 = s0.k / s0.n;
    let g = -Infinity;
    for (let b = d0 + 1; b <= L; b++) {
      const s1 = seg(a, b);
      const r1 = s1.k / s1.n;
      if (!(r1 > r0)) continue;
      const s2 = seg(b, L);
      if (s2.n > 0 && !(r1 > s2.k / s2.n)) continue;
      const v = 2 * (ll(s0.k, s0.n) + ll(s1.k, s1.n) + ll(s2.k, s2.n) - all);
      if (v > g) g = v;
    }
    gs.push(g);
  }
  if (gs.length < 2) return undefined;
  let at = 1;
  for (let i = 2; i < gs.length; i++) if ((gs[i] as number) > (gs[at] as number)) at = i;
  const best = gs[at] as number;
  if (!(best >= CHANGE_POINT_THRESHOLD)) return undefined;
  let lo = at;
  let hi = at;
  while (lo > 1 && (gs[lo - 1] as number) >= best - INTERVAL_DROP) lo--;
  while (hi < gs.length - 1 && (gs[hi + 1] as number) >= best - INTERVAL_DROP) hi++;
  const likelihood = (t: number) => {
    // The split before the first write at or after t.
    let i = times.findIndex((x) => x >= t);
    if (i < 0) i = times.length;
    const g = i >= 1 && i < gs.length ? (gs[i] as number) : -Infinity;
    return g === -Infinity ? 0 : Math.exp(-(best - g) / 2);
  };
  return { lastGood: times[lo - 1], firstBad: times[hi] as number, best: times[at] as number, g: best, likelihood };
}
