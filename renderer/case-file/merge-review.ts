/**
 * "Merge reviewer's file…": the main process verifies both chains and every signature against the open case and
 * chains the reviewer's entries on (`caseFile:merge`); the entries are then stored and the case's log reloaded, so
 * they appear in the activity log and the report. A conflict stores nothing and keeps the reviewer's entries to show.
 */
import type { CaseFileMergeResponse } from '../../shared/ipc/case-file-channels';
import type { IpcApi } from '../../shared/ipc/contract';
import { currentActor } from '../case/reviewer-store';
import { db } from '../db/instance';
import { useCaseLog } from '../stores/case-log-store';
import { appendMergedEntries } from './merged-entries';

/** Merges the reviewed file's text into the open case; resolves the main process's answer once stored. */
export async function mergeReviewFile(api: IpcApi, text: string, rechain: boolean): Promise<CaseFileMergeResponse> {
  const log = useCaseLog.getState();
  if (!log.caseId || !log.case) throw new Error('No case is open: open the case you exported, then merge.');
  if (!log.chain?.ok) throw new Error('The case’s activity log is broken: nothing can be merged into it.');
  const caseId = log.caseId;
  const base = log.activity;
  const out = await api.invoke('caseFile:merge', {
    text,
    caseRecord: { case: log.case, activity: [...base] },
    actor: currentActor(),
    rechain,
  });
  if (out.kind === 'merged') {
    await appendMergedEntries(db, caseId, base, out.appended);
    await useCaseLog.getState().load(caseId);
  }
  return out;
}
