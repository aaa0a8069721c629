/**
 * The normalized evidence records every importer produces and every analysis reads.
 * Names follow FORMATS.md and OpenLineage: datasets and jobs are `namespace:name`,
 * fields `namespace:name#field`, commits by full SHA.
 */

import type { ColumnInputField } from './column-lineage';
import type { DatasetDefinition, IdentityConfig, JobDefinition, TrackingPlanItem } from './config-records';

export type { ColumnInputField, ColumnTransformation } from './column-lineage';
export type { DatasetDefinition, IdentityConfig, JobDefinition, TrackingPlanItem } from './config-records';

/** Where a record came from: the source file (by id = its SHA-256) and the line or JSON pointer. */
export interface Provenance {
  readonly sourceId: string;
  /** 1-based line number for line-oriented inputs (NDJSON, JSONL, git log). */
  readonly line?: number;
  /** RFC 6901 JSON pointer for records inside one JSON document. */
  readonly pointer?: string;
}

export interface DatasetRef {
  readonly namespace: string;
  readonly name: string;
}

/** One field of a dataset's schema facet. */
export interface SchemaField {
  readonly name: string;
  readonly type?: string;
  readonly description?: string;
}

/** Column lineage of one output field: the input fields it was computed from (column-lineage.ts). */
export interface ColumnLineageEntry {
  readonly field: string;
  readonly inputFields: ReadonlyArray<ColumnInputField>;
  /** The facet's description, else its type, else the input fields' transformations (`DIRECT/IDENTITY; …`). */
  readonly transformationDescription?: string;
  /** The field's own `transformationType` (facet 1-0-0, deprecated since: IDENTITY, MASKED). */
  readonly transformationType?: string;
}

export interface RunDataset extends DatasetRef {
  /** OpenLineage `version` facet's `datasetVersion`, when present. */
  readonly version?: string;
  readonly fields?: ReadonlyArray<SchemaField>;
  readonly columnLineage?: ReadonlyArray<ColumnLineageEntry>;
  /** The input fields the whole dataset depends on (`columnLineage.dataset`: filters, joins, sorts, groupings). */
  readonly datasetDependencies?: ReadonlyArray<ColumnInputField>;
  /** Every facet as received (input/output facets merged), unknown ones kept. */
  readonly facets?: Readonly<Record<string, unknown>>;
}

export interface SourceCodeLocation {
  readonly type?: string;
  readonly url?: string;
  readonly repoUrl?: string;
  readonly path?: string;
  /** The commit (or version) the run executed. */
  readonly version?: string;
  readonly tag?: string;
  readonly branch?: string;
  /** The pull (or merge) request of the CI run that ran the code (`pullRequestNumber`, OpenLineage 1.46+). */
  readonly pullRequestNumber?: number;
}

/** One OpenLineage RunEvent (START, RUNNING, COMPLETE, ABORT, FAIL, OTHER). */
export interface LineageRunEvent {
  readonly kind: 'lineage-run';
  readonly eventType: string;
  readonly eventTime: string;
  readonly runId: string;
  readonly job: DatasetRef;
  readonly inputs: ReadonlyArray<RunDataset>;
  readonly outputs: ReadonlyArray<RunDataset>;
  readonly sourceCodeLocation?: SourceCodeLocation;
  /** SQL text or source code the job ran, when the event carries it. */
  readonly code?: { readonly language?: string; readonly text: string };
  readonly producer?: string;
  readonly jobFacets?: Readonly<Record<string, unknown>>;
  readonly runFacets?: Readonly<Record<string, unknown>>;
  /**
   * `runId` is a template placeholder (the dbt integration's `{{ any(result) }}`), not an id: the run is told apart
   * by its job, and no dataset version is named by it.
   */
  readonly placeholderRunId?: true;
  readonly provenance: Provenance;
}

export interface ChangedPath {
  /** git name-status letter: A, M, D, R, C, T. */
  readonly status: string;
  readonly path: string;
  readonly previousPath?: string;
}

