/**
 * The graph view's access to the evidence's lineage: a thin adapter over the shared temporal model
 * (`shared/lineage/`, the one implementation of "the graph as of T", also behind `trace`), plus the raw events of a
 * run for the side panel's facets. Expansions up- and downstream are the model's `upstreamAt`/`downstreamAt`.
 */
import type { MergedRun } from '../../shared/analysis/run-index';
import type { TraceNode } from '../../shared/analysis/types';
import { lineageModel, type LineageModel } from '../../shared/lineage/lineage-model';
import { downstreamAt, type LineageStep, upstreamAt } from '../../shared/lineage/neighbours';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { LineageRunEvent } from '../../shared/model/records';

export interface LineageIndex {
  /** The temporal lineage model of the evidence (built once per evidence set, shared with the trace). */
  readonly model: LineageModel;
  /** The raw events of a run, in the order imported. */
  eventsOf(runId: string): ReadonlyArray<LineageRunEvent>;
}

/** A neighbour of a node on the graph and the edge to it. */
export type Neighbour = LineageStep;

const cache = new WeakMap<ReadonlyArray<LineageRunEvent>, ReadonlyMap<string, LineageRunEvent[]>>();

function eventsByRun(events: ReadonlyArray<LineageRunEvent>): ReadonlyMap<string, LineageRunEvent[]> {
  const cached = cache.get(events);
  if (cached) return cached;
  const byRun = new Map<string, LineageRunEvent[]>();
  for (const e of events) {
    const list = byRun.get(e.runId);
    if (list) list.push(e);
    else byRun.set(e.runId, [e]);
  }
  cache.set(events, byRun);
  return byRun;
}

/** The evidence's lineage model and run events, both cached per evidence set. */
export function lineageIndex(set: EvidenceSet): LineageIndex {
  const model = lineageModel(set);
  return { model, eventsOf: (runId) => eventsByRun(set.runs).get(runId) ?? [] };
}

/** Successful runs of a job, oldest first. */
export function successfulRunsOf(index: LineageIndex, jobId: string): ReadonlyArray<MergedRun> {
  return index.model.runsOfJob(jobId).filter((r) => r.state !== 'FAIL' && r.state !== 'ABORT');
}

/** Upstream of a node as of `asOf` (ms): the job that wrote a dataset's version, the datasets a job's run read. */
export const upstreamOf = (index: LineageIndex, node: TraceNode, asOf: number): ReadonlyArray<Neighbour> =>
  upstreamAt(index.model, node, asOf);

/** Downstream of a node as of `asOf` (ms): the jobs that read a dataset, the datasets a job's run wrote. */
export const downstreamOf = (index: LineageIndex, node: TraceNode, asOf: number): ReadonlyArray<Neighbour> =>
  downstreamAt(index.model, node, asOf);
