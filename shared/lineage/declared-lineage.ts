/**
 * Static OpenLineage lineage as declared versions of the temporal model. The importer turns events whose time or run
 * id is a placeholder or missing into `job` and `dataset` records (openlineage-static.ts): what the lineage is, but
 * not when it ran. Each such job becomes a declared job version (identified by a hash of its code text, or the commit
 * its source code location names) and each of its outputs a declared dataset version, with the fields and column
 * lineage of the matching static dataset record. Both hold from −∞ until the first version a run was observed to
 * execute or write, so run-observed lineage always wins from its first run on. A Feast registry's feature views and
 * services (feast-registry-importer.ts) are declared the same way.
 */
import { nodeId, type MergedRun } from '../analysis/run-index';
import type { EvidenceSet } from '../model/evidence-set';
import type { DatasetDefinition, JobDefinition, Provenance, SourceCodeLocation } from '../model/records';
import { fnv1a64 } from './hash';
import { dependencyColumns } from './dataset-dependencies';
import { configKindOf } from './job-version';
import type { DatasetVersion, JobVersion, LineageEdge } from './types';
import { repositoryUrlOf } from './repository-url';

/** The `tool` of static OpenLineage jobs and the `origin` of their datasets (openlineage-static.ts). */
const STATIC_OPENLINEAGE = 'openlineage';
/** Jobs declared without runs by a tool's own registry: Feast feature views and services (feast-registry-importer.ts). */
const DECLARING_TOOLS = new Set([STATIC_OPENLINEAGE, 'feast']);
const isDeclaredDataset = (d: DatasetDefinition) => d.origin === STATIC_OPENLINEAGE || d.origin.startsWith('feast-');

/** The `state` of a declaration standing in for a run in a declared version. */
export const DECLARED_STATE = 'DECLARED';

export interface DeclaredLineage {
  /** The declared version of each static job, by job id. */
  readonly jobs: ReadonlyMap<string, JobVersion & { to: number }>;
  /** Each static job's declaration: its inputs and outputs, no time (state `DECLARED`). */
  readonly declarations: ReadonlyMap<string, MergedRun>;
  /** The declared version of each dataset a static job outputs (the first job in file order that declares it). */
  readonly datasets: ReadonlyMap<string, DatasetVersion & { to: number }>;
  /** The declarations of the static jobs that read a dataset, by dataset id. */
  readonly readers: ReadonlyMap<string, ReadonlyArray<MergedRun>>;
  /** Every dataset a static job or a static dataset record names. */
  readonly datasetIds: ReadonlyArray<string>;
}

/** Where a declared record came from, as text (`file#/pointer` or `file:line`). */
export const declaredAt = (p: Provenance): string =>
  p.pointer !== undefined
    ? `${p.sourceId}#${p.pointer}`
    : p.line !== undefined
      ? `${p.sourceId}:${p.line}`
      : p.sourceId;

/** The declared jobs and dataset versions of an evidence set's static OpenLineage records. */
export function declaredLineage(set: EvidenceSet): DeclaredLineage {
  const staticDatasets = new Map<string, DatasetDefinition>();
  for (const d of set.datasets) {
    if (isDeclaredDataset(d) && !staticDatasets.has(nodeId(d.dataset))) staticDatasets.set(nodeId(d.dataset), d);
  }
  const jobs = new Map<string, JobVersion & { to: number }>();
  const declarations = new Map<string, MergedRun>();
  const datasets = new Map<string, DatasetVersion & { to: number }>();
  const readers = new Map<string, MergedRun[]>();
  const ids = new Set<string>(staticDatasets.keys());
  for (const job of set.jobs) {
    if (!DECLARING_TOOLS.has(job.tool)) continue;
    const jobId = nodeId(job.job);
    if (jobs.has(jobId)) continue;
    const jobVersion = declaredJobVersion(job, set);
    const declaration: MergedRun = {
      runId: DECLARED_STATE.toLowerCase(),
      job: jobId,
      time: '',
      timeMs: -Infinity,
      startMs: -Infinity,
      state: DECLARED_STATE,
      inputs: job.inputs,
      outputs: job.outputs,
      ...(job.code && { code: job.code }),
      evidence: job.provenance,
    };
    jobs.set(jobId, jobVersion);
    declarations.set(jobId, declaration);
    const inputs: LineageEdge[] = job.inputs.map((i) => ({
      ...edgeBase(declaration, job.provenance),
      source: nodeId(i),
      target: jobId,
      kind: 'input-of',
    }));
    for (const input of job.inputs) {
      ids.add(nodeId(input));
      const list = readers.get(nodeId(input));
      if (list) list.push(declaration);
      else readers.set(nodeId(input), [declaration]);
    }
    for (const out of job.outputs) {
      const id = nodeId(out);
      ids.add(id);
      if (datasets.has(id)) continue;
      const record = staticDatasets.get(id);
      const columnEvidence = facetEvidence(record, 'columnLineage') ?? record?.provenance ?? job.provenance;
      const columns: LineageEdge[] = [
        ...(record?.columnLineage ?? []).flatMap((entry) =>
          entry.inputFields.map((f) => ({ source: `${nodeId(f)}#${f.field}`, target: `${id}#${entry.field}` })),
        ),
        ...dependencyColumns(id, record?.datasetDependencies, record?.fields, record?.columnLineage),
      ].map((c) => ({ ...edgeBase(declaration, columnEvidence), ...c, kind: 'column' as const }));
      datasets.set(id, {
        datasetId: id,
        version: `declared:${jobVersion.version}`,
        run: declaration,
        jobVersion,
        fields: record?.fields ?? [],
        inputs: inputs.map((e) => ({ ...e })),
        columns,
        from: -Infinity,
        to: Infinity,
        evidence: job.provenance,
        declared: true,
      });
    }
  }
  return { jobs, declarations, datasets, readers, datasetIds: [...ids] };
}

const edgeBase = (declaration: MergedRun, evidence: Provenance) => ({
  from: -Infinity,
  to: Infinity,
  runId: declaration.runId,
  evidence,
});

/** The event a static record's facet came from (`extra.facetEvidence`), when the importer recorded it. */
function facetEvidence(record: DatasetDefinition | undefined, facet: string): Provenance | undefined {
  const evidence = record?.extra?.facetEvidence as Readonly<Record<string, Provenance>> | undefined;
  return evidence?.[facet];
}

/** A static job's declared version: the commit its source code location names, else a hash of its code text. */
function declaredJobVersion(job: JobDefinition, set: EvidenceSet): JobVersion & { to: number } {
  const location = job.extra?.sourceCodeLocation as SourceCodeLocation | undefined;
  const commit = location?.version;
  const key = commit
    ? { version: commit, identity: 'commit' as const }
    : job.code?.text
      ? { version: `fnv:${fnv1a64(job.code.text)}`, identity: 'code-hash' as const }
      : { version: 'unversioned', identity: 'none' as const };
  const path = job.codePath ?? location?.path;
  const repositoryUrl = repositoryUrlOf(location);
  return {
    jobId: nodeId(job.job),
    ...key,
    ...(path !== undefined && { codePath: path }),
    ...(repositoryUrl !== undefined && { repositoryUrl }),
    ...(commit !== undefined && { commit }),
    ...(location?.pullRequestNumber !== undefined && { pullRequest: location.pullRequestNumber }),
    configKind: configKindOf(path, set.audit),
    runCount: 0,
    from: -Infinity,
    to: Infinity,
    evidence: job.provenance,
    declaredBy: job.provenance,
    declared: true,
  };
}
