/**
 * How the OpenLineage dbt integration (openlineage-dbt, `dbt-ol`) names the jobs and datasets of a dbt project, as its
 * source writes them (integration/common/openlineage/common/provider/dbt/processor.py and structured_logs.py):
 *
 * - Artifact mode (`dbt-ol run|build|test|snapshot`: events built from manifest.json and run_results.json after the
 *   command): a model's job is `{database}.{schema}.{unique_id without "model."}`, `.build.run` appended under
 *   `dbt build`; a snapshot's is `{database}.{schema}.{unique_id without "snapshot."}.snapshot` (`.build.snapshot`);
 *   each tested model gets one test job `{database}.{schema}.{unique_id without "model."}.test` (`.build.test`) that
 *   carries its dataQualityAssertions. Where the adapter has no database (Spark) the prefix is `{schema}`.
 * - Structured-logs mode (`dbt-ol --consume-structured-logs`): a node's job is its unique_id
 *   (`model.jaffle_shop.orders`); each SQL statement it ran is a child job `{unique_id}.sql.{n}`; the invocation itself
 *   is the parent job `dbt-run-{project}`.
 * - The `dbt_node` job facet, where a producer writes it, names the node's unique_id, database, schema and alias.
 * - Every run carries the `dbt_run` run facet with the dbt `invocation_id` (the manifest's `metadata.invocation_id`).
 *
 * Job namespaces come from OPENLINEAGE_NAMESPACE (default `default`) and dataset namespaces from profiles.yml
 * (`postgres://{host}:{port}`, `bigquery`, `snowflake://{account}`, `spark://{host}:{port}`, `duckdb://{path}`, …):
 * neither is in the manifest, which names only the adapter type. Dataset names are `{database}.{schema}.{alias}`.
 */
import type { JobDefinition } from '../model/config-records';
import type { DatasetRef, LineageRunEvent } from '../model/records';

type Facets = Readonly<Record<string, unknown>>;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const facet = (facets: Facets | undefined, key: string) =>
  facets?.[key] !== null && typeof facets?.[key] === 'object' ? (facets[key] as Record<string, unknown>) : undefined;
const object = (v: unknown): Facets | undefined => (v !== null && typeof v === 'object' ? (v as Facets) : undefined);

/** A job as an OpenLineage run shows it, or as the static lineage of events not placed in time shows it. */
export interface JobSighting {
  readonly job: DatasetRef;
  readonly producers: ReadonlyArray<string>;
  readonly jobFacets?: Facets;
  readonly runFacets?: Facets;
  /** When it was seen (ms; −Infinity when its events carry no usable time). */
  readonly time: number;
}

/** A run event as a sighting of its job. */
export const runSighting = (e: LineageRunEvent): JobSighting => ({
  job: e.job,
  producers: e.producer ? [e.producer] : [],
  ...(e.jobFacets && { jobFacets: e.jobFacets }),
  ...(e.runFacets && { runFacets: e.runFacets }),
  time: Date.parse(e.eventTime),
});

/**
 * A job the OpenLineage importer made from events it could not place in time (a `job` record of another tool than
 * dbt, its facets, run facets and producers kept in `extra`) as a sighting; undefined for a dbt manifest's job.
 */
export function staticSighting(d: JobDefinition): JobSighting | undefined {
  if (d.tool === 'dbt') return undefined;
  const producers = Array.isArray(d.extra?.producers) ? d.extra.producers.filter((p) => typeof p === 'string') : [];
  const jobFacets = object(d.extra?.facets);
  const runFacets = object(d.extra?.runFacets);
  return {
    job: d.job,
    producers,
    ...(jobFacets && { jobFacets }),
    ...(runFacets && { runFacets }),
    time: Date.parse(text(d.extra?.declaredAt) ?? '') || -Infinity,
  };
}

/** Whether a sighting came from the OpenLineage dbt integration (not from the app's own run_results import). */
export function isDbtIntegration(s: JobSighting): boolean {
  if (facet(s.runFacets, 'dbtRunResult')) return false;
  if (s.producers.some((p) => /integration\/dbt|openlineage-dbt/i.test(p))) return true;
  if (facet(s.runFacets, 'dbt_version') || facet(s.runFacets, 'dbt_run') || facet(s.jobFacets, 'dbt_node')) return true;
  if (text(facet(s.runFacets, 'processing_engine')?.name) === 'dbt') return true;
  return text(facet(s.jobFacets, 'jobType')?.integration)?.toUpperCase() === 'DBT';
}

/** The dbt invocation of run facets (`dbt_run.invocation_id`, or the run_results import's `dbtRunResult`). */
export function invocationOf(runFacets: Facets | undefined): string | undefined {
  return text(facet(runFacets, 'dbt_run')?.invocation_id) ?? text(facet(runFacets, 'dbtRunResult')?.invocationId);
}

/** The unique_id a `dbt_node` job facet names, when there is one. */
export function nodeFacetId(jobFacets: Facets | undefined): string | undefined {
  return text(facet(jobFacets, 'dbt_node')?.unique_id);
}

/** A manifest fact the importer kept in a job definition's `extra` (invocationId, generatedAt, adapterType, …). */
export const extraOf = (def: JobDefinition, key: string): string | undefined => text(def.extra?.[key]);

/** The job names the integration gives a manifest node, in either mode. */
export function integrationJobNames(def: JobDefinition): ReadonlyArray<string> {
  const id = def.job.name;
  const prefix = [extraOf(def, 'database'), extraOf(def, 'schema')].filter((p) => p !== undefined).join('.');
  if (prefix === '') return [id];
  if (def.jobType === 'model') {
    const base = `${prefix}.${id.replace(/^model\./, '')}`;
    return [id, base, `${base}.build.run`];
  }
  if (def.jobType === 'snapshot') {
    const base = `${prefix}.${id.replace(/^snapshot\./, '')}`;
    return [id, `${base}.snapshot`, `${base}.build.snapshot`];
  }
  return [id];
}

/** Why a job the integration reported joins no manifest node, from the shape of its name. */
export function unjoinedJobReason(name: string): string {
  if (/^dbt-run-/.test(name)) return 'the dbt invocation itself (the parent job of its nodes), not a manifest node';
  const sql = /^(.*)\.sql\.\d+$/.exec(name);
  if (sql) return `one SQL statement run for ${sql[1]} (a child job of that node's run), not a manifest node`;
  if (/\.(build\.)?test$/.test(name)) {
    return "the integration's test job of a model (its dataQualityAssertions), not a manifest node";
  }
  return 'no node of the imported manifests has this name: import the manifest.json of the project that ran it';
}

/** The dataset-namespace scheme the integration derives from each adapter type (processor.py `extract_namespace`). */
const SCHEMES: Readonly<Record<string, string>> = { sqlserver: 'mssql', athena: 'awsathena' };

/**
 * Whether a dataset namespace can belong to a manifest's adapter: the scheme before `://` (or the whole namespace,
 * `bigquery`) is the adapter's. Unknown adapter: any namespace (the match then rests on the name alone).
 */
export function namespaceFitsAdapter(namespace: string, adapter: string | undefined): boolean {
  if (adapter === undefined) return true;
  const scheme = namespace.includes('://') ? namespace.slice(0, namespace.indexOf('://')) : namespace;
  const want = SCHEMES[adapter.toLowerCase()] ?? adapter.toLowerCase();
  return scheme.toLowerCase() === want;
}
