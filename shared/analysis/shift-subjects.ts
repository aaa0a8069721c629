/**
 * Whose decisions make up the shift: of the decisions with the investigated outcome whose data was written at or
 * after the first bad data (same environment, up to the end of the search), how many belong to a given set of
 * subjects. A change that names a few subjects (a manual identity merge) explains their decisions only; when most of
 * the shift is other subjects', the shift has another cause.
 */
import type { Decision } from '../model/records';
import { featureReads } from './data-read';
import { decisionColumns } from './decision-columns';
import { countUntil } from './decision-time';
import { outcomeOf } from './onset';
import type { SuspectContext } from './suspect-context';

export interface ShiftSubjects {
  /** Decisions of the shift (the investigated outcome, bad data). */
  readonly decisions: number;
  /** Of them, those of the given subjects. */
  readonly named: number;
  /** Distinct subjects of the shift. */
  readonly subjects: number;
}

export function shiftSubjects(ctx: SuspectContext, named: ReadonlySet<string>): ShiftSubjects | undefined {
  const outcome = ctx.decision ? outcomeOf(ctx.decision) : undefined;
  if (outcome === undefined) return undefined;
  const env = ctx.environment?.toLowerCase();
  const { decisions, features } = decisionColumns(ctx.set.decisions);
  const column = features(ctx.trace.featureName);
  const reads = featureReads(ctx.set, ctx.trace.featureName);
  const subjects = new Set<string>();
  let count = 0;
  let ofNamed = 0;
  for (let i = 0, n = countUntil(decisions, ctx.searchEnd); i < n; i++) {
    const d = decisions[i] as Decision;
    if (!column[i] || outcomeOf(d) !== outcome) continue;
    if (env && d.environment && d.environment.toLowerCase() !== env) continue;
    if (reads.writtenAt(i) < ctx.interval.firstBad) continue;
    count++;
    if (d.subjectId !== undefined) {
      subjects.add(d.subjectId);
      if (named.has(d.subjectId)) ofNamed++;
    }
  }
  return { decisions: count, named: ofNamed, subjects: subjects.size };
}
