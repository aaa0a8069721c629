/**
 * Schema 3 moved cases onto the hash-chained activity log. A case stored by an earlier version (a row with step
 * flags, and free notes in their own table) becomes a log that loses nothing: `case.opened` at the case's creation,
 * then, in time order, a `step.completed` for every completed step and an `annotation.added` for every note (tagged
 * `note`, on the case as a whole). Synchronous, so that it can run inside the database's upgrade transaction.
 */
import { entryHashInput, GENESIS_HASH } from '../../shared/case/activity-log';
import { CASE_STEPS, type ActivityEntry } from '../../shared/case/case-types';

/** The actor of entries carried over from an earlier version, which did not record who did what. */
export const MIGRATED_ACTOR = 'unrecorded (earlier version)';

/** A case row as schema 1 and 2 stored it. */
export interface LegacyCaseRow {
  readonly id: string;
  readonly title: string;
  readonly createdAt: string;
  readonly decisionId?: string;
  readonly featureName?: string;
  readonly steps?: Readonly<Partial<Record<string, { readonly completedAt?: string }>>>;
}

/** A note as schema 1 and 2 stored it. */
export interface LegacyNote {
  readonly id: number;
  readonly caseId: string;
  readonly text: string;
  readonly createdAt: string;
}

type Body = Omit<ActivityEntry, 'seq' | 'prevHash' | 'hash'>;

/** The activity log of a case stored before schema 3, hashed with the synchronous `sha256`. */
export function migratedActivity(
  row: LegacyCaseRow,
  notes: ReadonlyArray<LegacyNote>,
  sha256: (text: string) => string,
): ActivityEntry[] {
  const actor = MIGRATED_ACTOR;
  const opened: Body = {
    time: row.createdAt,
    actor,
    action: 'case.opened',
    payload: {
      id: row.id,
      title: row.title,
      severity: 'medium',
      owner: 'unassigned',
      decisionIds: row.decisionId ? [row.decisionId] : [],
      ...(row.featureName ? { featureName: row.featureName } : {}),
    },
  };
  const later: Body[] = [];
  for (const step of CASE_STEPS) {
    const completedAt = row.steps?.[step]?.completedAt;
    if (completedAt) later.push({ time: completedAt, actor, action: 'step.completed', payload: { step } });
  }
  for (const note of [...notes].sort((a, b) => a.id - b.id)) {
    later.push({
      time: note.createdAt,
      actor,
      action: 'annotation.added',
      payload: { id: `note-${note.id}`, target: { kind: 'finding', id: row.id }, tags: ['note'], text: note.text },
    });
  }
  // A stable sort keeps steps before notes at the same instant.
  later.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const log: ActivityEntry[] = [];
  for (const body of [opened, ...later]) {
    const entry = { ...body, seq: log.length + 1, prevHash: log[log.length - 1]?.hash ?? GENESIS_HASH };
    log.push({ ...entry, hash: sha256(entryHashInput(entry)) });
  }
  return log;
}
