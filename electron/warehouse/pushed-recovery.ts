/**
 * Which later change ended the blast radius (recovery.ts), decided over decisions the engine grouped by the write
 * time of the data they read: the log-likelihood ratio of the good rate against the bad one over the decisions after
 * a candidate is k·log(good/bad) + (n−k)·log((1−good)/(1−bad)) summed over the groups written at or after it.
 */
import type { OnsetEstimate } from '../../shared/analysis/engine-types.js';
import {
  recoveryAt,
  RECOVERY_EVIDENCE,
  type Recovery,
  type RecoveryCandidate,
} from '../../shared/analysis/recovery.js';
import type { WriteGroup } from './pushed-reads.js';

const clamp = (p: number) => Math.min(0.999, Math.max(0.001, p));

/** `recoveryOf` over the reads after the cause, grouped by write time. */
export function recoveryOfWrites(
  groups: ReadonlyMap<number, WriteGroup>,
  candidates: ReadonlyArray<RecoveryCandidate>,
  onset: OnsetEstimate,
): Recovery | undefined {
  const { rateBefore, rateAfter } = onset;
  if (rateBefore === undefined || rateAfter === undefined || candidates.length === 0) return undefined;
  const good = clamp(rateBefore);
  const bad = clamp(rateAfter);
  if (good === bad) return undefined;
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
  let best: { candidate: RecoveryCandidate; ratio: number; support: number } | undefined;
  for (const c of candidates) {
    const { decisions, outcomes } = after(c.time);
    const ratio = outcomes * Math.log(good / bad) + (decisions - outcomes) * Math.log((1 - good) / (1 - bad));
    const support = ratio + (c.restores ? 2 * RECOVERY_EVIDENCE : 0);
    if (support > RECOVERY_EVIDENCE && (!best || support > best.support)) best = { candidate: c, ratio, support };
  }
  return best && recoveryAt(best.candidate, after(best.candidate.time), onset, best.ratio);
}
