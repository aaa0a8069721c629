/** Listing and discarding this app's interrupted imports (renderer/db/interrupted-imports.ts) in its database. */
import { db } from '../db/instance';
import { type InterruptedImport, listInterruptedImports } from '../db/interrupted-imports';
import { discardStaged } from '../db/staged-import';
import { browserLocks, runningImportTokens } from './import-lock';

/** The interrupted imports into `caseId` (or into any case), told from those running in another window. */
export function loadInterrupted(caseId?: string): Promise<InterruptedImport[]> {
  return listInterruptedImports(db, () => runningImportTokens(browserLocks(), db.name), caseId);
}

/** Deletes what an interrupted import left (its row and any records it had written). */
export function discardInterrupted(sourceId: string): Promise<void> {
  return discardStaged(db, sourceId);
}