export interface Trailer {
  readonly key: string;
  readonly value: string;
}

export interface Commit {
  readonly kind: 'commit';
  /** The repository this commit belongs to (its name or URL as the importer saw it). */
  readonly repository: string;
  readonly sha: string;
  readonly parents: ReadonlyArray<string>;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorDate: string;
  /** The author's time-zone offset as git records it (`+0530`, `-0800`); absent where the history did not say. */
  readonly authorTimezone?: string;
  readonly committerName: string;
  readonly committerEmail: string;
  readonly committerDate: string;
  /** The committer's time-zone offset as git records it (`+0530`). */
  readonly committerTimezone?: string;
  readonly subject: string;
  readonly body: string;
  readonly trailers: ReadonlyArray<Trailer>;
  readonly changedPaths: ReadonlyArray<ChangedPath>;
  /** The pull request a merge commit names ("Merge pull request #N …"). */
  readonly pullRequest?: number;
  /**
   * The refs pointing at this commit when the history was read, full names sorted (`refs/heads/main`,
   * `refs/tags/v1`, `refs/pull/7/head`, `refs/remotes/origin/HEAD`; `HEAD -> refs/heads/main` where HEAD is on that
   * branch, `HEAD` where it is detached here). Absent where none does.
   */
  readonly refs?: ReadonlyArray<string>;
  readonly provenance: Provenance;
}

export interface Review {
  readonly user: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED. */
  readonly state: string;
  readonly submittedAt?: string;
  readonly commitId?: string;
}

export interface PullRequest {
  readonly kind: 'pull-request';
  readonly repository?: string;
  readonly number: number;
  readonly title: string;
  readonly author: string;
  readonly createdAt?: string;
  readonly mergedAt?: string;
  readonly mergeCommitSha?: string;
  readonly headSha?: string;
  readonly baseRef?: string;
  readonly reviews: ReadonlyArray<Review>;
  readonly provenance: Provenance;
}

