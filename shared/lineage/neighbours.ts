/**
 * One step out from a node of the lineage graph as of a moment, on the temporal model: what a dataset version was
 * written by and read by, what a job's last run read and wrote. The trace walks the same model; these steps are what
 * an investigator expands beside it, built with the same node construction (trace-nodes.ts). A job no run executed by
 * then steps through its declaration (static lineage, declared-lineage.ts), read as of the moment itself.
 */
import { nodeId, type MergedRun } from '../analysis/run-index';
import type { TraceEdge, TraceNode } from '../analysis/types';
import { DECLARED_STATE } from './declared-lineage';
import type { LineageModel } from './lineage-model';
import { datasetTraceNode, jobTraceNode, validity } from './trace-nodes';
import type { JobVersion } from './types';

/** A neighbour and the edge between it and the node stepped from. */
export interface LineageStep {
  readonly node: TraceNode;
  readonly edge: TraceEdge;
}

const succeeded = (run: MergedRun) => run.state !== 'FAIL' && run.state !== 'ABORT';

const edge = (
  source: string,
  target: string,
  kind: 'input-of' | 'produced',
  run: MergedRun,
  extra: Partial<TraceEdge> = {},
): TraceEdge => ({ id: `${source}->${target}`, source, target, kind, evidence: run.evidence, ...extra });

/** The job's last successful run at or before `t` (ms). */
export function lastRunAt(model: LineageModel, jobId: string, t: number): MergedRun | undefined {
  const runs = model.runsOfJob(jobId);
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid] as MergedRun).timeMs <= t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (succeeded(runs[i] as MergedRun)) return runs[i];
  return undefined;
}

const isDataset = (node: TraceNode) => node.kind === 'dataset' || node.kind === 'source';

/** The job's last successful run at or before `t`, else its declaration when static lineage declares it. */
const runOrDeclarationAt = (model: LineageModel, jobId: string, t: number): MergedRun | undefined =>
  lastRunAt(model, jobId, t) ?? model.declarationOf(jobId);

/**
 * The moment a node's run is looked up at: a job drawn for one of its runs (the run that wrote a dataset version, or
 * that read a dataset) at that run's time, so its inputs and outputs are that run's even when a later run of a job
 * with the same name (another dbt project's model of the same name, or a later run that read other inputs) came
 * before `t`; a dataset, and a declared job, as of `t`.
 */
export function momentOf(node: TraceNode, t: number): number {
  const ran = node.kind === 'job' && node.time ? Date.parse(node.time) : NaN;
  return Number.isFinite(ran) && ran <= t ? ran : t;
}

/** The run a job node stands for: its run at the node's time, else the job's last run by `t`, else its declaration. */
const runOfJobNode = (model: LineageModel, node: TraceNode, t: number): MergedRun | undefined =>
  runOrDeclarationAt(model, node.id, momentOf(node, t));

/** When a run read its inputs; a declaration has no time, its inputs are taken as of `t`. */
const readAt = (run: MergedRun, t: number) => (Number.isFinite(run.timeMs) ? run.timeMs : t);

/**
 * Upstream of a dataset as of `t`: the job at the code version that wrote its version active at `t`. Upstream of a
 * job: the datasets the run it stands for (else its last run by `t`) read, each at the version that run recorded reading (else the one active
 * when it ran), as the trace takes them.
 */
export function upstreamAt(model: LineageModel, node: TraceNode, t: number): ReadonlyArray<LineageStep> {
  const depth = node.depth + 1;
  if (node.kind === 'job') {
    const run = runOfJobNode(model, node, t);
    if (!run) return [];
    return run.inputs.map((input) => {
      const id = nodeId(input);
      const named = input.version !== undefined ? model.versionNamed(id, input.version) : undefined;
      const dv = named ?? model.versionAt(id, readAt(run, t));
      const n = datasetTraceNode(id, dv, { depth, version: input.version, readBy: run.evidence });
      return { node: n, edge: edge(id, node.id, 'input-of', run, sourceVersion(input.version)) };
    });
  }
  if (!isDataset(node)) return [];
  const dv = model.versionAt(node.id, t);
  if (!dv) return [];
  const job = jobTraceNode(dv.run, dv.jobVersion, depth);
  return [{ node: job, edge: edge(job.id, node.id, 'produced', dv.run, validity(dv)) }];
}

/**
 * Downstream of a dataset as of `t`: each job whose last run by `t` read it, at that run's code version. Downstream
 * of a job: the datasets the run it stands for (else its last run by `t`) wrote, each at its version active at `t`.
 */
export function downstreamAt(model: LineageModel, node: TraceNode, t: number): ReadonlyArray<LineageStep> {
  const depth = Math.max(0, node.depth - 1);
  if (node.kind === 'job') {
    const run = runOfJobNode(model, node, t);
    if (!run) return [];
    return run.outputs.map((out) => {
      const id = nodeId(out);
      const dv = model.versionAt(id, t);
      return {
        node: datasetTraceNode(id, dv, { depth, readBy: run.evidence }),
        edge: edge(node.id, id, 'produced', run),
      };
    });
  }
  if (!isDataset(node)) return [];
  const latestByJob = new Map<string, { run: MergedRun; version?: string }>();
  for (const read of model.readsOf(node.id)) {
    if (read.run.timeMs <= t && succeeded(read.run)) latestByJob.set(read.run.job, read);
  }
  // Static jobs that declare reading it, unless a run of theirs by `t` says what they read.
  for (const declaration of model.declaredReadersOf(node.id)) {
    if (!latestByJob.has(declaration.job) && !lastRunAt(model, declaration.job, t)) {
      latestByJob.set(declaration.job, { run: declaration });
    }
  }
  return [...latestByJob.values()].map(({ run, version }) => ({
    node: jobTraceNode(run, jobVersionOf(model, run), depth),
    edge: edge(node.id, run.job, 'input-of', run, sourceVersion(version)),
  }));
}

/** The version a run executed, or the declared version of a declaration. */
const jobVersionOf = (model: LineageModel, run: MergedRun) =>
  run.state === DECLARED_STATE ? (model.jobVersionsOf(run.job)[0] as JobVersion) : model.jobVersionOfRun(run);

const sourceVersion = (version: string | undefined) => (version !== undefined ? { sourceVersion: version } : {});
