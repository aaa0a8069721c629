/**
 * What every suspect's score is computed against: the onset and the good→bad interval (the write times of the data
 * the last good and the first bad decision read), the look-back window, the traced fields of each job, the commit
 * graph and the decision's environment.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { findDecision } from '../model/decision-key';
import { changeInterval, type ChangeInterval } from './change-interval';
import { commitGraph, type CommitGraph } from './commit-graph';
import { writeTime } from './data-read';
import { jobReach } from './job-reach';
import { traceDecision } from './trace';
import type { DecisionRef, DiffOf, OnsetEstimate } from './engine-types';
import type { TraceResult } from './types';

export interface SuspectContext {
  readonly set: EvidenceSet;
  readonly trace: TraceResult;
  readonly graph: CommitGraph;
  readonly environment?: string;
  /** The investigated decision, where it is in the evidence. */
  readonly decision?: Decision;
  readonly onset: OnsetEstimate;
  readonly onsetMs: number;
  readonly windowStart: number;
  /** The end of the search: the decision's time (a change after the estimated onset can still be the cause when the
   * onset estimate is off; consistency with the data orders it). */
  readonly searchEnd: number;
  readonly lookbackMs: number;
  readonly interval: {
    readonly lastGood?: number;
    readonly firstBad: number;
    readonly windowStart: number;
    /** The relative likelihood of the change-point at a time, where the data give one (change-interval.ts). */
    readonly likelihood?: (t: number) => number;
    /** The best split's write time. */
    readonly best?: number;
  };
  /** The depth of the job nearest the feature (the one that wrote its dataset). */
  readonly nearest: number;
  /** The traced fields a job's change can touch: its traced outputs and the inputs they were computed from. */
  fieldsOf(nodeId: string): ReadonlyArray<string>;
  /** The time of the first run of a job at or after `t` (in ms) that wrote traced data, where the evidence has one. */
  firstRunAfter(jobId: string, t: number): number | undefined;
  readonly diffOf?: DiffOf;
}

/**
 * When the data a decision read for the feature was written (the run that wrote the version it names, else the
 * version active at its time), else the decision's time.
 */
function dataTime(set: EvidenceSet, ref: DecisionRef | undefined, featureName: string): number | undefined {
  if (!ref) return undefined;
  const d = findDecision(set.decisions, ref.decisionId, ref.model);
  return d ? writeTime(set, d, featureName) : Date.parse(ref.timestamp);
}

const fieldName = (id: string) => id.slice(id.indexOf('#') + 1);
const datasetOf = (id: string) => id.slice(0, id.indexOf('#'));

/** Builds the context of one investigation. */
export function suspectContext(
  set: EvidenceSet,
  trace: TraceResult,
  onset: OnsetEstimate,
  decision: Decision | undefined,
  options: {
    readonly lookbackDays?: number;
    readonly diffOf?: DiffOf;
    readonly estimated?: { readonly interval?: ChangeInterval };
  },
): SuspectContext {
  const lookbackMs = (options.lookbackDays ?? 30) * 86_400_000;
  const onsetMs = Date.parse(onset.onset);
  const windowStart = onsetMs - lookbackMs;
  // The interval the data allows for the change (change-interval.ts), else the onset's last good and first bad data.
  const allowed = options.estimated
    ? options.estimated.interval
    : decision && onset.method !== 'override'
      ? changeInterval(set, decision, trace.featureName, windowStart)
      : undefined;
  const firstBad = allowed?.firstBad ?? Math.min(onsetMs, dataTime(set, onset.firstBad, trace.featureName) ?? onsetMs);
  const lastGood = allowed ? allowed.lastGood : dataTime(set, onset.lastGood, trace.featureName);
  const produced = new Map<string, string[]>();
  for (const e of trace.edges) {
    if (e.kind !== 'produced') continue;
    produced.set(e.source, [...(produced.get(e.source) ?? []), e.target]);
  }
  const feature = decision?.features.find((f) => f.name === trace.featureName);
  // The traced fields are those of the lineage as of the decision and as of the last good data: a field renamed in
  // between is traced under both names.
  const before =
    decision && lastGood !== undefined
      ? traceDecision(set, decision, trace.featureName, { asOf: new Date(lastGood).toISOString() })
      : undefined;
  const columns = [...(trace.columns ?? []), ...(before?.columns ?? [])];
  const fieldsOf = (nodeId: string): string[] => {
    const outputs = new Set([nodeId, ...(produced.get(nodeId) ?? [])]);
    const fields = new Set<string>([
      ...(trace.jobs.find((j) => j.id === nodeId)?.fields ?? []),
      ...(before?.jobs.find((j) => j.id === nodeId)?.fields ?? []),
    ]);
    for (const c of columns) {
      if (outputs.has(datasetOf(c.target)) || outputs.has(datasetOf(c.source))) {
        fields.add(fieldName(c.target));
        fields.add(fieldName(c.source));
      }
    }
    if (feature?.dataset && outputs.has(`${feature.dataset.namespace}:${feature.dataset.name}`))
      fields.add(feature.field ?? feature.name);
    return [...fields];
  };
  const depths = trace.jobs.map((j) => j.depth);
  return {
    set,
    trace,
    graph: commitGraph(set.commits, set.pullRequests),
    environment: decision?.environment,
    decision,
    onset,
    onsetMs,
    windowStart,
    searchEnd: Math.max(onsetMs, decision ? Date.parse(decision.timestamp) : onsetMs),
    lookbackMs,
    interval: { lastGood, firstBad, windowStart, likelihood: allowed?.likelihood, best: allowed?.best },
    nearest: depths.length ? Math.min(...depths) : 1,
    fieldsOf,
    firstRunAfter: jobReach(set, trace),
    diffOf: options.diffOf,
  };
}
