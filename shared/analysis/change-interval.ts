/**
 * Where the data put the change, with its uncertainty: the decisions that read the feature, in the order their
 * data was written, split in two at every write time; the split with the largest Bernoulli likelihood-ratio G (an
 * upward shift of the investigated outcome) is the change-point, and every split whose G is within 6.63 of it
 * (the profile-likelihood 99% interval, χ² with 1 df) is as consistent with the data. A change that reached the
 * data inside that interval cannot be told apart from the best split; one that reached it before was cleared by
 * the data, one after came too late. Used where a single change-point of the outcome series is significant.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { featureReads } from './data-read';
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
 * data was written from `from` until the decision; undefined without a significant upward split.
 */
export function changeInterval(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  from: number,
): ChangeInterval | undefined {
  const outcome = outcomeOf(decision);
  if (outcome === undefined) return undefined;
  const until = Date.parse(decision.timestamp);
  const env = decision.environment?.toLowerCase();
  const groups = new Map<number, { n: number; k: number }>();
  // One walk of the log by position: features and write times come from its columns (decision-columns.ts).
  const { decisions, features } = decisionColumns(set.decisions);
  const column = features(featureName);
  const reads = featureReads(set, featureName);
  for (let i = 0, n = countUntil(decisions, until); i < n; i++) {
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
  const times = [...groups.keys()].sort((a, b) => a - b);
  if (times.length < 2) return undefined;
  let n = 0;
  let k = 0;
  for (const t of times) {
    n += groups.get(t)!.n;
    k += groups.get(t)!.k;
  }
  const all = ll(k, n);
  // gs[i]: G of the split before group i (i = 1 … length-1), or -Infinity for a downward one.
  const gs: number[] = [-Infinity];
  let nl = 0;
  let kl = 0;
  for (let i = 1; i < times.length; i++) {
    const g = groups.get(times[i - 1] as number)!;
    nl += g.n;
    kl += g.k;
    const up = (k - kl) / (n - nl) > kl / nl;
    gs.push(up ? 2 * (ll(kl, nl) + ll(k - kl, n - nl) - all) : -Infinity);
  }
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
