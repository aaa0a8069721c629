/**
 * A case in the store: its row and its hash-chained activity log. Opening a case writes both at once; every later
 * action is checked against the stored chain before it is appended (`recordCaseAction`).
 */
import Dexie from 'dexie';
import { verifyChain } from '../../shared/case/activity-log';
import { type Act, type CaseAction, caseFromActivity, recordAction } from '../../shared/case/case-actions';
import type { ActivityEntry, CaseRecord as CaseWithActivity, CaseSeverity, Sha256 } from '../../shared/case/case-types';
import { webSha256 } from '../case/web-sha256';
import type { CaseRecord, LineageDb } from './lineage-db';

/** What opening a case needs; severity defaults to medium, owner to `unassigned`, the actor to the owner. */
export interface NewCase extends Omit<CaseRecord, 'createdAt'> {
  readonly createdAt?: string;
  readonly severity?: CaseSeverity;
  readonly owner?: string;
  readonly actor?: string;
}

/** A case's row and its activity log (seq order). */
export interface CaseWithLog {
  readonly record: CaseRecord;
  readonly activity: ReadonlyArray<ActivityEntry>;
}

/** Opens a case: its row and its `case.opened` entry, in ONE transaction. Returns the stored row. */
export async function createCase(db: LineageDb, init: NewCase, sha256: Sha256 = webSha256): Promise<CaseRecord> {
  const { severity = 'medium', owner = 'unassigned', actor, createdAt, ...row } = init;
  const record: CaseRecord = { ...row, createdAt: createdAt ?? new Date().toISOString() };
  const opened = await recordAction(
    undefined,
    {
      time: record.createdAt,
      actor: actor ?? owner,
      action: 'case.opened',
      payload: {
        id: record.id,
        title: record.title,
        severity,
        owner,
        decisionIds: record.decisionId ? [record.decisionId] : [],
        ...(record.decisionId && record.decisionModel ? { decisionModel: record.decisionModel } : {}),
        ...(record.featureName ? { featureName: record.featureName } : {}),
        ...(record.connection && {
          connection: { name: record.connection.name, location: record.connection.location },
        }),
      },
    },
    sha256,
  );
  await db.transaction('rw', db.cases, db.activity, async () => {
    await db.cases.add(record);
    await db.activity.bulkAdd(opened.activity.map((e) => ({ ...e, caseId: record.id })));
  });
  return record;
}

/** Records the decision (its id and its model's name) and the suspect feature the user chose. */
export async function setCaseFocus(
  db: LineageDb,
  caseId: string,
  decision: { readonly decisionId: string; readonly model: string },
  featureName: string,
): Promise<void> {
  await db.cases.update(caseId, { decisionId: decision.decisionId, decisionModel: decision.model, featureName });
}

/** Records the investigator's onset correction (a feature version or a time), or removes it (`undefined`). */
export async function setCaseOnset(db: LineageDb, caseId: string, onset: string | undefined): Promise<void> {
  await db.cases.update(caseId, { onsetOverride: onset });
}

/** A case's activity log, in seq order. */
export async function readActivity(db: LineageDb, caseId: string): Promise<ActivityEntry[]> {
  const rows = await db.activity
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .toArray();
  return rows.map(({ caseId: _case, ...entry }) => entry);
}

/** Every case with its activity log, newest first. */
export async function listCasesWithActivity(db: LineageDb): Promise<CaseWithLog[]> {
  const [cases, entries] = await Promise.all([db.listCases(), db.activity.toArray()]);
  const logs = new Map<string, ActivityEntry[]>();
  for (const { caseId, ...entry } of entries) logs.set(caseId, [...(logs.get(caseId) ?? []), entry]);
  return cases.map((record) => ({
    record,
    activity: (logs.get(record.id) ?? []).sort((a, b) => a.seq - b.seq),
  }));
}

/**
 * Records one action on a case: checks the stored chain and the action against the case, then appends the entry
 * (and applies `rowChange` to the case's row) in ONE transaction. Throws, naming the reason, when the chain is
 * broken, the case cannot take the action, or another window appended first.
 */
export async function recordCaseAction(
  db: LineageDb,
  caseId: string,
  act: Act & CaseAction,
  rowChange: Partial<Omit<CaseRecord, 'id'>> = {},
  sha256: Sha256 = webSha256,
): Promise<CaseWithActivity> {
  const activity = await readActivity(db, caseId);
  const chain = await verifyChain(activity, sha256);
  if (!chain.ok)
    throw new Error(`The activity log of case ${caseId} is broken (${chain.reason}); nothing was recorded.`);
  const next = await recordAction({ case: caseFromActivity(activity), activity }, act, sha256);
  const entry = next.activity[next.activity.length - 1]!;
  await db.transaction('rw', db.cases, db.activity, async () => {
    if (await db.activity.get([caseId, entry.seq]))
      throw new Error(`Case ${caseId} changed in another window (entry ${entry.seq} exists); reopen it.`);
    await db.activity.add({ ...entry, caseId });
    if (Object.keys(rowChange).length > 0) await db.cases.update(caseId, rowChange);
  });
  return next;
}
