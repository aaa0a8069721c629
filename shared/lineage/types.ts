/**
 * The temporal lineage model: every node version and every edge carries its validity interval `[from, to)`
 * (milliseconds since the epoch; `to` is Infinity while nothing has replaced it) and the evidence record
 * (source file, line) that established it. "As of T" picks, per node, the version whose interval holds T.
 */
import type { MergedRun } from '../analysis/run-index';
import type { Commit, Provenance, SchemaField } from '../model/records';

/** A validity interval `[from, to)` in ms. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

export type LineageNodeKind =
  'source-event' | 'tracking-plan' | 'identity-config' | 'dataset' | 'field' | 'job' | 'feature' | 'model' | 'decision';

/** A lineage edge valid over an interval: table level (`input-of`, `produced`) or column level (`column`). */
export interface LineageEdge extends Interval {
  /** Upstream node id (`namespace:name`, or `namespace:name#field` for a column edge). */
  readonly source: string;
  /** Downstream node id. */
  readonly target: string;
  readonly kind: 'input-of' | 'produced' | 'column';
  /** The version of the upstream dataset the run read, when its input carried the version facet. */
  readonly sourceVersion?: string;
  /** The run that established the edge. */
  readonly runId: string;
  readonly evidence: Provenance;
}

/** How a job version is identified: the commit it ran, a hash of the code text it ran, or a dbt checksum. */
export type CodeIdentity = 'commit' | 'code-hash' | 'checksum' | 'none';

/** What a job's code path holds: transformation code, a tracking plan, or an identity-resolution config. */
export type ConfigKind = 'code' | 'tracking-plan' | 'identity-config';

/** One version of a job: consecutive runs that executed the same code. */
export interface JobVersion extends Interval {
  readonly jobId: string;
  /** The commit SHA (as the run named it), `fnv:<hex>` of the code text, `checksum:<…>`, or `unversioned`. */
  readonly version: string;
  readonly identity: CodeIdentity;
  readonly codePath?: string;
  readonly repositoryUrl?: string;
  readonly commit?: string;
  /** The pull request the run's CI named (`sourceCodeLocation.pullRequestNumber`), when it named one. */
  readonly pullRequest?: number;
  readonly configKind: ConfigKind;
  /** How many runs executed this version. */
  readonly runCount: number;
  /** The first run of this version. */
  readonly evidence: Provenance;
  /** The dbt manifest node that declares this version's checksum and code path, when one does. */
  readonly declaredBy?: Provenance;
  /** Declared by static OpenLineage events (declared-lineage.ts), not executed by any run in the evidence. */
  readonly declared?: true;
}

/** One version of a dataset: what one run wrote. Its upstream edges hold over its own interval. */
export interface DatasetVersion extends Interval {
  readonly datasetId: string;
  /** The OpenLineage `version` facet's datasetVersion, else the id of the run that wrote it. */
  readonly version: string;
  readonly run: MergedRun;
  readonly jobVersion: JobVersion;
  readonly fields: ReadonlyArray<SchemaField>;
  /** Table-level edges: each input dataset → the job, then the job → this dataset. */
  readonly inputs: ReadonlyArray<LineageEdge>;
  /** Column-level edges into this version's fields. */
  readonly columns: ReadonlyArray<LineageEdge>;
  readonly evidence: Provenance;
  /**
   * Declared by a static OpenLineage job (no run wrote it): valid from −∞ until the first version a run wrote;
   * `run` is then the job's declaration (state `DECLARED`, no time), not a run.
   */
  readonly declared?: true;
}

/** A version of a tracking plan or identity config: a Git commit that changed its file. */
export interface ConfigVersion extends Interval {
  readonly path: string;
  readonly kind: ConfigKind;
  readonly commit: Commit;
  readonly evidence: Provenance;
}

/** A feature version as decisions recorded it, valid from the first decision that used it. */
export interface FeatureVersion extends Interval {
  readonly feature: string;
  readonly version: string;
  /** `namespace:name#field` the feature is read from, when the decision log names it. */
  readonly field?: string;
  readonly decisions: number;
  readonly evidence: Provenance;
}

/** A query window `[from, to]` in ms. */
export interface Window {
  readonly from: number;
  readonly to: number;
}
