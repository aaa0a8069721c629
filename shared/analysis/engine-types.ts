/**
 * The investigation engine's own result types (scope detail, onset, suspects, governance rules, remediation and
 * replay). Pure data, beside `types.ts` whose shapes the renderer's steps read.
 */
import type { Decision, Provenance } from '../model/records';
import type { Recovery } from './blast-radius';
import type { Consistency } from './consistency';
import type { CommitReach } from './git-refs';
import type { Change, ChangeKind, GovernanceFinding, HistogramBin, RemediationPlan } from './types';

export interface Counted {
  readonly key: string;
  readonly count: number;
}

/** The decisions that consumed the suspect version(s), and those that did not. */
export interface ImpactScope {
  readonly featureName: string;
  readonly versionKind: 'feature_version' | 'dataset_version' | 'none';
  readonly versions: ReadonlyArray<string>;
  /**
   * `blast-radius`: the decisions that read data written by a state including the top cause, until a later change
   * removed it (blast-radius.ts); `version`: those on the suspect version(s), where there is no cause to follow.
   */
  readonly method: 'blast-radius' | 'version';
  /** When the cause reached the data (blast radius only). */
  readonly from?: string;
  /** The change after which the data was good again; absent while the blast radius is still ongoing. */
  readonly recovery?: Recovery;
  readonly notes?: ReadonlyArray<string>;
  /**
   * Every decision (and subject) that read the data the cause reached, to recovery — more than `affected` where the
   * cause was limited to some subjects (blast radius only).
   */
  readonly upperBound?: { readonly decisions: number; readonly subjects: number };
  /** The affected decisions (and their subjects) up to and including the investigated one. */
  readonly throughDecision: { readonly decisions: number; readonly subjects: number };
  /** Affected decisions to recovery (or to the end of the log). */
  readonly affected: number;
  readonly notAffected: number;
  readonly subjects: number;
  readonly first?: string;
  readonly last?: string;
  readonly byHour: ReadonlyArray<HistogramBin>;
  readonly byDay: ReadonlyArray<HistogramBin>;
  readonly byModelVersion: ReadonlyArray<Counted>;
  readonly byAction: ReadonlyArray<Counted>;
  /** The affected decisions, in time order. */
  readonly decisions: ReadonlyArray<Decision>;
  readonly subjectIds: ReadonlyArray<string>;
  readonly notification: { readonly threshold: number; readonly notify: boolean; readonly text: string };
}

/** One bin of the outcome series: the decisions on one feature version (or one day) and how many had the outcome. */
export interface OutcomeBin {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly decisions: number;
  readonly outcomes: number;
  readonly rate: number;
}

/** A decision named in a result: its id, time and (where known) its model's name, two models' ids being alike. */
export type DecisionRef = Pick<Decision, 'decisionId' | 'timestamp'> & { readonly model?: string };

/** When the wrong decisions began, estimated from the outcome rates (or set by the investigator). */
export interface OnsetEstimate {
  readonly featureName: string;
  /** The outcome counted: the investigated decision's action (else its output label). */
  readonly outcome: string;
  readonly method: 'change-point' | 'override' | 'first-use';
  /**
   * What a bin is: a feature version; a dataset version the decision log names (one write); a run of the producing
   * job (the dataset version active at each decision's time, where the log names none); a calendar day.
   */
  readonly seriesBy: 'feature_version' | 'dataset_version' | 'run' | 'day';
  readonly series: ReadonlyArray<OutcomeBin>;
  /** The first bin after the shift (a feature version, or a day). */
  readonly key?: string;
  /** The onset: the first decision of that bin. */
  readonly onset: string;
  readonly firstBad?: DecisionRef;
  /** The last decision before the onset on a bin before the shift. */
  readonly lastGood?: DecisionRef;
  readonly rateBefore?: number;
  readonly rateAfter?: number;
  /** The likelihood-ratio statistic of the split (χ², 1 degree of freedom). */
  readonly statistic?: number;
  readonly note: string;
}

export type SuspectKind = ChangeKind | 'schema';

