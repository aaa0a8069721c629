/**
 * Archiving, taking out of the archive and deleting a case from the case list: each an entry in the case's
 * hash-chained log, recorded as the current reviewer. A deleted case keeps its row and log (the deletion is on
 * record) and leaves every list.
 */
import type { CaseAction } from '../../shared/case/case-actions';
import { recordCaseAction } from '../db/case-log';
import { db } from '../db/instance';
import { useCases } from '../stores/cases-store';
import { currentActor } from './reviewer-store';

type Lifecycle = Extract<CaseAction, { action: 'case.archived' | 'case.unarchived' | 'case.deleted' }>['action'];

/** Records `action` on case `caseId` and reads the list again; resolves to why it failed, or undefined. */
export async function recordLifecycle(caseId: string, action: Lifecycle): Promise<string | undefined> {
  try {
    await recordCaseAction(db, caseId, { action, payload: {}, time: new Date().toISOString(), actor: currentActor() });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await useCases.getState().refresh();
  }
}
