/** The lineage card's shape: eight answers, each resting on evidence or stopped by a named gap. */
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

export interface VersionValue {
  /** The commit that last changed the transformation's code before the moment (full SHA). */
  readonly commit: string;
  /** The commit the run executed: the deployed commit that carried it (full SHA where the history knows it). */
  readonly deployedCommit?: string;
  readonly path: string;
  /** The repository (as the commit records it): the handle `git:show` takes. */
  readonly repository?: string;
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
