/**
 * The blast radius of a cause, through the lineage: every decision that read data (of the investigated feature's
 * dataset) written by a state that included the cause — from the moment the cause reached the data until a later
 * change removed it (a fix, a revert, a rollback deployment, a restoring edit) or the end of the log. The data a
 * decision read is the dataset version it names, else the one active at its time; its write time decides.
 *
 * Which later change removed the cause is read from the evidence and confirmed by the data: the candidates are the
 * later changes of the same job, configuration or dataset, each at the first run after it that wrote the data
 * (recovery-candidates.ts); the one after which the outcome rates favour the good rate over the bad one, or that
 * restored the state the cause found, is the recovery (recovery.ts).
 */
import { countOf } from '../model/count-words';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { stringValues } from './audit-effect';
import { featureReads, type FeatureReads } from './data-read';
import { outcomeOf } from './onset';
import { decisionColumns, type DecisionColumns } from './decision-columns';
import type { OnsetEstimate, Suspect } from './engine-types';
export type { Recovery } from './recovery';
import { recoveryOf, type Read, type Recovery } from './recovery';
import { recoveryCandidates } from './recovery-candidates';
import {
  likelyAffected,
  subjectConcentration,
  type SubjectConcentration,
  type SubjectTally,
} from './subject-concentration';
import { identitySubjects } from './identity-reach';
import type { TraceResult } from './types';

