/**
 * The span the time slider covers (the first to the last evidence time) and its tick marks (deployments).
 */
import type { EvidenceSet } from '../../shared/model/evidence-set';

export interface TimeTick {
  readonly time: number;
  readonly label: string;
  readonly environment: string;
}

export interface TimeRange {
  readonly from: number;
  readonly to: number;
  readonly ticks: ReadonlyArray<TimeTick>;
}

/** Earliest and latest of the lineage events, decisions, deployments and audit entries; deployments as ticks. */
export function evidenceTimeRange(set: EvidenceSet, including?: string): TimeRange {
  let from = Infinity;
  let to = -Infinity;
  const see = (iso: string | undefined) => {
    const t = iso ? Date.parse(iso) : NaN;
    if (Number.isNaN(t)) return;
    if (t < from) from = t;
    if (t > to) to = t;
  };
  // Each list is sorted by its time (toEvidenceSet): its first and last are its extremes.
  for (const list of [
    set.runs.map((r) => r.eventTime),
    set.decisions.map((d) => d.timestamp),
    set.deployments.map((d) => d.timestamp),
    set.audit.map((a) => a.timestamp),
  ]) {
    see(list[0]);
    see(list[list.length - 1]);
  }
  see(including);
  const ticks = set.deployments
    .map((d) => ({
      time: Date.parse(d.timestamp),
      environment: d.environment,
      label: `${d.id}: ${d.component ? `${d.component} ` : ''}${d.commit.slice(0, 7)} to ${d.environment}`,
    }))
    .filter((t) => !Number.isNaN(t.time));
  if (from > to) return { from: 0, to: 0, ticks: [] };
  return { from, to, ticks };
}

/** The nearest tick before (direction -1) or after (+1) a moment, if any. */
export function adjacentTick(range: TimeRange, at: number, direction: -1 | 1): TimeTick | undefined {
  const sorted = [...range.ticks].sort((a, b) => a.time - b.time);
  return direction < 0 ? sorted.filter((t) => t.time < at).pop() : sorted.find((t) => t.time > at);
}
