/**
 * Every change to a case is an action recorded in its activity log; the case itself is the fold of that log
 * (`caseFromActivity`), so the exported case can always be checked against its log.
 */
import type { ImportMapping } from '../importers/mapping';
import { mappingChanges } from '../importers/mapping-changes';
import { appendActivity } from './activity-log';
import { applyRemoval } from './removal-actions';
import {
  CASE_STEPS,
  type ActivityEntry,
  type Annotation,
  type Case,
  type CaseConnection,
  type CaseRecord,
  type CaseSeverity,
  type CaseStatus,
  type CaseStepName,
  type PinnedEvidence,
  type PreventiveAction,
  type ReviewVerdict,
  type Sha256,
  type StarredEvidence,
} from './case-types';

/** The actions a case records, each with its payload. */
export type CaseAction =
  | {
      readonly action: 'case.opened';
      readonly payload: {
        readonly id: string;
        readonly title: string;
        readonly severity: CaseSeverity;
        readonly owner: string;
        readonly decisionIds: ReadonlyArray<string>;
        /** The model of the decision it is opened on, where known (two models' logs may share a decision id). */
        readonly decisionModel?: string;
        readonly featureName?: string;
        /** The saved connection its decisions are read from, when they are not imported. */
        readonly connection?: CaseConnection;
      };
    }
  | {
      readonly action: 'case.updated';
      readonly payload: {
        readonly title?: string;
        readonly severity?: CaseSeverity;
        readonly status?: CaseStatus;
        readonly owner?: string;
      };
    }
  /** Archived (hidden from the case list until shown), back from the archive, deleted (kept, with its log). */
  | { readonly action: 'case.archived'; readonly payload: Record<string, never> }
  | { readonly action: 'case.unarchived'; readonly payload: Record<string, never> }
  | { readonly action: 'case.deleted'; readonly payload: Record<string, never> }
  | { readonly action: 'step.completed'; readonly payload: { readonly step: CaseStepName } }
  | { readonly action: 'step.skipped'; readonly payload: { readonly step: CaseStepName; readonly reason: string } }
  | { readonly action: 'annotation.added'; readonly payload: Omit<Annotation, 'author' | 'time'> }
  | { readonly action: 'evidence.pinned'; readonly payload: Omit<PinnedEvidence, 'pinnedBy' | 'time'> }
  /** Removing an annotation or a pin, and the undo that puts it back (removal-actions.ts). */
  | { readonly action: 'annotation.removed'; readonly payload: { readonly id: string } }
  | { readonly action: 'annotation.restored'; readonly payload: { readonly id: string } }
  | { readonly action: 'evidence.unpinned'; readonly payload: { readonly id: string } }
  | { readonly action: 'evidence.repinned'; readonly payload: { readonly id: string } }
  | {
      readonly action: 'root-cause.confirmed';
      readonly payload: { readonly statement: string; readonly changeIds: ReadonlyArray<string> };
    }
  | { readonly action: 'preventive-action.added'; readonly payload: Omit<PreventiveAction, 'author' | 'time'> }
  | { readonly action: 'timeline.starred'; readonly payload: Omit<StarredEvidence, 'starredBy' | 'time'> }
  | { readonly action: 'timeline.unstarred'; readonly payload: { readonly id: string } }
  | {
      readonly action: 'timeline.tagged';
      readonly payload: { readonly id: string; readonly tags: ReadonlyArray<string> };
    }
  | { readonly action: 'review.verdict'; readonly payload: Omit<ReviewVerdict, 'reviewer' | 'time'> }
  /** The investigator's analytical choices, each a record of what the findings were computed with. */
  | {
      /** The onset set by hand: a feature version or an RFC 3339 time; absent, back to the engine's estimate. */
      readonly action: 'onset.set';
      readonly payload: { readonly onset?: string };
    }
  | {
      /** The decision investigated (by its model and id) and the feature suspected. */
      readonly action: 'focus.set';
      readonly payload: { readonly decisionId: string; readonly model?: string; readonly featureName: string };
    }
  | {
      /** How many affected subjects oblige a notification, as the scope was judged. */
      readonly action: 'threshold.set';
      readonly payload: { readonly notifyThreshold: number };
    }
  /** A ranked change judged by the investigator: confirmed as a cause, or dismissed with the reason. */
  | {
      readonly action: 'suspect.confirmed';
      readonly payload: { readonly id: string; readonly label: string };
    }
  | {
      readonly action: 'suspect.dismissed';
      readonly payload: { readonly id: string; readonly label: string; readonly reason: string };
    }
  /**
   * The column mapping a source the case cites is read through changed (an imported file re-imported through it, or a
   * saved connection's): every finding over that source is read through it. Absent: none (a file stored without
   * records; a connection's mapping suggested from the column names).
   */
  | {
      readonly action: 'mapping.changed';
      readonly payload: {
        readonly source?: CitedSource;
        readonly connection?: CaseConnection;
        readonly before?: ImportMapping;
        readonly after?: ImportMapping;
      };
    }
  /** A source the case cited removed from the app (its evidence changed), and the removal undone. */
  | { readonly action: 'source.removed'; readonly payload: CitedSource }
  | { readonly action: 'source.restored'; readonly payload: CitedSource }
  | {
      /** The investigator took a reviewer's signed entries into the case (portable-case-merge.ts). */
      readonly action: 'review.merged';
      readonly payload: {
        /** Each reviewer's name, key fingerprint and signature (base64) over the file's head, in signing order. */
        readonly reviews: ReadonlyArray<{
          readonly reviewer: string;
          readonly fingerprint: string;
          readonly signature: string;
        }>;
        /** The reviewer's entries' hashes as signed; re-chained entries have new hashes in this log. */
        readonly entryHashes: ReadonlyArray<string>;
        readonly rechained: boolean;
      };
    };

