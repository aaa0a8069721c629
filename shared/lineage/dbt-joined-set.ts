/**
 * The evidence as the lineage model reads it once dbt-join.ts has joined a project's manifests to its OpenLineage
 * runs: every run of a dbt node under the node's one job id, every manifest relation under its OpenLineage dataset id,
 * and the code each run executed as the manifest declares it (`checksum`, `original_file_path`).
 *
 * - A run_results result (job `dbt:<unique_id>`) is the same execution as an OpenLineage run of that node with the same
 *   dbt invocation id (the integration builds its events from that very run_results.json): it is not repeated, and
 *   `sameRuns` lists it. Otherwise it is a run of the joined job that read the node's `depends_on` relations and wrote
 *   its own relation, as that invocation's manifest (else the latest one before it) declares them, with the columns the
 *   manifest (else the catalog) gives the relation.
 * - The manifest that declares a run's code is the one of the run's invocation, else the latest generated at or before
 *   the run; a run before every manifest has no declared code (its own SQL or commit still versions it).
 */
import { nodeId } from '../analysis/run-index';
import type { DatasetDefinition, JobDefinition } from '../model/config-records';
import type { EvidenceSet } from '../model/evidence-set';
import type { DatasetRef, LineageRunEvent, Provenance, RunDataset } from '../model/records';
import { joinDbt, type DbtJoin } from './dbt-join';
import { extraOf, invocationOf } from './dbt-naming';

/** The code a run executed as a manifest declares it. */
export interface DeclaredCode {
  /** `sha256:<hex>`, the manifest node's checksum (absent for a test, whose code lives in a YAML file). */
  readonly checksum?: string;
  /** The node's `original_file_path`. */
  readonly codePath?: string;
  /** Its compiled SQL (else raw code) in the manifest: what versions a test, which has no checksum. */
  readonly codeText?: string;
  /** The manifest node that declares it. */
  readonly evidence: Provenance;
}

/** The dbt join and what it did to the evidence. */
export interface DbtJoinReport extends DbtJoin {
  /** run_results results that were an OpenLineage run already (same node, same invocation). */
  readonly sameRuns: ReadonlyArray<{ readonly runResult: Provenance; readonly job: string }>;
}

export interface DbtJoinedEvidence {
  readonly set: EvidenceSet;
  /** Undefined when the evidence holds no dbt manifest. */
  readonly report?: DbtJoinReport;
  /** The declared code of a run of a dbt node (by its job id and run id). */
  declaredCodeOf(run: { readonly job: string; readonly runId: string }): DeclaredCode | undefined;
}

const time = (d: JobDefinition) => Date.parse(extraOf(d, 'generatedAt') ?? '') || -Infinity;

/** The manifest definition in force for a run: its invocation's, else the latest generated at or before it. */
function definitionFor(defs: ReadonlyArray<JobDefinition>, invocation: string | undefined, at: number) {
  const own = invocation !== undefined ? defs.find((d) => extraOf(d, 'invocationId') === invocation) : undefined;
  return own ?? defs.filter((d) => time(d) <= at).pop();
}

/** Rewrites the evidence onto the dbt join (dbt-join.ts); the set itself when it holds no dbt manifest. */
export function dbtJoinedEvidence(set: EvidenceSet): DbtJoinedEvidence {
  const join = joinDbt(set);
  if (!join) return { set, declaredCodeOf: () => undefined };
  const seen = new Set<string>();
  for (const e of set.runs) {
    const node = join.nodeOfJob(nodeId(e.job));
    const invocation = invocationOf(e.runFacets);
    if (node && invocation && !e.runFacets?.dbtRunResult) seen.add(`${node.uniqueId}\u0000${invocation}`);
  }
  // A relation's columns as the manifest (else the catalog, which types them) declares them.
  const columns = new Map<string, DatasetDefinition['fields']>();
  for (const d of set.datasets) {
    if (
      d.origin.startsWith('dbt-') &&
      d.fields.length > 0 &&
      (d.origin === 'dbt-catalog' || !columns.has(nodeId(d.dataset)))
    ) {
      columns.set(nodeId(d.dataset), d.fields);
    }
  }
  const dataset = (d: DatasetRef): RunDataset => {
    const to = join.datasetOf(d);
    const fields = columns.get(nodeId(d));
    return { namespace: to.namespace, name: to.name, ...(fields && { fields }) };
  };
  const declared = new Map<string, DeclaredCode>();
  const sameRuns: Array<{ runResult: Provenance; job: string }> = [];
  const runs: LineageRunEvent[] = [];
  for (const e of set.runs) {
    const node = join.nodeOfJob(nodeId(e.job));
    if (!node) {
      runs.push(e);
      continue;
    }
    const invocation = invocationOf(e.runFacets);
    const runResult = e.runFacets?.dbtRunResult !== undefined;
    if (runResult && invocation && seen.has(`${node.uniqueId}\u0000${invocation}`)) {
      sameRuns.push({ runResult: e.provenance, job: nodeId(node.job) });
      continue;
    }
    const def = definitionFor(node.definitions, invocation, Date.parse(e.eventTime));
    // Under several job namespaces (dev, prod) a node's jobs stay apart, each under its own id.
    const job = node.namespaces.length > 1 ? e.job : node.job;
    runs.push({
      ...e,
      job,
      ...(runResult && def && { inputs: def.inputs.map(dataset), outputs: def.outputs.map(dataset) }),
    });
    if (def && (def.checksum || def.codePath || def.code)) {
      const code = {
        evidence: def.provenance,
        ...(def.checksum && { checksum: def.checksum }),
        ...(def.codePath && { codePath: def.codePath }),
        ...(def.code && { codeText: def.code.text }),
      };
      declared.set(`${nodeId(job)}\u0000${e.runId}`, code);
    }
  }
  const datasets = set.datasets.map((d) => {
    const to = join.datasetOf(d.dataset);
    return to === d.dataset ? d : { ...d, dataset: to };
  });
  return {
    set: { ...set, runs, datasets },
    report: { ...join, sameRuns },
    declaredCodeOf: (run) => declared.get(`${run.job}\u0000${run.runId}`),
  };
}
