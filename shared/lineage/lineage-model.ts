/**
 * The versioned lineage graph, built once per evidence set: dataset versions (what each run wrote), job
 * versions (runs grouped by the code they executed), table- and column-level edges valid over the interval of
 * the dataset version they lead into, and per-dataset indexes of who read it (runs and decisions) sorted by
 * time. Every as-of lookup is a binary search over a sorted timeline.
 */
import { nodeId, runIndex, type MergedRun, type RunIndex } from '../analysis/run-index';
import { dependencyColumns } from './dataset-dependencies';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, DecisionFeature } from '../model/records';
import { dbtJoinedEvidence, type DbtJoinReport, type DeclaredCode } from './dbt-joined-set';
import { declaredLineage } from './declared-lineage';
import { codeKey, configKindOf } from './job-version';
import { activeAt, chain, lastAtOrBefore } from './timeline';
import type { DatasetVersion, JobVersion, LineageEdge } from './types';
import { repositoryUrlOf } from './repository-url';

/** A run that read a dataset, with the version it recorded reading (when its input carried one). */
export interface DatasetRead {
  readonly run: MergedRun;
  readonly version?: string;
}

/** The decisions that read a dataset through one of their features, in time order. */
export interface DecisionReads {
  readonly times: ReadonlyArray<number>;
  readonly decisions: ReadonlyArray<Decision>;
  readonly features: ReadonlyArray<DecisionFeature>;
}

export interface LineageModel {
  /** The evidence the model reads: the imported set, its dbt manifests joined to their runs (dbt-joined-set.ts). */
  readonly set: EvidenceSet;
  /** How dbt nodes and relations were joined to the OpenLineage runs, when the evidence holds a manifest. */
  readonly dbt?: DbtJoinReport;
  readonly runs: RunIndex;
  /** Every dataset that some run wrote, read, or some decision read, or static lineage names. */
  readonly datasetIds: ReadonlyArray<string>;
  /** The versions of a dataset, oldest first, each valid until the next one (a declared one first, from −∞). */
  versionsOf(datasetId: string): ReadonlyArray<DatasetVersion>;
  /** The dataset version active at `t` (ms): the last written at or before `t`. */
  versionAt(datasetId: string, t: number): DatasetVersion | undefined;
  /** The version with this name (the version facet's datasetVersion, or the writing run's id). */
  versionNamed(datasetId: string, version: string): DatasetVersion | undefined;
  /** The versions of a job, oldest first. */
  jobVersionsOf(jobId: string): ReadonlyArray<JobVersion>;
  /** Every run of a job (failed ones too), oldest first. */
  runsOfJob(jobId: string): ReadonlyArray<MergedRun>;
  /** The job version that the run executed. */
  jobVersionOfRun(run: MergedRun): JobVersion;
  /** The runs that read a dataset, oldest first. */
  readsOf(datasetId: string): ReadonlyArray<DatasetRead>;
  /** The decisions that read a dataset, oldest first. */
  decisionReadsOf(datasetId: string): DecisionReads;
  /** A static job's declaration (its inputs and outputs, state `DECLARED`, no time), when static lineage has it. */
  declarationOf(jobId: string): MergedRun | undefined;
  /** The declarations of the static jobs that read a dataset. */
  declaredReadersOf(datasetId: string): ReadonlyArray<MergedRun>;
}

const EMPTY_READS: DecisionReads = { times: [], decisions: [], features: [] };
const cache = new WeakMap<object, LineageModel>();

/** Builds (or returns the cached) lineage model of an evidence set; cached by the identity of its record lists. */
export function lineageModel(set: EvidenceSet): LineageModel {
  const cached = cache.get(set.runs);
  if (cached && cached.set.decisions === set.decisions && cached.set.audit === set.audit) return cached;
  const model = build(set);
  cache.set(set.runs, model);
  return model;
}

