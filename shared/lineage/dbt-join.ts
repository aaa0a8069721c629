/**
 * The join of a dbt project's manifest with the jobs the OpenLineage dbt integration reported (in runs, or in the
 * static lineage of events the importer could not place in time), so that a model is one job and a relation one
 * dataset (names as dbt-naming.ts describes them):
 *
 * - A job the integration reported is a manifest node when its `dbt_node` facet's `unique_id` is the node's
 *   unique_id; else when its name is one the integration gives that node (the unique_id itself, or
 *   `{database}.{schema}.{unique_id without the type}` with the mode's suffix), the database and schema being the
 *   node's in the manifest. The job namespace is never in the manifest: every such join is by name only, and a
 *   warning per namespace says so. A name two nodes could have, or a job that is the invocation, a SQL statement or
 *   the integration's test job, stays apart with its reason.
 * - The joined job keeps the integration's id (`namespace:name`, as OpenLineage names jobs); other names it had in the
 *   same namespace and `dbt:<unique_id>` (manifest, run_results) become that id. A node reported under several job
 *   namespaces (a dev and a prod deployment) is not merged across them: a warning names them.
 * - Relations: see dbt-relations.ts.
 */
import { nodeId } from '../analysis/run-index';
import type { JobDefinition } from '../model/config-records';
import type { EvidenceSet } from '../model/evidence-set';
import type { DatasetRef } from '../model/records';
import { joinRelations, type DbtDatasetJoin, type DbtUnjoined } from './dbt-relations';
import {
  extraOf,
  integrationJobNames,
  isDbtIntegration,
  nodeFacetId,
  runSighting,
  staticSighting,
  unjoinedJobReason,
  type JobSighting,
} from './dbt-naming';

export type { DbtDatasetJoin, DbtUnjoined } from './dbt-relations';

/** How an OpenLineage job was found to be a manifest node. */
export type DbtJobMatch = 'dbt_node facet' | 'unique_id' | 'relation name';

/** One dbt node and every id it has in the evidence. */
export interface DbtJobJoin {
  readonly uniqueId: string;
  /** The job the lineage model shows for it (`dbt:<unique_id>` when it ran under no or several job namespaces). */
  readonly job: DatasetRef;
  /** The job namespaces the integration reported it under. */
  readonly namespaces: ReadonlyArray<string>;
  /** The OpenLineage jobs joined to it, and how each was. */
  readonly openLineageJobs: ReadonlyArray<{ readonly id: string; readonly matchedBy: DbtJobMatch }>;
  /** Its definitions in the imported manifests, oldest manifest first. */
  readonly definitions: ReadonlyArray<JobDefinition>;
}

export interface DbtJoin {
  readonly jobs: ReadonlyArray<DbtJobJoin>;
  readonly datasets: ReadonlyArray<DbtDatasetJoin>;
  readonly unjoined: ReadonlyArray<DbtUnjoined>;
  readonly warnings: ReadonlyArray<string>;
  /** The node a job id (`dbt:<unique_id>` or a joined OpenLineage id) is, if any. */
  nodeOfJob(jobId: string): DbtJobJoin | undefined;
  /** The dataset a relation id (`dbt:…`) is, else the id's own ref. */
  datasetOf(ref: DatasetRef): DatasetRef;
}

const generated = (d: JobDefinition) => Date.parse(extraOf(d, 'generatedAt') ?? '') || -Infinity;

/** Joins the dbt manifests' nodes and relations of an evidence set to its OpenLineage dbt runs; undefined without a manifest. */
export function joinDbt(set: EvidenceSet): DbtJoin | undefined {
  const byNode = new Map<string, JobDefinition[]>();
  for (const d of set.jobs) if (d.tool === 'dbt') byNode.set(d.job.name, [...(byNode.get(d.job.name) ?? []), d]);
  if (byNode.size === 0) return undefined;
  for (const list of byNode.values()) list.sort((a, b) => generated(a) - generated(b));
  const byName = new Map<string, Set<string>>();
  for (const [u, list] of byNode) {
    for (const name of list.flatMap(integrationJobNames)) byName.set(name, (byName.get(name) ?? new Set()).add(u));
  }
  const reported = new Map<string, { ref: DatasetRef; facetId?: string; last: number }>();
  const sightings: JobSighting[] = [...set.runs.map(runSighting)];
  for (const d of set.jobs) {
    const seen = staticSighting(d);
    if (seen) sightings.push(seen);
  }
  for (const s of sightings) {
    if (!isDbtIntegration(s)) continue;
    const id = nodeId(s.job);
    const prev = reported.get(id);
    const facetId = nodeFacetId(s.jobFacets) ?? prev?.facetId;
    reported.set(id, { ref: s.job, ...(facetId && { facetId }), last: Math.max(prev?.last ?? -Infinity, s.time) });
  }
  const unjoined: DbtUnjoined[] = [];
  const warnings: string[] = [];
  const matched = new Map<string, Array<{ id: string; ref: DatasetRef; matchedBy: DbtJobMatch; last: number }>>();
  for (const [id, job] of reported) {
    const candidates = job.facetId && byNode.has(job.facetId) ? new Set([job.facetId]) : byName.get(job.ref.name);
    if (!candidates) {
      unjoined.push({ id, reason: unjoinedJobReason(job.ref.name) });
    } else if (candidates.size > 1) {
      unjoined.push({ id, reason: `its name is the integration's name of ${[...candidates].join(' and ')}` });
    } else {
      const u = [...candidates][0] as string;
      const matchedBy: DbtJobMatch =
        job.facetId === u ? 'dbt_node facet' : job.ref.name === u ? 'unique_id' : 'relation name';
      matched.set(u, [...(matched.get(u) ?? []), { id, ref: job.ref, matchedBy, last: job.last }]);
    }
  }
  const jobs: DbtJobJoin[] = [];
  const ofJob = new Map<string, DbtJobJoin>();
  for (const [u, definitions] of byNode) {
    const ol = (matched.get(u) ?? []).sort((a, b) => a.last - b.last);
    const namespaces = [...new Set(ol.map((o) => o.ref.namespace))];
    const own = (definitions[0] as JobDefinition).job;
    const latest = ol[ol.length - 1];
    const job = namespaces.length === 1 && latest ? latest.ref : own;
    if (namespaces.length > 1) {
      warnings.push(`${u} ran under the job namespaces ${namespaces.join(', ')}: kept as ${namespaces.length} jobs`);
    }
    const openLineageJobs = ol.map(({ id, matchedBy }) => ({ id, matchedBy }));
    const join: DbtJobJoin = { uniqueId: u, job, namespaces, openLineageJobs, definitions };
    jobs.push(join);
    for (const id of [nodeId(own), ...ol.map((o) => o.id)]) ofJob.set(id, join);
  }
  for (const ns of new Set([...matched.values()].flat().map((o) => o.ref.namespace))) {
    const count = [...matched.values()].filter((list) => list.some((o) => o.ref.namespace === ns)).length;
    warnings.push(
      `job namespace "${ns}" is not in any manifest (the dbt integration takes it from OPENLINEAGE_NAMESPACE): ` +
        `${count} dbt ${count === 1 ? 'node' : 'nodes'} joined by job name only`,
    );
  }
  const datasets = joinRelations(set, [...byNode.values()].flat(), unjoined, warnings);
  const byRelation = new Map(datasets.map((d) => [d.relation, d.dataset]));
  return {
    jobs,
    datasets,
    unjoined,
    warnings,
    nodeOfJob: (id) => ofJob.get(id),
    datasetOf: (ref) => byRelation.get(nodeId(ref)) ?? ref,
  };
}
