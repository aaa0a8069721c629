/**
 * Evidence records declared by configuration rather than observed: dbt jobs and datasets, tracking-plan items,
 * identity-resolution configs. Part of the EvidenceRecord union in records.ts.
 */
import type { ColumnInputField, ColumnLineageEntry, DatasetRef, Provenance, SchemaField } from './records';

/** A job defined by configuration rather than seen running: a dbt model, seed, snapshot or test. */
export interface JobDefinition {
  readonly kind: 'job';
  /** `dbt` : the node's unique_id (`model.jaffle_shop.customers`), shared with run_results. */
  readonly job: DatasetRef;
  /** The tool's node type: model, seed, snapshot, test, analysis, … */
  readonly jobType: string;
  readonly tool: string;
  /** The file in the project the job's code lives in (dbt `original_file_path`). */
  readonly codePath?: string;
  /** The checksum of that file as the tool recorded it (`sha256:…`). */
  readonly checksum?: string;
  /** The compiled SQL when the artifact has it, else the raw code. */
  readonly code?: { readonly language?: string; readonly text: string; readonly compiled: boolean };
  /** The ids of the nodes it depends on (dbt `depends_on.nodes`). */
  readonly dependsOn: ReadonlyArray<string>;
  readonly inputs: ReadonlyArray<DatasetRef>;
  readonly outputs: ReadonlyArray<DatasetRef>;
  readonly description?: string;
  /** Fields of the input record this type does not name (materialization, tags, tool version, …). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

/** A dataset as a configuration or catalog declares it: its name and columns. */
export interface DatasetDefinition {
  readonly kind: 'dataset';
  readonly dataset: DatasetRef;
  /** What declared it: `dbt-model`, `dbt-seed`, `dbt-snapshot`, `dbt-source`, `dbt-catalog`. */
  readonly origin: string;
  /** The tool's id of it (dbt unique_id), when it has one. */
  readonly uniqueId?: string;
  readonly fields: ReadonlyArray<SchemaField>;
  readonly description?: string;
  /** Column lineage into its fields as declared without a run (OpenLineage `columnLineage` of a static event). */
  readonly columnLineage?: ReadonlyArray<ColumnLineageEntry>;
  /** The input fields the whole dataset depends on, as declared without a run (`columnLineage.dataset`). */
  readonly datasetDependencies?: ReadonlyArray<ColumnInputField>;
  /** Fields of the input this type does not name (OpenLineage: its facets and the event each came from). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

/** One item of a tracking plan: the plan itself, an event, a property, a category, a custom type or a rule. */
export interface TrackingPlanItem {
  readonly kind: 'tracking-plan-item';
  /** `rudder-cli`, `segment` or `json-schema`. */
  readonly format: string;
  readonly itemType: 'tracking-plan' | 'event' | 'property' | 'category' | 'custom-type';
  readonly id: string;
  readonly name: string;
  /** The plan the item belongs to, when the file says. */
  readonly plan?: string;
  readonly version?: string;
  readonly description?: string;
  /** The item as written in the file. */
  readonly definition: unknown;
  readonly provenance: Provenance;
}

/** An identity-resolution configuration: a RudderStack Profiles id_stitcher model and what it stitches. */
export interface IdentityConfig {
  readonly kind: 'identity-config';
  readonly name: string;
  readonly modelType: string;
  readonly idTypes: ReadonlyArray<string>;
  /** The input tables/sources whose edges it reads (`edge_sources[].from`). */
  readonly edgeSources: ReadonlyArray<string>;
  readonly definition: unknown;
  readonly provenance: Provenance;
}