function build(imported: EvidenceSet): LineageModel {
  const joined = dbtJoinedEvidence(imported);
  const { set } = joined;
  const runs = runIndex(set.runs);
  const jobVersions = buildJobVersions(runs.runs, set, joined.declaredCodeOf);
  const jobOfRun = jobVersions.ofRun;
  const declared = declaredLineage(set);
  // A declared job version holds until the first version a run executed.
  for (const [jobId, jv] of declared.jobs) {
    const list = jobVersions.byJob.get(jobId) ?? [];
    jv.to = list[0]?.from ?? Infinity;
    jobVersions.byJob.set(jobId, [jv, ...list]);
  }

  const versions = new Map<string, DatasetVersion[]>();
  const named = new Map<string, DatasetVersion>();
  const reads = new Map<string, DatasetRead[]>();
  for (const run of runs.runs) {
    for (const input of run.inputs) {
      const id = nodeId(input);
      const list = reads.get(id);
      const read = { run, version: input.version };
      if (list) list.push(read);
      else reads.set(id, [read]);
    }
    if (run.state === 'FAIL' || run.state === 'ABORT') continue;
    for (const out of run.outputs) {
      const id = nodeId(out);
      const jobVersion = jobOfRun.get(run) as JobVersion;
      const inputs: LineageEdge[] = run.inputs.map((i) => ({
        source: nodeId(i),
        target: run.job,
        kind: 'input-of',
        from: run.timeMs,
        to: Infinity,
        runId: run.runId,
        evidence: run.evidence,
        ...(i.version !== undefined && { sourceVersion: i.version }),
      }));
      const columns: LineageEdge[] = [
        ...(out.columnLineage ?? []).flatMap((entry) =>
          entry.inputFields.map((f) => ({ source: `${nodeId(f)}#${f.field}`, target: `${id}#${entry.field}` })),
        ),
        ...dependencyColumns(id, out.datasetDependencies, out.fields, out.columnLineage),
      ].map((c) => ({
        ...c,
        kind: 'column' as const,
        from: run.timeMs,
        to: Infinity,
        runId: run.runId,
        evidence: run.evidence,
      }));
      const version: DatasetVersion & { to: number } = {
        datasetId: id,
        version: out.version ?? run.runId,
        run,
        jobVersion,
        fields: out.fields ?? [],
        inputs,
        columns,
        from: run.timeMs,
        to: Infinity,
        evidence: run.evidence,
      };
      const list = versions.get(id);
      if (list) list.push(version);
      else versions.set(id, [version]);
      if (out.version !== undefined) named.set(`${id}@${out.version}`, version);
      if (!run.placeholderRunId) named.set(`${id}@${run.runId}`, version);
    }
  }
  // A declared dataset version holds until the first version a run wrote (chain closes it there).
  for (const [id, dv] of declared.datasets) versions.set(id, [dv, ...(versions.get(id) ?? [])]);
  for (const list of versions.values()) {
    chain(list as Array<DatasetVersion & { to: number }>);
    // An edge holds as long as the dataset version it leads into.
    for (const v of list) {
      for (const e of [...v.inputs, ...v.columns]) (e as { to: number }).to = v.to;
    }
  }
  // The decision index is the costliest part of the build (a million decisions, each feature), and only questions
  // about decisions need it: it is built on the first one.
  let decisionReads: Map<string, DecisionReads> | undefined;
  const decisionIndex = () => (decisionReads ??= indexDecisions(set.decisions));
  let datasetIds: ReadonlyArray<string> | undefined;
  return {
    set,
    ...(joined.report && { dbt: joined.report }),
    runs,
    get datasetIds() {
      const all = [...versions.keys(), ...reads.keys(), ...declared.datasetIds, ...decisionIndex().keys()];
      return (datasetIds ??= [...new Set(all)].sort());
    },
    versionsOf: (id) => versions.get(id) ?? [],
    versionAt: (id, t) => activeAt(versions.get(id) ?? [], t),
    versionNamed: (id, v) => named.get(`${id}@${v}`),
    jobVersionsOf: (id) => jobVersions.byJob.get(id) ?? [],
    runsOfJob: (id) => jobVersions.runsByJob.get(id) ?? [],
    jobVersionOfRun: (run) => jobOfRun.get(run) as JobVersion,
    readsOf: (id) => reads.get(id) ?? [],
    decisionReadsOf: (id) => decisionIndex().get(id) ?? EMPTY_READS,
    declarationOf: (id) => declared.declarations.get(id),
    declaredReadersOf: (id) => declared.readers.get(id) ?? [],
  };
}

