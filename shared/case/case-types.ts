/**
 * An investigation case: the decisions under investigation, the state of the seven steps, the reviewers'
 * annotations, pinned evidence, the root-cause statement and the preventive actions. Every change to a case is
 * also an entry of its hash-chained activity log (`activity-log.ts`).
 */
import type { Provenance } from '../model/records';

/** The seven steps, in the workflow's order. */
export const CASE_STEPS = ['identify', 'scope', 'trace', 'changes', 'governance', 'remediate', 'document'] as const;
export type CaseStepName = (typeof CASE_STEPS)[number];

export type CaseSeverity = 'low' | 'medium' | 'high' | 'critical';
export type CaseStatus = 'open' | 'root-cause-confirmed' | 'remediating' | 'closed';

export interface CaseStepState {
  readonly step: CaseStepName;
  /** When the step was completed (RFC 3339), absent while open. */
  readonly completedAt?: string;
  /** Why the step was skipped; a step is skipped only with a recorded reason. */
  readonly skippedReason?: string;
  readonly skippedAt?: string;
}

/** What an annotation is attached to: a graph node or edge, a change (commit, audit entry, deployment) or a finding. */
export interface AnnotationTarget {
  readonly kind: 'node' | 'edge' | 'change' | 'finding';
  /** The node id (`namespace:name`), edge id, change id (full SHA, audit id, deployment id) or finding id. */
  readonly id: string;
}

export interface Annotation {
  readonly id: string;
  readonly target: AnnotationTarget;
  readonly author: string;
  readonly time: string;
  readonly tags: ReadonlyArray<string>;
  readonly text: string;
}

/** A piece of evidence a reviewer pinned: the record's provenance and why it matters. */
export interface PinnedEvidence {
  readonly id: string;
  readonly label: string;
  readonly evidence: Provenance;
  readonly pinnedBy: string;
  readonly time: string;
}

/** An entry of the case's evidence timeline a reviewer starred: it goes into the report's "Starred evidence". */
export interface StarredEvidence {
  /** The timeline entry's id (`deployment:d-1`, `commit:<sha>`; see shared/timeline/evidence-timeline.ts). */
  readonly id: string;
  /** The entry's kind (`deployment`, `merge`, `audit`…). */
  readonly kind: string;
  readonly label: string;
  /** When the evidence happened (RFC 3339), as the entry placed it on the axis. */
  readonly entryTime: string;
  readonly evidence?: Provenance;
  readonly starredBy: string;
  readonly time: string;
}

/** The tags a reviewer gave one timeline entry. */
export interface TimelineTags {
  readonly id: string;
  readonly tags: ReadonlyArray<string>;
}

export interface PreventiveAction {
  readonly id: string;
  /** A test, an enforcement rule, a review requirement, or another control that would have caught the cause. */
  readonly kind: 'test' | 'enforcement-rule' | 'review-requirement' | 'other';
  readonly text: string;
  readonly author: string;
  readonly time: string;
}

export interface RootCause {
  readonly statement: string;
  /** The change ids the statement names as the cause. */
  readonly changeIds: ReadonlyArray<string>;
  readonly author: string;
  readonly confirmedAt: string;
}

/** A reviewer's verdict on the case's root cause, added from a portable case file (portable-case.ts). */
export interface ReviewVerdict {
  readonly verdict: 'agree' | 'disagree' | 'needs-more-evidence';
  readonly text: string;
  readonly reviewer: string;
  readonly time: string;
}

/** A decision log read where it lives (a saved warehouse connection), cited by name and location, never a password. */
export interface CaseConnection {
  readonly name: string;
  /** A PostgreSQL URL without its password, or the path of a Parquet file or folder. */
  readonly location: string;
}

export interface Case {
  readonly id: string;
  readonly title: string;
  readonly severity: CaseSeverity;
  readonly status: CaseStatus;
  readonly owner: string;
  readonly openedAt: string;
  readonly decisionIds: ReadonlyArray<string>;
  /** The model of the decision it was opened on, where recorded (absent in cases from before it was). */
  readonly decisionModel?: string;
  /** The suspect feature the investigation follows. */
  readonly featureName?: string;
  /** Where its decisions are read, when they are not imported (docs/warehouses.md). */
  readonly connection?: CaseConnection;
  readonly steps: ReadonlyArray<CaseStepState>;
  readonly rootCause?: RootCause;
  readonly preventiveActions: ReadonlyArray<PreventiveAction>;
  readonly annotations: ReadonlyArray<Annotation>;
  readonly pinnedEvidence: ReadonlyArray<PinnedEvidence>;
  /** When it was archived (absent: it is not) and deleted (its row and log kept, so the deletion stays on record). */
  readonly archivedAt?: string;
  readonly deletedAt?: string;
  /** Annotations and pins removed, kept so that an undo puts them back as they were (absent: none removed). */
  readonly removedAnnotations?: ReadonlyArray<Annotation>;
  readonly unpinnedEvidence?: ReadonlyArray<PinnedEvidence>;
  /** Timeline entries starred, in the order they were starred (absent in cases from before the timeline). */
  readonly starredEvidence?: ReadonlyArray<StarredEvidence>;
  /** Timeline entries' tags (an entry with no tags left is absent). */
  readonly timelineTags?: ReadonlyArray<TimelineTags>;
  /** Reviewers' verdicts (review.verdict entries, from a portable case file), absent until one is given. */
  readonly reviews?: ReadonlyArray<ReviewVerdict>;
  /** The investigator's verdict on each ranked change judged so far (the latest per change), absent until one. */
  readonly suspectVerdicts?: ReadonlyArray<SuspectVerdict>;
}

/** A ranked change confirmed as a cause of the wrong decisions, or dismissed with the reason. */
export interface SuspectVerdict {
  /** The change's id as the ranking names it (a commit SHA, an audit entry, a deployment…). */
  readonly id: string;
  readonly label: string;
  readonly verdict: 'confirmed' | 'dismissed';
  /** Why it was dismissed (required for a dismissal). */
  readonly reason?: string;
  readonly by: string;
  readonly time: string;
}

/** One entry of the append-only activity log. `hash` = SHA-256 over the canonical JSON of every other field. */
export interface ActivityEntry {
  readonly seq: number;
  readonly time: string;
  readonly actor: string;
  readonly action: string;
  readonly payload: unknown;
  /** The previous entry's hash; 64 zeros for the first entry. */
  readonly prevHash: string;
  readonly hash: string;
}

/** A case and its activity log, as stored and as exported (`case.json` in an evidence bundle). */
export interface CaseRecord {
  readonly case: Case;
  readonly activity: ReadonlyArray<ActivityEntry>;
}

/** SHA-256 of a UTF-8 text as 64 lowercase hex digits: Node passes `node:crypto`, the renderer `crypto.subtle`. */
export type Sha256 = (text: string) => string | Promise<string>;
