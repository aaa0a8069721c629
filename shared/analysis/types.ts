/**
 * What the seven steps compute. Pure data: the renderer draws it, the CLI prints it,
 * the report renders it.
 */
import type { Decision, Provenance } from '../model/records';

export type TraceNodeKind = 'decision' | 'model' | 'feature' | 'dataset' | 'field' | 'job' | 'source';

export interface TraceNode {
  /** `decision:<id>`, `feature:<name>`, `namespace:name` (dataset or job), `namespace:name#field`. */
  readonly id: string;
  readonly kind: TraceNodeKind;
  readonly label: string;
  /** The version active at the decision's time (dataset version, job code commit, feature version). */
  readonly version?: string;
  /** When that version came to be (the run's event time, the decision's time). */
  readonly time?: string;
  /** Steps upstream from the decision (decision = 0). */
  readonly depth: number;
  readonly evidence?: Provenance;
  /** Small key → value facts shown in the side panel (run id, code path, repository...). */
  readonly details: Readonly<Record<string, string>>;
  /** The validity interval of that version: from when it was written or ran until the next one (absent = open). */
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Every version of this node in the upstream closure (paths may reach it at different versions), first = `version`. */
  readonly versions?: ReadonlyArray<string>;
  /** For a job: what its code path holds (transformation code, a tracking plan, an identity-resolution config). */
  readonly configKind?: 'code' | 'tracking-plan' | 'identity-config';
}

export interface TraceEdge {
  readonly id: string;
  /** Upstream node id. */
  readonly source: string;
  /** Downstream node id. */
  readonly target: string;
  readonly kind: 'input-of' | 'produced' | 'read' | 'column' | 'field-of';
  readonly evidence?: Provenance;
  /** The upstream version this edge read, when the evidence records it. */
  readonly sourceVersion?: string;
  /** The validity interval of the edge (that of the dataset version it leads into). */
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface TraceResult {
  readonly decisionId: string;
  /** The decision's model (two models' logs may number decisions alike). */
  readonly model?: string;
  readonly featureName: string;
  /** The decision's time: the moment the lineage is reconstructed as of. */
  readonly asOf: string;
  readonly nodes: ReadonlyArray<TraceNode>;
  readonly edges: ReadonlyArray<TraceEdge>;
  /** Jobs upstream, with where their code lives (for Changes). */
  readonly jobs: ReadonlyArray<TracedJob>;
  /** Why the trace is incomplete, where it is (e.g. no run wrote the dataset version). */
  readonly gaps: ReadonlyArray<string>;
  /** Column-level edges along the traced fields (`namespace:name#field` → `namespace:name#field`). */
  readonly columns?: ReadonlyArray<TraceEdge>;
  /** Every path from the decision up to an origin, as node ids (decision first); capped, see `pathsTruncated`. */
  readonly paths?: ReadonlyArray<ReadonlyArray<string>>;
  readonly pathsTruncated?: boolean;
  /** True when the evidence is incomplete somewhere in the closure (see `gaps`). */
  readonly incomplete?: boolean;
}

export interface TracedJob {
  /** `namespace:name`. */
  readonly id: string;
  readonly depth: number;
  readonly runId: string;
  readonly runTime: string;
  readonly repositoryUrl?: string;
  readonly codePath?: string;
  /** The commit the run executed (sourceCodeLocation.version). */
  readonly codeVersion?: string;
  /** Output fields of the traced path this job wrote (column lineage), where known. */
  readonly fields: ReadonlyArray<string>;
}

export interface HistogramBin {
  readonly start: string;
  readonly count: number;
}

export interface ScopeResult {
  readonly featureName: string;
  /**
   * What "the same version" means here: the feature version, else the dataset version; `none` where the decision log
   * records neither (then only the decision itself is on "its version").
   */
  readonly versionKind: 'feature_version' | 'dataset_version' | 'none';
  /** The decision's own version (the last of the suspect versions). */
  readonly version?: string;
  /** How many suspect versions were counted (from the onset's to the decision's own); 1 where absent. */
  readonly versions?: number;
  /**
   * How the decisions were found: `blast-radius`, those that read data the top cause reached (from `from` until
   * `recovery`), whatever version they name; `version` (where absent), those on the suspect version(s).
   */
  readonly method?: 'blast-radius' | 'version';
  readonly from?: string;
  readonly recovery?: { readonly time: string; readonly changeId: string };
  readonly decisions: number;
  readonly subjects: number;
  readonly first?: string;
  readonly last?: string;
  readonly bucket: 'hour' | 'day';
  readonly histogram: ReadonlyArray<HistogramBin>;
  /** The ids of the affected decisions, in time order. */
  readonly decisionIds: ReadonlyArray<string>;
}

export type ChangeKind = 'commit' | 'audit' | 'deployment';

export interface ScoreTerm {
  readonly term: string;
  readonly value: number;
  readonly note: string;
}

export interface Change {
  /** Full commit SHA, audit entry id or deployment id (FORMATS.md). */
  readonly id: string;
  readonly kind: ChangeKind;
  readonly timestamp: string;
  readonly actor: string;
  readonly summary: string;
  /** Trace node ids this change touched. */
  readonly touches: ReadonlyArray<string>;
  /** Repository paths it changed that lie behind traced nodes. */
  readonly paths: ReadonlyArray<string>;
  readonly score: number;
  readonly reasons: ReadonlyArray<ScoreTerm>;
  readonly evidence: Provenance;
  /** For a commit: the repository it belongs to (the handle `git:show` takes). */
  readonly repository?: string;
}

export interface ChangesResult {
  /** The first decision that used the suspect version (the onset). */
  readonly firstWrong?: Pick<Decision, 'decisionId' | 'timestamp'>;
  readonly window: { readonly from: string; readonly to: string };
  /** Ranked, highest score first. */
  readonly changes: ReadonlyArray<Change>;
  /** What could not be searched (a job without a code location, no Git history imported...). */
  readonly gaps: ReadonlyArray<string>;
}

export interface GovernanceFinding {
  readonly ok: boolean;
  /** The control's verdict from this finding (see `controlVerdict`); the engine gives every finding one. */
  readonly control?: 'pass' | 'fail' | 'not-applicable' | 'unknown';
  readonly text: string;
  readonly evidence?: Provenance;
}

export interface GovernanceRow {
  readonly changeId: string;
  readonly pullRequest?: number;
  readonly approved: boolean;
  readonly approvers: ReadonlyArray<string>;
  readonly deployments: ReadonlyArray<{
    readonly id: string;
    readonly environment: string;
    readonly timestamp: string;
  }>;
  readonly verdict: 'compliant' | 'violation' | 'insufficient-evidence';
  readonly findings: ReadonlyArray<GovernanceFinding>;
}

export interface RemediationPlan {
  readonly changeId: string;
  readonly jobId?: string;
  readonly path?: string;
  readonly repository?: string;
  /** The commit that last changed the path before the suspect: the last known-good version. */
  readonly previousCommit?: string;
  readonly previousCommitDate?: string;
  readonly suspectCommit?: string;
  /** What to do, in words: `git revert <sha>`, redeploying an earlier deployment, or the configuration's prior state. */
  readonly rollback: string;
  /** The last known-good deployment to redeploy to the environment (from the deployment history), where there is one. */
  readonly redeploy?: {
    readonly deployment: string;
    readonly commit: string;
    readonly environment: string;
    readonly evidence: Provenance;
  };
}