/** A source as a log entry names it: what the Sources screen shows of it. */
export interface CitedSource {
  readonly name: string;
  /** The format it was read as (e.g. `github-audit`, `openlineage`), or `git repository`. */
  readonly kind: string;
  readonly sha256: string;
  /** How many records it holds, of every kind. */
  readonly records: number;
}

export interface Act {
  readonly time: string;
  readonly actor: string;
}

/**
 * Records one action: checks it against the case, appends it to the activity log (hash-chained) and returns the
 * new case and log. Throws, naming what is wrong, for an action the case cannot take.
 */
export async function recordAction(
  record: CaseRecord | undefined,
  act: Act & CaseAction,
  sha256: Sha256,
): Promise<CaseRecord> {
  const next = applyAction(record?.case, act);
  const activity = await appendActivity(record?.activity ?? [], act, sha256);
  return { case: next, activity };
}

/** The case an activity log describes: every entry applied in order. Throws on an entry the case cannot take. */
export function caseFromActivity(log: ReadonlyArray<ActivityEntry>): Case {
  let state: Case | undefined;
  for (const entry of log) state = applyAction(state, entry as ActivityEntry & CaseAction);
  if (!state) throw new Error('The activity log is empty: no case was opened.');
  return state;
}

function applyAction(state: Case | undefined, act: Act & CaseAction): Case {
  if (act.action === 'case.opened') {
    if (state) throw new Error(`Case ${state.id} is already open.`);
    const p = act.payload;
    return {
      ...p,
      decisionIds: [...p.decisionIds],
      status: 'open',
      openedAt: act.time,
      steps: CASE_STEPS.map((step) => ({ step })),
      preventiveActions: [],
      annotations: [],
      pinnedEvidence: [],
    };
  }
  if (!state) throw new Error(`${act.action} before the case was opened.`);
  switch (act.action) {
    case 'case.updated':
      return { ...state, ...act.payload };
    case 'case.archived':
      if (state.archivedAt) throw new Error(`Case ${state.id} is already archived.`);
      return { ...state, archivedAt: act.time };
    case 'case.unarchived':
      if (!state.archivedAt) throw new Error(`Case ${state.id} is not archived.`);
      return { ...state, archivedAt: undefined };
    case 'case.deleted':
      if (state.deletedAt) throw new Error(`Case ${state.id} is already deleted.`);
      return { ...state, deletedAt: act.time };
    case 'step.completed':
      return withStep(state, act.payload.step, { completedAt: act.time });
    case 'step.skipped':
      if (!act.payload.reason.trim()) throw new Error(`Step ${act.payload.step} can be skipped only with a reason.`);
      return withStep(state, act.payload.step, { skippedReason: act.payload.reason, skippedAt: act.time });
    case 'annotation.added':
      return { ...state, annotations: [...state.annotations, { ...act.payload, author: act.actor, time: act.time }] };
    case 'evidence.pinned':
      return {
        ...state,
        pinnedEvidence: [...state.pinnedEvidence, { ...act.payload, pinnedBy: act.actor, time: act.time }],
      };
    case 'annotation.removed':
    case 'annotation.restored':
    case 'evidence.unpinned':
    case 'evidence.repinned':
      return applyRemoval(state, act);
    case 'root-cause.confirmed':
      if (!act.payload.statement.trim()) throw new Error('A root cause needs a statement.');
      return {
        ...state,
        status: 'root-cause-confirmed',
        rootCause: { ...act.payload, author: act.actor, confirmedAt: act.time },
      };
    case 'preventive-action.added':
      return {
        ...state,
        preventiveActions: [...state.preventiveActions, { ...act.payload, author: act.actor, time: act.time }],
      };
    case 'timeline.starred':
    case 'timeline.unstarred':
    case 'timeline.tagged':
      return applyTimeline(state, act);
    case 'review.verdict':
      if (!['agree', 'disagree', 'needs-more-evidence'].includes(act.payload.verdict))
        throw new Error(`A verdict is agree, disagree or needs-more-evidence, not ${String(act.payload.verdict)}.`);
      return {
        ...state,
        reviews: [...(state.reviews ?? []), { ...act.payload, reviewer: act.actor, time: act.time }],
      };
    case 'review.merged':
      return state;
    case 'suspect.confirmed':
    case 'suspect.dismissed': {
      const { id, label } = act.payload;
      if (!id) throw new Error('A verdict names the change it judges.');
      const reason = act.action === 'suspect.dismissed' ? act.payload.reason.trim() : undefined;
      if (act.action === 'suspect.dismissed' && !reason) throw new Error(`Dismissing ${id} needs a reason.`);
      const verdict = {
        id,
        label,
        verdict: act.action === 'suspect.confirmed' ? ('confirmed' as const) : ('dismissed' as const),
        ...(reason && { reason }),
        by: act.actor,
        time: act.time,
      };
      return { ...state, suspectVerdicts: [...(state.suspectVerdicts ?? []).filter((v) => v.id !== id), verdict] };
    }
    case 'focus.set':
      if (!act.payload.decisionId || !act.payload.featureName)
        throw new Error('A focus names a decision and a feature.');
      return { ...state, featureName: act.payload.featureName };
    case 'threshold.set':
      if (!(Number.isInteger(act.payload.notifyThreshold) && act.payload.notifyThreshold > 0))
        throw new Error(`A notification threshold is a positive whole number, not ${act.payload.notifyThreshold}.`);
      return state;
    case 'mapping.changed': {
      const { source, connection, before, after } = act.payload;
      if (!source === !connection) throw new Error('A mapping change names one source or one connection.');
      const name = source?.name ?? connection?.name;
      if (mappingChanges(before, after).length === 0) throw new Error(`The mapping of ${name} did not change.`);
      return state;
    }
    // The onset and the sources are the case row's (the store's), not its fold's: the entry is the record of the change.
    case 'onset.set':
    case 'source.removed':
    case 'source.restored':
      return state;
    default:
      throw new Error(`Unknown case action ${(act as { action: string }).action}.`);
  }
}

