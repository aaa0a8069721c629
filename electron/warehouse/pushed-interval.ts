/**
 * Where the data put the change (change-interval.ts), with the decisions counted by the engine that holds the log:
 * one query groups the decisions by the write time of the data they read, and the interval is found over those
 * groups as the in-memory engine finds it over the log it walks.
 */
import { intervalOfWriteColumns, type ChangeInterval } from '../../shared/analysis/change-interval.js';
import { writeTime } from '../../shared/analysis/data-read.js';
import { outcomeOf } from '../../shared/analysis/onset.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import { writeColumns, type PlacedReads } from './pushed-reads.js';

/**
 * `changeInterval(set, decision, featureName, from)` over the decisions of `reads` (`set` holds the investigated
 * decision and the lineage).
 */
export async function pushedInterval(
  reads: PlacedReads,
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  from: number,
): Promise<ChangeInterval | undefined> {
  const outcome = outcomeOf(decision);
  if (outcome === undefined) return undefined;
  const decidedAt = Date.parse(decision.timestamp);
  // As far after the decision as the search looks before it, as change-interval.ts bounds it.
  const until = new Date(decidedAt + Math.max(0, decidedAt - from)).toISOString();
  const groups = await writeColumns(reads, { environment: decision.environment, until, writtenFrom: from }, outcome);
  return intervalOfWriteColumns(groups, writeTime(set, decision, featureName));
}