export interface Deployment {
  readonly kind: 'deployment';
  readonly id: string;
  readonly timestamp: string;
  readonly environment: string;
  readonly repository?: string;
  readonly commit: string;
  readonly component?: string;
  readonly actor?: string;
  readonly status?: string;
  readonly pullRequest?: number;
  /** Fields of the input record this type does not name, kept as received (FORMATS.md: unknown fields are kept). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

export interface AuditEntry {
  readonly kind: 'audit';
  readonly id: string;
  readonly timestamp: string;
  readonly actor: string;
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly name?: string };
  readonly environment?: string;
  /** ui, api or cli. */
  readonly channel?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Fields of the input record this type does not name, kept as received (FORMATS.md: unknown fields are kept). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

export interface EnforcementEntry {
  readonly kind: 'enforcement';
  readonly id: string;
  readonly timestamp: string;
  readonly eventId?: string;
  readonly source?: string;
  readonly rule: string;
  readonly ruleVersion?: string;
  /** passed, flagged, dropped or routed. */
  readonly outcome: string;
  readonly violations: ReadonlyArray<unknown>;
  readonly environment?: string;
  /** Fields of the input record this type does not name, kept as received (FORMATS.md: unknown fields are kept). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

export interface DecisionFeature {
  readonly name: string;
  readonly value?: unknown;
  readonly dataset?: DatasetRef;
  readonly field?: string;
  readonly datasetVersion?: string;
  readonly featureVersion?: string;
  /** Fields of the input record this type does not name, kept as received (FORMATS.md: unknown fields are kept). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface Decision {
  readonly kind: 'decision';
  readonly decisionId: string;
  readonly timestamp: string;
  readonly subjectId?: string;
  readonly model: { readonly name: string; readonly version?: string };
  readonly environment?: string;
  readonly output?: unknown;
  readonly action?: string;
  readonly features: ReadonlyArray<DecisionFeature>;
  /** Fields of the input record this type does not name, kept as received (FORMATS.md: unknown fields are kept). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

/**
 * One edge of an identity graph, the output of identity resolution: an id joined to a profile from a time on.
 * RudderStack Profiles' id graph (`main_id`/`user_main_id`, `other_id`, `other_id_type`, `valid_at`), Segment Profiles
 * Sync's `id_graph_updates` (`segment_id` → `canonical_segment_id` at `timestamp`) and `external_id_mapping_updates`
 * (`external_id_value` of `external_id_type` → `segment_id`). A profile can itself be a member of another profile
 * (a merge): an id's profile at a time is the end of the chain of links valid then.
 */
export interface IdentityLink {
  readonly kind: 'identity-link';
  /** The profile (canonical id) the member belongs to. */
  readonly profile: string;
  /** The id joined to it: an external id (user id, email, anonymous id) or another profile merged into it. */
  readonly member: string;
  /** The member's id type (`other_id_type`, `external_id_type`; `profile` for a merged profile). */
  readonly memberType?: string;
  /** When the link was made (`valid_at`, `timestamp`). */
  readonly validFrom: string;
  /** When it was undone (a rebuilt graph's `valid_to`, an unmerge), if it was. */
  readonly validTo?: string;
  /** The graph's table or file name, where the input names it. */
  readonly graph?: string;
  /** Fields of the input record this type does not name, kept as received (FORMATS.md: unknown fields are kept). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly provenance: Provenance;
}

export type EvidenceRecord =
  | LineageRunEvent
  | Commit
  | PullRequest
  | Deployment
  | AuditEntry
  | EnforcementEntry
  | Decision
  | JobDefinition
  | DatasetDefinition
  | TrackingPlanItem
  | IdentityConfig
  | IdentityLink;

export type RecordKind = EvidenceRecord['kind'];

/** A rejected input record: which file, which line or pointer, and why. */
export interface Rejection {
  readonly sourceName: string;
  readonly line?: number;
  readonly pointer?: string;
  readonly reason: string;
}

/** A readable record that bends the standard (imported, but reported). */
export interface ImportWarning {
  readonly sourceName: string;
  readonly line?: number;
  readonly pointer?: string;
  readonly message: string;
}

/** Rejections or warnings of one kind of message: one message × N records, with the first few for their places. */
export interface IssueGroup<T> {
  /** The first message of the group, as it was written. */
  readonly message: string;
  readonly count: number;
  /** True when every message of the group is the same text (else they differ in numbers, ids or quoted values). */
  readonly identical: boolean;
  /** The group's first few members, for their places. */
  readonly first: ReadonlyArray<T>;
}

/** What one importer made of one input. */
export interface ImportResult {
  readonly importer: string;
  readonly importerVersion: string;
  /** The detected kind of input, e.g. "openlineage", "decision-log". */
  readonly detected: string;
  readonly records: ReadonlyArray<EvidenceRecord>;
  readonly rejections: ReadonlyArray<Rejection>;
  readonly warnings: ReadonlyArray<ImportWarning>;
  /** Records by kind, when the importer counted them (the streaming importers do). */
  readonly counts?: Readonly<Record<string, number>>;
  /** All rejections, when more were found than `rejections` lists. */
  readonly rejectedCount?: number;
  /** All warnings, when more were found than `warnings` lists. */
  readonly warningCount?: number;
  /** Every rejection grouped by message: one message × N records with where the first are (issue-groups.ts). */
  readonly rejectionGroups?: ReadonlyArray<IssueGroup<Rejection>>;
  /** Every warning grouped by message: one message × N records with where the first are. */
  readonly warningGroups?: ReadonlyArray<IssueGroup<ImportWarning>>;
}

/** An imported input file (or repository) as the store keeps it. */
export interface SourceInfo {
  /** The SHA-256 of the file's bytes (for a repository: of its git bundle or HEAD listing). */
  readonly id: string;
  readonly name: string;
  readonly detected: string;
  readonly size: number;
  readonly sha256: string;
  readonly importer: string;
  readonly importerVersion: string;
  readonly importedAt: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly rejected: number;
  readonly warnings: number;
}
