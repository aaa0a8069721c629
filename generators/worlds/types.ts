/** The simulated world's objects, shared by the modules that build, simulate and write it. */
import type { FeatureSpec, ModelSpec } from './models.js';

export type Env = 'staging' | 'production';

export interface Person {
  readonly login: string;
  readonly name: string;
  readonly email: string;
  readonly zone: string;
}

export interface FieldSpec {
  readonly name: string;
  readonly type: string;
}

/** A dataset as the production lineage names it; `stagingName`/`stagingNamespace` name its staging copy. */
export interface Dataset {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly stagingNamespace: string;
  readonly stagingName: string;
  readonly fields: ReadonlyArray<FieldSpec>;
  /** Written by no job in the lineage (a raw source loaded by an external tool). */
  readonly external: boolean;
}

export type JobRole = 'ingest' | 'stg_customers' | 'stg_events' | 'stg_orders' | 'identity' | 'features';
export type Lang = 'sql' | 'python' | 'yaml';

export interface Job {
  readonly role: JobRole;
  readonly name: string;
  readonly namespace: string;
  readonly stagingNamespace: string;
  readonly inputs: ReadonlyArray<Dataset>;
  readonly output: Dataset;
  /** Where its code lives; absent for a managed connector with no code of the team's. */
  readonly repo?: RepoModel;
  readonly path?: string;
  readonly lang: Lang;
  /** The line of its code that computes what the decisions depend on, and a wrong edit of it. */
  readonly sensitive?: { readonly good: string; readonly bad: string };
  /** For a staging job: the line whose edit renames a field of its output. */
  readonly rename?: { readonly good: string; readonly bad: string; readonly field: string; readonly to: string };
  /** What its runs say about its code: commit and path, path only, or nothing. */
  tracking: 'version' | 'url-only' | 'none';
  readonly integration: 'DBT' | 'AIRFLOW' | 'SPARK' | 'FIVETRAN';
  /** Minutes after the schedule slot at which it starts. */
  readonly offsetMinutes: number;
  /** Other files whose deployed content changes what it computes (a tracking plan). */
  readonly watchPaths: ReadonlyArray<{ readonly repo: RepoModel; readonly path: string }>;
}

export interface CommitNode {
  readonly mark: number;
  readonly repo: RepoModel;
  readonly parents: ReadonlyArray<CommitNode>;
  readonly files: ReadonlyMap<string, string>;
  readonly changed: ReadonlyArray<string>;
  readonly message: string;
  readonly author: Person;
  readonly authorTime: number;
  readonly committer: Person;
  readonly commitTime: number;
  sha?: string;
}

export interface TagSpec {
  readonly name: string;
  readonly commit: CommitNode;
  readonly annotated?: { readonly tagger: Person; readonly time: number; readonly message: string };
}

export interface RepoModel {
  readonly name: string;
  readonly org: string;
  readonly defaultBranch: string;
  readonly remote: 'https' | 'ssh' | 'none';
  readonly commits: CommitNode[];
  /** Branch name → tip; the default branch included. */
  readonly heads: Map<string, CommitNode>;
  /** Branches deleted after their pull request merged (their commits stay reachable through the merge). */
  readonly deletedBranches: Set<string>;
  readonly pullRefs: Map<number, CommitNode>;
  readonly tags: TagSpec[];
  /** Paths held by a branch that will merge, so no other change lands on them meanwhile. */
  readonly locks: Map<string, string>;
  /** Production releases paused (after a rollback or an out-of-band deployment) until the fix. */
  frozen: boolean;
  nextPr: number;
  nextTag: [number, number, number];
  readonly tagReleases: boolean;
  /** Non-default branches written under refs/remotes/origin/ instead of refs/heads/. */
  readonly branchesAsRemote: boolean;
}

export type ReviewState = 'APPROVED' | 'COMMENTED' | 'CHANGES_REQUESTED';

export interface Review {
  readonly id: number;
  readonly user: Person;
  readonly state: ReviewState;
  readonly at: number;
  readonly commit: CommitNode;
  readonly body: string;
}

export interface PullRequest {
  readonly repo: RepoModel;
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly author: Person;
  readonly branch: string;
  readonly createdAt: number;
  readonly baseCommit: CommitNode;
  readonly commits: CommitNode[];
  readonly reviews: Review[];
  state: 'open' | 'closed';
  mergedAt?: number;
  closedAt?: number;
  mergeCommit?: CommitNode;
  mergedBy?: Person;
  readonly labels: string[];
}

export interface Deployment {
  readonly id: string;
  readonly time: number;
  readonly env: Env;
  readonly repo: RepoModel;
  readonly commit: CommitNode;
  /** Narrows the deployment to one job (`namespace:name`) or one path of the repository. */
  readonly component?: string;
  /** The paths a component deployment covers (all paths when absent). */
  readonly componentPaths?: ReadonlyArray<string>;
  readonly actor: string;
  readonly status: 'success' | 'failure';
  readonly pullRequest?: number;
  readonly kind: 'baseline' | 'auto' | 'release' | 'hotfix' | 'rollback' | 'manual' | 'fix' | 'retry';
}

export interface AuditEntry {
  readonly id: string;
  readonly time: number;
  readonly actor: string;
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string; readonly name?: string };
  readonly environment: Env;
  readonly channel: 'ui' | 'api' | 'cli';
  readonly before: unknown;
  readonly after: unknown;
}

/** A change outside code that alters what a job computes in production from `from` until `to`. */
export interface Overlay {
  readonly jobName: string;
  readonly from: number;
  to?: number;
  readonly subjects: 'all' | ReadonlySet<string>;
  /** The field the job's output loses (renamed or dropped) while the overlay is active. */
  readonly renames?: { readonly field: string; readonly to: string | null };
}

/** A line planted in a file: where deployed code contains it, the watching job computes wrong values. */
export interface BugMarker {
  readonly repo: RepoModel;
  readonly path: string;
  readonly line: string;
  readonly subjects: 'all' | ReadonlySet<string>;
  readonly renames?: { readonly field: string; readonly to: string | null };
}

export interface ModelChoice {
  readonly model: ModelSpec;
  readonly target: FeatureSpec;
  readonly others: ReadonlyArray<FeatureSpec>;
}