export interface BlastRadius {
  /** When the cause reached the data. */
  readonly from: string;
  readonly recovery?: Recovery;
  /** The affected decisions to recovery (or to the end of the log), in time order. */
  readonly decisions: ReadonlyArray<Decision>;
  /**
   * Subjects the cause was limited to, where it was: those a manual identity merge names, or those the outcomes
   * after the cause concentrate on (`concentration`).
   */
  readonly subjects?: ReadonlyArray<string>;
  /** The outcomes after the cause fall on some subjects only (subject-concentration.ts). */
  readonly concentration?: SubjectConcentration;
  /** Every decision that read the data the cause reached, to recovery: the radius before limiting it to subjects. */
  readonly upperBound: { readonly decisions: number; readonly subjects: number };
  readonly notes: ReadonlyArray<string>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Each decision of the log that read the investigated feature's dataset (else: that has the feature), with the
 * write time of the data it read. One walk of the log by position: the features and the data read come from its
 * columns.
 */
function walkReads(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  visit: (d: Decision, written: number, at: number) => void,
): void {
  const own = decision.features.find((f) => f.name === featureName);
  const dataset = own?.dataset;
  const env = decision.environment?.toLowerCase();
  const { decisions, features, featuresOf } = decisionColumns(set.decisions);
  const column = dataset ? featuresOf(dataset) : features(featureName);
  let name: string | undefined;
  let reads: FeatureReads | undefined;
  for (let i = 0; i < decisions.length; i++) {
    const f = column[i];
    if (!f) continue;
    const d = decisions[i] as Decision;
    if (env && d.environment && d.environment !== decision.environment && d.environment.toLowerCase() !== env) continue;
    if (!reads || f.name !== name) reads = featureReads(set, (name = f.name));
    visit(d, reads.writtenAt(i), i);
  }
}

/** A read and the decision's position in the log. */
interface PlacedRead extends Read {
  readonly at: number;
}

/** The reads of data written at or after `from`, and the outcome rate of the reads of data written before it. */
function readers(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  from: number,
  outcome: string,
): { reads: PlacedRead[]; rateBefore?: number } {
  const reads: PlacedRead[] = [];
  let n = 0;
  let k = 0;
  walkReads(set, decision, featureName, (d, written, at) => {
    if (written >= from) reads.push({ decision: d, written, at });
    else {
      n++;
      if (outcomeOf(d) === outcome) k++;
    }
  });
  return { reads, ...(n > 0 && { rateBefore: k / n }) };
}

/** The positions in the log of the decisions that read data written before `from`. */
function earlierReaders(set: EvidenceSet, decision: Decision, featureName: string, from: number): number[] {
  const out: number[] = [];
  walkReads(set, decision, featureName, (_, written, at) => {
    if (written < from) out.push(at);
  });
  return out;
}

/** What a manual identity merge names (its target, its before/after state); undefined for any other cause. */
export function mergeNames(set: EvidenceSet, cause: Suspect): string[] | undefined {
  if (cause.kind !== 'audit') return undefined;
  const entry = set.audit.find((a) => a.id === cause.id);
  if (!entry || !/identity[._]?merge/i.test(`${entry.target.type} ${entry.action}`)) return undefined;
  return [...stringValues(entry.target.id, entry.before, entry.after, entry.extra)];
}

/** The subjects a manual identity merge names that the decision log knows. */
function mergedSubjects(set: EvidenceSet, cause: Suspect): string[] | undefined {
  const named = mergeNames(set, cause);
  if (named === undefined) return undefined;
  const known = new Set(set.decisions.map((d) => d.subjectId).filter((s): s is string => s !== undefined));
  return named.filter((s) => known.has(s));
}

/** The blast radius of `cause` for the investigated decision's feature. */
export function blastRadius(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  cause: Suspect,
  trace: TraceResult,
  onset: OnsetEstimate,
): BlastRadius {
  const notes: string[] = [];
  const from = Date.parse(cause.consistency.dataTime ?? cause.effectiveTime);
  const read = readers(set, decision, featureName, from, onset.outcome);
  let reads = read.reads;
  const named = mergedSubjects(set, cause);
  const limit = subjectLimit(cause.id, named, named === undefined ? identitySubjects(set, trace, cause) : undefined);
  notes.push(...limit.notes);
  const { subjects, only } = limit;
  if (only) reads = reads.filter((r) => r.decision.subjectId !== undefined && only.has(r.decision.subjectId));
  const list = recoveryCandidates(set, cause, trace, decision.environment, from);
  const ordered = [...reads].sort((a, b) => a.written - b.written);
  // Limited to the subjects a merge names or the identity graph shows merged, their own rate until the first later change is the
  // bad rate, and the population's before the cause the good one: a recovery of a few subjects shows in theirs.
  const limitedReads = (until: number) =>
    outcomesOf(
      ordered.filter((r) => r.written < until),
      onset,
    );
  const rates = subjects && subjects.length > 0 ? subjectRates(list, limitedReads, read.rateBefore, onset) : onset;
  const recovery = recoveryOf(ordered, list, rates);
  const unconfirmed = unconfirmedRecovery(list, rates, recovery);
  if (unconfirmed) notes.push(unconfirmed);
  const end = recovery ? Date.parse(recovery.time) : Infinity;
  const kept = reads.filter((r) => r.written < end);
  const decisions = kept.map((r) => r.decision);
  const log = decisionColumns(set.decisions);
  const positions = kept.map((r) => r.at);
  const bySubject = tallies(log, positions, onset.outcome);
  const upperBound = { decisions: decisions.length, subjects: bySubject.length };
  const concentration =
    subjects === undefined && read.rateBefore !== undefined
      ? subjectConcentration(
          bySubject,
          () => tallies(log, earlierReaders(set, decision, featureName, from), onset.outcome),
          read.rateBefore,
        )
      : undefined;
  if (!concentration) return { from: iso(from), recovery, decisions, subjects, upperBound, notes };
  const likely = new Set(likelyAffected(concentration));
  const { code, names } = log.subjects();
  const limited = kept.filter((r) => likely.has(names[code[r.at]!]!)).map((r) => r.decision);
  notes.push(concentrationNote(concentration, { decisions: limited.length, subjects: likely.size }, upperBound));
  return { from: iso(from), recovery, decisions: limited, subjects: [...likely], concentration, upperBound, notes };
}

export interface SubjectLimit {
  /** The subjects named or shown merged (empty: a merge naming none of the decision log's subjects). */
  readonly subjects?: ReadonlyArray<string>;
  /** Only their decisions count, where the radius is limited. */
  readonly only?: ReadonlySet<string>;
  readonly notes: ReadonlyArray<string>;
}

/**
 * The subjects a cause's radius is limited to, and the notes that say why: those a manual merge names (`named`), else
 * those the identity graph shows merged after a change of identity resolution (`identity`, identity-reach.ts).
 */
export function subjectLimit(
  causeId: string,
  named: ReadonlyArray<string> | undefined,
  identity?: { readonly subjects?: ReadonlyArray<string>; readonly note?: string },
): SubjectLimit {
  if (named !== undefined)
    return named.length > 0
      ? {
          subjects: named,
          only: new Set(named),
          notes: [
            `the merge ${causeId} names ${countOf(named.length, 'subject')} of the decision log: only their decisions count`,
          ],
        }
      : {
          subjects: named,
          notes: [
            `the merge ${causeId} names no subject id the decision log uses: its subjects cannot be resolved, so every later decision is counted`,
          ],
        };
  return {
    ...(identity?.subjects && { subjects: identity.subjects, only: new Set(identity.subjects) }),
    notes: identity?.note ? [identity.note] : [],
  };
}

/** The reads' decisions, and how many had the onset's outcome. */
const outcomesOf = (reads: ReadonlyArray<Read>, onset: OnsetEstimate) => ({
  decisions: reads.length,
  outcomes: reads.filter((r) => outcomeOf(r.decision) === onset.outcome).length,
});

/**
 * The onset with the good rate from before the cause and the bad rate of the limited reads (`bad(until)`: those of
 * data written before `until`) until the first candidate.
 */
export function subjectRates(
  candidates: ReadonlyArray<{ readonly time: number }>,
  bad: (until: number) => { readonly decisions: number; readonly outcomes: number },
  rateBefore: number | undefined,
  onset: OnsetEstimate,
): OnsetEstimate {
  const until = candidates.length > 0 ? Math.min(...candidates.map((c) => c.time)) : Infinity;
  return limitedRates(bad(until), rateBefore, onset);
}

/** Why the later changes are not taken as the end of the radius, where no recovery was found among them. */
export function unconfirmedRecovery(
  candidates: ReadonlyArray<{ readonly changeId: string }>,
  rates: OnsetEstimate,
  recovery: Recovery | undefined,
): string | undefined {
  if (recovery || candidates.length === 0 || (rates.rateBefore !== undefined && rates.rateAfter !== undefined))
    return undefined;
  return `no outcome rates either side of the onset confirm a recovery: ${countOf(candidates.length, 'later change')} of the same job or target (first: ${candidates[0]?.changeId}) ${candidates.length === 1 ? 'is' : 'are'} not taken as the end of the radius`;
}

/** The note of a radius whose outcomes fall on some subjects only: the `counted` of the `upperBound`. */
export function concentrationNote(
  c: SubjectConcentration,
  counted: { readonly decisions: number; readonly subjects: number },
  upperBound: { readonly decisions: number; readonly subjects: number },
): string {
  return (
    `the outcomes after the cause fall on some subjects only (likelihood ratio ${ratio(c.evidence)} to 1 ` +
    `over one rate for all; before the cause ${ratio(c.evidenceBefore)} to 1): about ` +
    `${pct(c.share)} of subjects at ${pct(c.affectedRate)} against ${pct(c.baseRate)}; ` +
    `the ${counted.decisions} decisions of the ${counted.subjects} subjects most likely affected are counted, of ` +
    `${upperBound.decisions} decisions (${upperBound.subjects} subjects) that read the data`
  );
}

/**
 * The rates a recovery of a cause limited to some subjects is judged by: the population's good rate before the cause,
 * and those subjects' own rate after it (their decisions and outcomes until the first later change), by Laplace's rule
 * — a handful of decisions does not make a rate of 0 or 1, which would let one decision decide.
 */
export function limitedRates(
  bad: { readonly decisions: number; readonly outcomes: number },
  rateBefore: number | undefined,
  onset: OnsetEstimate,
): OnsetEstimate {
  if (rateBefore === undefined) return onset;
  return { ...onset, rateBefore, rateAfter: (bad.outcomes + 1) / (bad.decisions + 2) };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const ratio = (evidence: number) => {
  const r = Math.exp(evidence / 2);
  return r >= 1e6 ? 'over 1,000,000' : Math.round(r).toLocaleString('en-US');
};

/** Each subject's decisions among those at `positions` of the log, and how many had `outcome`. */
function tallies(log: DecisionColumns, positions: ReadonlyArray<number>, outcome: string): SubjectTally[] {
  const { code, names } = log.subjects();
  const n = new Int32Array(names.length);
  const k = new Int32Array(names.length);
  const seen: number[] = [];
  for (const at of positions) {
    const j = code[at]!;
    if (n[j]!++ === 0) seen.push(j);
    if (outcomeOf(log.decisions[at] as Decision) === outcome) k[j]!++;
  }
  return seen.map((j) => ({ subject: names[j]!, decisions: n[j]!, outcomes: k[j]! }));
}