type TimelineAction = Extract<CaseAction, { action: `timeline.${string}` }>;

/** Starring, unstarring and tagging an entry of the evidence timeline. */
function applyTimeline(state: Case, act: Act & TimelineAction): Case {
  const starred = state.starredEvidence ?? [];
  const id = act.payload.id;
  switch (act.action) {
    case 'timeline.starred':
      if (starred.some((s) => s.id === id)) throw new Error(`Timeline entry ${id} is already starred.`);
      return { ...state, starredEvidence: [...starred, { ...act.payload, starredBy: act.actor, time: act.time }] };
    case 'timeline.unstarred':
      if (!starred.some((s) => s.id === id)) throw new Error(`Timeline entry ${id} is not starred.`);
      return { ...state, starredEvidence: starred.filter((s) => s.id !== id) };
    case 'timeline.tagged': {
      const tags = [...new Set(act.payload.tags.map((t) => t.trim()).filter(Boolean))];
      const others = (state.timelineTags ?? []).filter((t) => t.id !== id);
      return { ...state, timelineTags: tags.length ? [...others, { id, tags }] : others };
    }
  }
}

function withStep(state: Case, step: CaseStepName, change: object): Case {
  if (!CASE_STEPS.includes(step)) throw new Error(`Unknown step ${step}; the steps are ${CASE_STEPS.join(', ')}.`);
  return { ...state, steps: state.steps.map((s) => (s.step === step ? { step, ...change } : s)) };
}

/** Time-to-root-cause in milliseconds: from opening the case to confirming its root cause (undefined until then). */
export function timeToRootCause(c: Case): number | undefined {
  if (!c.rootCause) return undefined;
  return Date.parse(c.rootCause.confirmedAt) - Date.parse(c.openedAt);
}
