/**
 * The blast radius of a cause (blast-radius.ts) for a decision log read in place: the engine that holds the log
 * counts the decisions that read the data the cause reached, by write time (for the recovery and the count) and by
 * subject (for the concentration of the outcomes on some subjects); the lineage, the candidates for the recovery and
 * the statistics are the in-memory engine's own. No decision is read: the radius is counts, subjects and notes.
 */
import {
  concentrationNote,
  mergeNames,
  subjectLimit,
  subjectRates,
  unconfirmedRecovery,
} from '../../shared/analysis/blast-radius.js';
import { identitySubjects } from '../../shared/analysis/identity-reach.js';
import type { OnsetEstimate, Suspect } from '../../shared/analysis/engine-types.js';
import type { Recovery } from '../../shared/analysis/recovery.js';
import { recoveryCandidates } from '../../shared/analysis/recovery-candidates.js';
import {
  likelyAffected,
  subjectConcentration,
  type SubjectConcentration,
  type SubjectTally,
} from '../../shared/analysis/subject-concentration.js';
import type { TraceResult } from '../../shared/analysis/types.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import type { ReadFilter } from '../../shared/warehouse/read-sql.js';
import { recoveryOfWrites } from './pushed-recovery.js';
import { subjectTallies, writeGroups, type PlacedReads, type WriteGroup } from './pushed-reads.js';
import { numberOf } from './sql-engine.js';

export interface PushedRadius {
  /** When the cause reached the data. */
  readonly from: string;
  readonly recovery?: Recovery;
  /** How many decisions the radius holds (blast-radius.ts `decisions`, counted where they live). */
  readonly decisions: number;
  readonly subjects?: ReadonlyArray<string>;
  readonly concentration?: SubjectConcentration;
  readonly upperBound: { readonly decisions: number; readonly subjects: number };
  readonly notes: ReadonlyArray<string>;
  /** Which of the engine's rows are the radius's decisions (for the scope's counts and lists). */
  readonly filter: ReadFilter;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The subjects of the model's decisions that a manual identity merge names (blast-radius.ts `mergedSubjects`). */
async function mergedSubjects(reads: PlacedReads, set: EvidenceSet, cause: Suspect): Promise<string[] | undefined> {
  const named = mergeNames(set, cause);
  if (named === undefined || named.length === 0) return named;
  const known = new Set(
    (await reads.source.engine.query(reads.sql.knownSubjects(named))).map((r) => String(r.subject)),
  );
  return named.filter((s) => known.has(s));
}

/**
 * `identitySubjects(set, trace, cause)` with the decision log's subjects asked of the engine: which of the identity
 * graph's ids it holds, and when its first decision was made.
 */
async function identityOf(reads: PlacedReads, set: EvidenceSet, trace: TraceResult, cause: Suspect) {
  if (set.identityLinks.length === 0) return identitySubjects(set, trace, cause);
  const ids = new Set<string>();
  for (const l of set.identityLinks) ids.add(l.member).add(l.profile);
  const { engine } = reads.source;
  const known = await engine.query(reads.sql.knownSubjects([...ids]));
  const [first] = await engine.query(reads.sql.firstDecision());
  const firstMs = first?.first_ms == null ? undefined : numberOf(first.first_ms);
  return identitySubjects(set, trace, cause, { subjects: new Set(known.map((r) => String(r.subject))), firstMs });
}

const sum = (groups: Iterable<WriteGroup>) => {
  let n = 0;
  let k = 0;
  for (const g of groups) {
    n += g.n;
    k += g.k;
  }
  return { n, k };
};

/**
 * `blastRadius(set, decision, featureName, cause, trace, onset)` with the decisions counted by the engine; a cause that
 * changed identity resolution is matched against the identity graph with the log's subjects among the graph's ids.
 */
export async function pushedBlastRadius(
  reads: PlacedReads,
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  cause: Suspect,
  trace: TraceResult,
  onset: OnsetEstimate,
): Promise<PushedRadius> {
  const notes: string[] = [];
  const from = Date.parse(cause.consistency.dataTime ?? cause.effectiveTime);
  const outcome = onset.outcome;
  const readers: ReadFilter = { onDataset: true, environment: decision.environment };
  const all = await writeGroups(reads, readers, outcome);
  const earlier = sum([...all].filter(([t]) => t < from).map(([, g]) => g));
  const rateBefore = earlier.n > 0 ? earlier.k / earlier.n : undefined;
  const named = await mergedSubjects(reads, set, cause);
  const identity = named === undefined ? await identityOf(reads, set, trace, cause) : undefined;
  let only: ReadFilter = {};
  let after = new Map([...all].filter(([t]) => t >= from));
  const limit = subjectLimit(cause.id, named, identity);
  const { subjects } = limit;
  notes.push(...limit.notes);
  if (limit.only) {
    only = { subjects: [...limit.only] };
    after = await writeGroups(reads, { ...readers, ...only, writtenFrom: from }, outcome);
  }
  const list = recoveryCandidates(set, cause, trace, decision.environment, from);
  // Limited to the subjects a merge names or the identity graph shows merged, their own rate until the first later
  // change is the bad rate.
  const badUntil = (until: number) => {
    const bad = sum([...after].filter(([t]) => t < until).map(([, g]) => g));
    return { decisions: bad.n, outcomes: bad.k };
  };
  const rates = subjects && subjects.length > 0 ? subjectRates(list, badUntil, rateBefore, onset) : onset;
  const recovery = recoveryOfWrites(after, list, rates);
  const unconfirmed = unconfirmedRecovery(list, rates, recovery);
  if (unconfirmed) notes.push(unconfirmed);
  const end = recovery ? Date.parse(recovery.time) : Infinity;
  const kept = sum([...after].filter(([t]) => t < end).map(([, g]) => g)).n;
  const radius: ReadFilter = { ...readers, ...only, writtenFrom: from, writtenBefore: end };
  const bySubject = await subjectTallies(reads, radius, outcome);
  const upperBound = { decisions: kept, subjects: bySubject.length };
  const concentration =
    subjects === undefined && rateBefore !== undefined
      ? await concentrationOf(reads, readers, from, outcome, bySubject, rateBefore)
      : undefined;
  if (!concentration)
    return { from: iso(from), recovery, decisions: kept, subjects, upperBound, notes, filter: radius };
  const likely = new Set(likelyAffected(concentration));
  const limited = bySubject.filter((t) => likely.has(t.subject)).reduce((n, t) => n + t.decisions, 0);
  notes.push(concentrationNote(concentration, { decisions: limited, subjects: likely.size }, upperBound));
  const filter = { ...radius, subjects: [...likely] };
  return {
    from: iso(from),
    recovery,
    decisions: limited,
    subjects: [...likely],
    concentration,
    upperBound,
    notes,
    filter,
  };
}

/**
 * `subjectConcentration` with the tallies before the cause asked of the engine only when the test needs them (it asks
 * once the outcomes after the cause pass it).
 */
async function concentrationOf(
  reads: PlacedReads,
  readers: ReadFilter,
  from: number,
  outcome: string,
  after: ReadonlyArray<SubjectTally>,
  rateBefore: number,
): Promise<SubjectConcentration | undefined> {
  let asked = false;
  const first = subjectConcentration(
    after,
    () => {
      asked = true;
      return [];
    },
    rateBefore,
  );
  if (!first || !asked) return first;
  const before = await subjectTallies(reads, { ...readers, writtenBefore: from }, outcome);
  return subjectConcentration(after, () => before, rateBefore);
}