/** A ranked change; like `Change`, and schema changes between dataset versions too. */
export interface Suspect extends Omit<Change, 'kind'> {
  readonly kind: SuspectKind;
  /** The time the timing term used: the first deployment to the decision's environment, else the change's time. */
  readonly effectiveTime: string;
  /** For a schema change: what changed between the two versions. */
  readonly schemaDiff?: ReadonlyArray<string>;
  /** Whether the change can have started the wrong decisions (consistency.ts); suspects are ordered by it first. */
  readonly consistency: Consistency;
  /** For a commit: how the repository's refs reached it (an unmerged branch's commit is a candidate only). */
  readonly reach?: CommitReach;
  /** For a schema change attributed to the change that caused it: that change's id. */
  readonly causedBy?: string;
  /**
   * Known to compute nothing different (a commit that changed only comments, an edit of descriptive metadata only):
   * it cannot have shifted the outcome, so it comes after every change of the same consistency that could have.
   */
  readonly inert?: string;
  /**
   * Direct evidence that it changed the data of this decision's subject (an entry naming the subject, the identity
   * graph merging the subject's profile after it): among changes of the same consistency it comes before those the
   * population's rates alone point at.
   */
  readonly reachedSubject?: string;
  /** Only possibly a change of what it touches (a deployment of code no traced job is known to run): it does not
   * explain a schema change as its cause. */
  readonly possible?: boolean;
}

export interface SuspectsResult {
  readonly onset: OnsetEstimate;
  readonly window: { readonly from: string; readonly to: string };
  readonly suspects: ReadonlyArray<Suspect>;
  readonly gaps: ReadonlyArray<string>;
}

/** Changed lines (added and removed) of a commit's diff of one path, or undefined where unavailable. */
export type DiffOf = (commit: string, path: string) => string | undefined;

export type GovernanceRule =
  | 'approval'
  | 'self-approval'
  | 'stale-approval'
  | 'approval-after-merge'
  | 'deployment-contains-merge'
  | 'deployment-ships-unapproved'
  | 'staging-before-production'
  | 'parity'
  | 'enforcement'
  | 'unauthorized'
  | 'evidence';

export interface RuleFinding extends GovernanceFinding {
  readonly rule: GovernanceRule;
  /** Every evidence record behind the finding (the first is `evidence`). */
  readonly records?: ReadonlyArray<Provenance>;
}

/** Which version each environment ran at a moment, and which config keys differed. */
export interface ParityReport {
  readonly asOf: string;
  readonly jobId?: string;
  readonly environments: ReadonlyArray<{
    readonly environment: string;
    readonly deploymentId?: string;
    readonly commit?: string;
    readonly evidence?: Provenance;
  }>;
  readonly matches: boolean;
  readonly differingKeys: ReadonlyArray<string>;
}

export interface LastKnownGood {
  readonly changeId: string;
  /** The version before the cause: a commit, a feature version, or the configuration's prior state. */
  readonly version?: string;
  readonly featureVersion?: string;
  readonly decisions?: number;
  readonly rate?: number;
  readonly rateAfter?: number;
  readonly text: string;
}

export interface RollbackPlan extends RemediationPlan {
  /** Median merge→production time of past changes, in hours, and over how many changes. */
  readonly medianHoursToProduction?: number;
  readonly basedOnChanges: number;
  readonly estimate: string;
}

export interface ReplayHazard {
  readonly dataset: string;
  readonly lastWrite: string;
  readonly writes: number;
  readonly text: string;
}

export interface ReplayPlan {
  readonly window: { readonly from: string; readonly to: string };
  /** The source datasets of the trace whose events are replayed. */
  readonly sources: ReadonlyArray<string>;
  /** The jobs to re-run, upstream first, from the changed job down to the feature's dataset. */
  readonly jobs: ReadonlyArray<string>;
  /** Source reads in the window, in their original order (capped; `runCount` is the total). */
  readonly runs: ReadonlyArray<{ readonly job: string; readonly runId: string; readonly time: string }>;
  readonly runCount: number;
  readonly order: string;
  readonly hazards: ReadonlyArray<ReplayHazard>;
}