function buildJobVersions(
  runs: ReadonlyArray<MergedRun>,
  set: EvidenceSet,
  declaredCodeOf: (run: MergedRun) => DeclaredCode | undefined,
): { byJob: Map<string, JobVersion[]>; ofRun: Map<MergedRun, JobVersion>; runsByJob: Map<string, MergedRun[]> } {
  const byJob = new Map<string, Array<JobVersion & { to: number; runCount: number }>>();
  const runsByJob = new Map<string, MergedRun[]>();
  const ofRun = new Map<MergedRun, JobVersion>();
  const kinds = new Map<string, ReturnType<typeof configKindOf>>();
  for (const run of runs) {
    const declared = declaredCodeOf(run);
    const key = codeKey(run, declared);
    const jobRuns = runsByJob.get(run.job);
    if (jobRuns) jobRuns.push(run);
    else runsByJob.set(run.job, [run]);
    const list = byJob.get(run.job) ?? [];
    if (list.length === 0) byJob.set(run.job, list);
    let current = list[list.length - 1];
    if (!current || current.version !== key.version) {
      const path = run.sourceCodeLocation?.path ?? declared?.codePath;
      if (path && !kinds.has(path)) kinds.set(path, configKindOf(path, set.audit));
      current = {
        jobId: run.job,
        version: key.version,
        identity: key.identity,
        ...(path !== undefined && { codePath: path }),
        ...(repositoryUrlOf(run.sourceCodeLocation) !== undefined && {
          repositoryUrl: repositoryUrlOf(run.sourceCodeLocation),
        }),
        ...(key.identity === 'commit' && { commit: key.version }),
        ...(run.sourceCodeLocation?.pullRequestNumber !== undefined && {
          pullRequest: run.sourceCodeLocation.pullRequestNumber,
        }),
        configKind: path ? (kinds.get(path) ?? 'code') : 'code',
        runCount: 0,
        from: run.timeMs,
        to: Infinity,
        evidence: run.evidence,
        ...(declared && { declaredBy: declared.evidence }),
      };
      list.push(current);
    }
    current.runCount++;
    ofRun.set(run, current);
  }
  for (const list of byJob.values()) chain(list);
  return { byJob, ofRun, runsByJob };
}

/**
 * The decisions that read each dataset, in the decisions' order (time order in an evidence set). A decision's
 * features mostly read the dataset the previous one read: that dataset's entry is reused without making and hashing
 * its `namespace:name` id again (making and hashing it was about a third of the index's cost).
 */
function indexDecisions(decisions: ReadonlyArray<Decision>): Map<string, DecisionReads> {
  type Entry = { times: number[]; decisions: Decision[]; features: DecisionFeature[] };
  const byDataset = new Map<string, Entry>();
  let last: { readonly namespace: string; readonly name: string; readonly entry: Entry } | undefined;
  for (const d of decisions) {
    const t = Date.parse(d.timestamp);
    for (const f of d.features) {
      const dataset = f.dataset;
      if (!dataset) continue;
      let entry = last?.name === dataset.name && last.namespace === dataset.namespace ? last.entry : undefined;
      if (!entry) {
        const id = nodeId(dataset);
        entry = byDataset.get(id);
        if (!entry) byDataset.set(id, (entry = { times: [], decisions: [], features: [] }));
        last = { namespace: dataset.namespace, name: dataset.name, entry };
      }
      entry.times.push(t);
      entry.decisions.push(d);
      entry.features.push(f);
    }
  }
  return byDataset;
}

/** The job version active at `t` (the last run of the job at or before `t` executed it). */
export function jobVersionAt(model: LineageModel, jobId: string, t: number): JobVersion | undefined {
  const list = model.jobVersionsOf(jobId);
  const i = lastAtOrBefore(list, t);
  return i >= 0 ? list[i] : undefined;
}
