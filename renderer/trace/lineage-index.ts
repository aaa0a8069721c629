/**
 * What the evidence says around one node, as of a moment: the job that wrote a dataset, the datasets a job read and
 * wrote, the jobs that read a dataset. Used to expand the traced neighbourhood on demand (upstream or downstream).
 */
import { nodeId, runIndex, type MergedRun } from '../../shared/analysis/run-index';
import type { TraceEdge, TraceNode } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { LineageRunEvent, RunDataset } from '../../shared/model/records';

export interface LineageIndex {
  /** Successful runs of a job (`namespace:name`), oldest first. */
  runsOfJob(jobId: string): ReadonlyArray<MergedRun>;
  /** Successful runs that read a dataset, oldest first. */
  readersOf(datasetId: string): ReadonlyArray<MergedRun>;
  /** Successful runs that wrote a dataset, oldest first. */
  writersOf(datasetId: string): ReadonlyArray<MergedRun>;
  /** The raw events of a run, in the order imported. */
  eventsOf(runId: string): ReadonlyArray<LineageRunEvent>;
  isJob(id: string): boolean;
}

export interface Neighbour {
  readonly node: TraceNode;
  readonly edge: TraceEdge;
}

const cache = new WeakMap<ReadonlyArray<LineageRunEvent>, LineageIndex>();
const ok = (run: MergedRun) => run.state !== 'FAIL' && run.state !== 'ABORT';

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes the evidence's runs by job, by dataset read and by run id. Cached per event list. */
export function lineageIndex(set: EvidenceSet): LineageIndex {
  const cached = cache.get(set.runs);
  if (cached) return cached;
  const runs = runIndex(set.runs);
  const byJob = new Map<string, MergedRun[]>();
  const readers = new Map<string, MergedRun[]>();
  const events = new Map<string, LineageRunEvent[]>();
  for (const run of runs.runs) {
    if (!ok(run)) continue;
    push(byJob, run.job, run);
    for (const input of run.inputs) push(readers, nodeId(input), run);
  }
  for (const e of set.runs) push(events, e.runId, e);
  const index: LineageIndex = {
    runsOfJob: (id) => byJob.get(id) ?? [],
    readersOf: (id) => readers.get(id) ?? [],
    writersOf: (id) => runs.writersOf(id),
    eventsOf: (runId) => events.get(runId) ?? [],
    isJob: (id) => byJob.has(id),
  };
  cache.set(set.runs, index);
  return index;
}

/** The latest of these runs at or before `asOf` (ms); runs are oldest first. */
export function latestAsOf(runs: ReadonlyArray<MergedRun>, asOf: number): MergedRun | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i] as MergedRun;
    if (Date.parse(run.time) <= asOf) return run;
  }
  return undefined;
}

/** A job node at the code version one run executed. */
export function jobNode(run: MergedRun, depth: number): TraceNode {
  const code = run.sourceCodeLocation;
  return {
    id: run.job,
    kind: 'job',
    label: run.job,
    version: code?.version,
    time: run.time,
    depth,
    evidence: run.evidence,
    details: { run: run.runId, state: run.state, ...(code?.path ? { 'code path': code.path } : {}) },
  };
}

/** A dataset node at the version a run wrote (or, without a writer, a source). */
export function datasetNode(index: LineageIndex, ref: RunDataset, asOf: number, depth: number): TraceNode {
  const id = nodeId(ref);
  const writer = latestAsOf(index.writersOf(id), asOf);
  const out = writer?.outputs.find((o) => nodeId(o) === id);
  return {
    id,
    kind: writer ? 'dataset' : 'source',
    label: id,
    version: out?.version ?? ref.version ?? writer?.runId,
    time: writer?.time,
    depth,
    evidence: writer?.evidence,
    details: writer ? { 'written by run': writer.runId } : { origin: 'no run in the evidence writes it: a source' },
  };
}

const edge = (source: string, target: string, kind: TraceEdge['kind'], run: MergedRun): TraceEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  kind,
  evidence: run.evidence,
});

/** Upstream of a dataset: the job that last wrote it by `asOf`; of a job: the datasets its last run read. */
export function upstreamOf(index: LineageIndex, node: TraceNode, asOf: number): ReadonlyArray<Neighbour> {
  if (node.kind === 'job') {
    const run = latestAsOf(index.runsOfJob(node.id), asOf);
    if (!run) return [];
    return run.inputs.map((input) => {
      const n = datasetNode(index, input, Date.parse(run.time), node.depth + 1);
      return { node: n, edge: edge(n.id, node.id, 'input-of', run) };
    });
  }
  if (node.kind !== 'dataset' && node.kind !== 'source') return [];
  const writer = latestAsOf(index.writersOf(node.id), asOf);
  return writer ? [{ node: jobNode(writer, node.depth + 1), edge: edge(writer.job, node.id, 'produced', writer) }] : [];
}

/** Downstream of a dataset: the jobs whose last run by `asOf` read it; of a job: what its last run wrote. */
export function downstreamOf(index: LineageIndex, node: TraceNode, asOf: number): ReadonlyArray<Neighbour> {
  const depth = Math.max(0, node.depth - 1);
  if (node.kind === 'job') {
    const run = latestAsOf(index.runsOfJob(node.id), asOf);
    if (!run) return [];
    return run.outputs.map((out) => {
      const n = datasetNode(index, out, asOf, depth);
      return { node: n, edge: edge(node.id, n.id, 'produced', run) };
    });
  }
  if (node.kind !== 'dataset' && node.kind !== 'source') return [];
  const latestByJob = new Map<string, MergedRun>();
  for (const run of index.readersOf(node.id)) {
    if (Date.parse(run.time) <= asOf) latestByJob.set(run.job, run);
  }
  return [...latestByJob.values()].map((run) => ({
    node: jobNode(run, depth),
    edge: edge(node.id, run.job, 'input-of', run),
  }));
}
