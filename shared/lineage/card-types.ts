/** The lineage card's shape: eight answers, each resting on evidence or stopped by a named gap. */
import type { RunningSource } from '../analysis/running-code';
import type { TraceNode, TraceResult } from '../analysis/types';
import type { Provenance } from '../model/records';

/** The five classic gaps of lineage evidence, and a record that is simply not in the evidence. */
export type GapKind =
  | 'ui-only-change'
  | 'untracked-transformation'
  | 'manual-identity-override'
  | 'environment-parity'
  | 'serving-layer-opacity'
  | 'missing-record';

export interface Gap {
  readonly gap: GapKind;
  readonly explanation: string;
}

/** An answer with the records it rests on. */
export interface Answered<T> {
  readonly value: T;
  /** The answer in one sentence, with ids. */
  readonly text: string;
  readonly evidence: ReadonlyArray<Provenance>;
}

export type CardAnswer<T> = Answered<T> | Gap;

export const isGap = <T>(a: CardAnswer<T>): a is Gap => 'gap' in a;

export interface SourceEventValue {
  /** The source dataset the events arrive in (`namespace:name`). */
  readonly dataset: string;
  /** The tracking plan that defines them: the job that applies it, its file and the commit active then. */
  readonly trackingPlan?: { readonly job: string; readonly path: string; readonly commit?: string };
}

export interface TransformationValue {
  readonly job: string;
  readonly runId: string;
  readonly codePath?: string;
  readonly repositoryUrl?: string;
}

/** How the card knew the transformation's code path. */
export type CodePathSource =
  /** The run named it (`sourceCodeLocation`, or a dbt manifest's `original_file_path`). */
  | { readonly from: 'run' }
  /**
   * The run names no code location: the path is the one file the commits of the deployments naming the job as
   * their `component` changed (their ids here). The run's own gap stays listed among the card's gaps.
   */
  | { readonly from: 'deployment'; readonly deployments: ReadonlyArray<string> };

/**
 * A change to the transformation made outside Git — a UI or API edit that changed what it computes — after the
 * code version took effect and before the moment, which no later deployment replaced: what ran was the commit as
 * edited, and the edit is in no commit.
 */
export interface UntrackedEdit {
  /** The audit-log entry's id. */
  readonly auditId: string;
  readonly timestamp: string;
  readonly actor: string;
  readonly channel: string;
  /** The object it changed, as the entry names it (`target.id`). */
  readonly target: string;
}

export interface VersionValue {
  /** The job version: the commit that last changed the transformation's code in the deployed commit's history. */
  readonly commit: string;
  /** The commit the environment ran: deployed there last, else the one the run names, else the default branch's head. */
  readonly deployedCommit: string;
  /** Where `deployedCommit` came from. */
  readonly deployedBy: RunningSource;
  /** The deployment that put `deployedCommit` in the environment, when `deployedBy` is `deployment`. */
  readonly deployment?: string;
  readonly path: string;
  readonly pathSource: CodePathSource;
  /** The repository (as the commit records it): the handle `git:show` takes. */
  readonly repository?: string;
  /** Edits outside Git still in force at the moment (each also one of the card's gaps); empty when none. */
  readonly untrackedEdits: ReadonlyArray<UntrackedEdit>;
}

export interface ApprovalValue {
  readonly pullRequest?: number;
  readonly author?: string;
  /** Approving reviewers other than the author; empty when there were none. */
  readonly approvers: ReadonlyArray<string>;
}

export interface DeploymentValue {
  readonly deployment: string;
  readonly timestamp: string;
  readonly environment: string;
  readonly commit: string;
}

export interface CardAnswers {
  readonly origin: CardAnswer<ReadonlyArray<string>>;
  readonly sourceEvent: CardAnswer<ReadonlyArray<SourceEventValue>>;
  readonly transformation: CardAnswer<TransformationValue>;
  readonly versionAtInference: CardAnswer<VersionValue>;
  readonly approvedBy: CardAnswer<ApprovalValue>;
  readonly deployedAt: CardAnswer<DeploymentValue>;
  readonly environment: CardAnswer<string>;
  readonly environmentMatchesApproval: CardAnswer<boolean>;
}

export interface LineageCard {
  readonly decisionId: string;
  readonly feature: string;
  /** The moment the card describes (the decision's time unless asked otherwise). */
  readonly asOf: string;
  readonly trace: TraceResult;
  /** The primary path, decision first: back through the feature, dataset versions and jobs to the furthest origin. */
  readonly path: ReadonlyArray<TraceNode>;
  readonly answers: CardAnswers;
  /** Every gap found: those that stop an answer, and those seen elsewhere in the closure. */
  readonly gaps: ReadonlyArray<Gap>;
}
