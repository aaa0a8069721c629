/**
 * Which later change ended the blast radius, decided by the outcome rates: among the candidates (later changes of
 * the same job, configuration or dataset, each at the time it reached the data), the one after which the decisions
 * are best explained by the good rate rather than the bad one — the log-likelihood ratio of good against bad summed
 * over every decision that read data written after it. A recovery must be clearly supported (a ratio above
 * RECOVERY_EVIDENCE): a few decisions after a change, or a rate that is only briefly lower, do not end the radius.
 * An edit that restored the prior state is itself the evidence: it ends the radius unless the rates clearly say the
 * decisions after it were still bad (a ratio below −RECOVERY_EVIDENCE) — a cause limited to a few subjects leaves
 * too few decisions to show the recovery in the rates.
 */
import type { Decision } from '../model/records';
import type { OnsetEstimate } from './engine-types';
import { firstAtOrAfter } from '../time/sorted-search';
import { outcomeOf } from './onset';

export interface RecoveryCandidate {
  /** When the change took effect. */
  readonly effective: number;
  /** When it reached the data. */
  readonly time: number;
  readonly changeId: string;
  readonly note: string;
  /** The change put the object back in the state the cause found it in (an edit restoring the prior state). */
  readonly restores?: boolean;
}

export interface Recovery {
  readonly time: string;
  /** The change that removed the cause (deployment id, audit entry id, dataset version). */
  readonly changeId: string;
  readonly note: string;
}

/** A decision's reading of the dataset, with the write time of the data it read. */
export interface Read {
  readonly decision: Decision;
  readonly written: number;
}

/** The likelihood ratio (good over bad rate) a recovery needs: 100 to 1. */
export const RECOVERY_EVIDENCE = Math.log(100);

const iso = (ms: number) => new Date(ms).toISOString();
const clamp = (p: number) => Math.min(0.999, Math.max(0.001, p));

/** The good and bad rates (clamped away from 0 and 1) a recovery is judged by, where the onset has two that differ. */
export function recoveryRates(
  onset: OnsetEstimate,
  candidates: ReadonlyArray<RecoveryCandidate>,
): { readonly good: number; readonly bad: number } | undefined {
  const { rateBefore, rateAfter } = onset;
  if (rateBefore === undefined || rateAfter === undefined || candidates.length === 0) return undefined;
  const good = clamp(rateBefore);
  const bad = clamp(rateAfter);
  return good === bad ? undefined : { good, bad };
}

/**
 * The candidate that ended the radius, if one is clearly supported: `ratioAfter(c)` is the log-likelihood ratio good
 * over bad of the decisions that read data written at or after `c` reached it; an edit restoring the prior state adds
 * its own evidence.
 */
export function bestRecovery(
  candidates: ReadonlyArray<RecoveryCandidate>,
  ratioAfter: (c: RecoveryCandidate) => number,
): { readonly candidate: RecoveryCandidate; readonly ratio: number } | undefined {
  let best: { candidate: RecoveryCandidate; ratio: number; support: number } | undefined;
  for (const c of candidates) {
    const ratio = ratioAfter(c);
    const support = ratio + (c.restores ? 2 * RECOVERY_EVIDENCE : 0);
    if (support > RECOVERY_EVIDENCE && (!best || support > best.support)) best = { candidate: c, ratio, support };
  }
  return best;
}

/** The recovery among `candidates` (oldest first), given the reads after the cause in write order. */
export function recoveryOf(
  ordered: ReadonlyArray<Read>,
  candidates: ReadonlyArray<RecoveryCandidate>,
  onset: OnsetEstimate,
): Recovery | undefined {
  const rates = recoveryRates(onset, candidates);
  if (!rates) return undefined;
  const { good, bad } = rates;
  const { outcome } = onset;
  // suffix[i]: the log-likelihood ratio of good against bad over the reads from i on.
  const suffix = new Float64Array(ordered.length + 1);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const hit = outcomeOf((ordered[i] as Read).decision) === outcome;
    suffix[i] = (suffix[i + 1] as number) + (hit ? Math.log(good / bad) : Math.log((1 - good) / (1 - bad)));
  }
  const indexOf = (c: RecoveryCandidate) => firstAtOrAfter(ordered.length, c.time, (i) => (ordered[i] as Read).written);
  const best = bestRecovery(candidates, (c) => suffix[indexOf(c)] as number);
  if (!best) return undefined;
  const after = ordered.slice(indexOf(best.candidate));
  const hits = after.filter((r) => outcomeOf(r.decision) === outcome).length;
  return recoveryAt(best.candidate, { decisions: after.length, outcomes: hits }, onset, best.ratio);
}

/**
 * The recovery by candidate `c`, with the decisions whose data was written after it (how many, how many with the
 * outcome) and the log-likelihood ratio good/bad over them.
 */
export function recoveryAt(
  c: RecoveryCandidate,
  after: { readonly decisions: number; readonly outcomes: number },
  onset: OnsetEstimate,
  ratio: number,
): Recovery {
  const rate = after.outcomes / Math.max(1, after.decisions);
  const run = `${c.restores ? '; it restored the state the cause found' : ''}${c.time !== c.effective ? `; first written by a run at ${iso(c.time)}` : ''}`;
  return {
    time: iso(c.time),
    changeId: c.changeId,
    note: `${c.note}${run}; the ${onset.outcome} rate of the ${after.decisions} decisions after it: ${rate.toFixed(3)} (good ${onset.rateBefore}, bad ${onset.rateAfter}; likelihood ratio good/bad e^${ratio.toFixed(1)})`,
  };
}
