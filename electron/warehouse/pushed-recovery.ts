/**
 * Which later change ended the blast radius (recovery.ts), decided over decisions the engine grouped by the write
 * time of the data they read: the log-likelihood ratio of the good rate against the bad one over the decisions after
 * a candidate is k·log(good/bad) + (n−k)·log((1−good)/(1−bad)) summed over the groups written at or after it.
 */
import type { OnsetEstimate } from '../../shared/analysis/engine-types.js';
import {
  bestRecovery,
  recoveryAt,
  recoveryRates,
  type Recovery,
  type RecoveryCandidate,
} from '../../shared/analysis/recovery.js';
import type { WriteGroup } from './pushed-reads.js';

/** `recoveryOf` over the reads after the cause, grouped by write time. */
export function recoveryOfWrites(
  groups: ReadonlyMap<number, WriteGroup>,
  candidates: ReadonlyArray<RecoveryCandidate>,
  onset: OnsetEstimate,
): Recovery | undefined {
  const rates = recoveryRates(onset, candidates);
  if (!rates) return undefined;
  const { good, bad } = rates;
  const times = [...groups.keys()].sort((a, b) => a - b);
  const after = (t: number) => {
    let n = 0;
    let k = 0;
    for (const w of times)
      if (w >= t) {
        n += groups.get(w)!.n;
        k += groups.get(w)!.k;
      }
    return { decisions: n, outcomes: k };
  };
  const best = bestRecovery(candidates, (c) => {
    const { decisions, outcomes } = after(c.time);
    return outcomes * Math.log(good / bad) + (decisions - outcomes) * Math.log((1 - good) / (1 - bad));
  });
  return best && recoveryAt(best.candidate, after(best.candidate.time), onset, best.ratio);
}
