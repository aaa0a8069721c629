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
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { stringValues } from './audit-effect';
import { featureReads, type FeatureReads } from './data-read';
import { decisionColumns } from './decision-columns';
import type { OnsetEstimate, Suspect } from './engine-types';
export type { Recovery } from './recovery';
import { recoveryOf, type Read, type Recovery } from './recovery';
import { recoveryCandidates } from './recovery-candidates';
import type { TraceResult } from './types';

export interface BlastRadius {
  /** When the cause reached the data. */
  readonly from: string;
  readonly recovery?: Recovery;
  /** The affected decisions to recovery (or to the end of the log), in time order. */
  readonly decisions: ReadonlyArray<Decision>;
  /** Subjects the cause was limited to (a manual identity merge), where it was. */
  readonly subjects?: ReadonlyArray<string>;
  readonly notes: ReadonlyArray<string>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The decisions of the log that read the investigated feature's dataset (else: that have the feature) data written
 * at or after `from`. One walk of the log by position: the features and the data read come from its columns.
 */
function readers(set: EvidenceSet, decision: Decision, featureName: string, from: number): Read[] {
  const own = decision.features.find((f) => f.name === featureName);
  const dataset = own?.dataset;
  const env = decision.environment?.toLowerCase();
  const { decisions, features, featuresOf } = decisionColumns(set.decisions);
  const column = dataset ? featuresOf(dataset) : features(featureName);
  const out: Read[] = [];
  let name: string | undefined;
  let reads: FeatureReads | undefined;
  for (let i = 0; i < decisions.length; i++) {
    const f = column[i];
    if (!f) continue;
    const d = decisions[i] as Decision;
    if (env && d.environment && d.environment !== decision.environment && d.environment.toLowerCase() !== env) continue;
    if (!reads || f.name !== name) reads = featureReads(set, (name = f.name));
    const written = reads.writtenAt(i);
    if (written >= from) out.push({ decision: d, written });
  }
  return out;
}

/** The subjects a manual identity merge names that the decision log knows (its before/after state, its target). */
function mergedSubjects(set: EvidenceSet, cause: Suspect): string[] | undefined {
  if (cause.kind !== 'audit') return undefined;
  const entry = set.audit.find((a) => a.id === cause.id);
  if (!entry || !/identity[._]?merge/i.test(`${entry.target.type} ${entry.action}`)) return undefined;
  const strings = stringValues(entry.target.id, entry.before, entry.after, entry.extra);
  const known = new Set(set.decisions.map((d) => d.subjectId).filter((s): s is string => s !== undefined));
  return [...strings].filter((s) => known.has(s));
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
  let reads = readers(set, decision, featureName, from);
  const subjects = mergedSubjects(set, cause);
  if (subjects !== undefined) {
    if (subjects.length > 0) {
      const only = new Set(subjects);
      reads = reads.filter((r) => r.decision.subjectId !== undefined && only.has(r.decision.subjectId));
      notes.push(
        `the merge ${cause.id} names ${subjects.length} subject(s) of the decision log: only their decisions count`,
      );
    } else
      notes.push(
        `the merge ${cause.id} names no subject id the decision log uses: its subjects cannot be resolved, so every later decision is counted`,
      );
  }
  const before = onset.rateBefore;
  const after = onset.rateAfter;
  const list = recoveryCandidates(set, cause, trace, decision.environment, from);
  const ordered = [...reads].sort((a, b) => a.written - b.written);
  const recovery = recoveryOf(ordered, list, onset);
  if (!recovery && list.length > 0 && (before === undefined || after === undefined))
    notes.push(
      `no outcome rates either side of the onset confirm a recovery: ${list.length} later change(s) of the same job or target (first: ${list[0]?.changeId}) are not taken as the end of the radius`,
    );
  const end = recovery ? Date.parse(recovery.time) : Infinity;
  return {
    from: iso(from),
    recovery,
    decisions: reads.filter((r) => r.written < end).map((r) => r.decision),
    subjects,
    notes,
  };
}
