/** Listing and discarding this app's interrupted imports (renderer/db/interrupted-imports.ts) in its database. */
import { db } from '../db/instance';
import { type InterruptedImport, listInterruptedImports } from '../db/interrupted-imports';
import { removeOrphanRows } from '../db/orphan-rows';
import { finalizeRemovals } from '../db/source-removal';
import { discardStaged } from '../db/staged-import';
import { browserLocks, runningImportTokens } from './import-lock';

/**
 * The first look at the interrupted imports in this window makes final the removals whose undo was offered before it
 * started (source-removal.ts), then removes the rows no source owns (orphan-rows.ts).
 */
let cleaned: Promise<unknown> | undefined;
const cleanUp = async () => {
  await finalizeRemovals(db, new Date(performance.timeOrigin));
  await removeOrphanRows(db);
};

/** The interrupted imports into `caseId` (or into any case), told from those running in another window. */
export async function loadInterrupted(caseId?: string): Promise<InterruptedImport[]> {
  cleaned ??= cleanUp().catch(() => undefined);
  await cleaned;
  return listInterruptedImports(db, () => runningImportTokens(browserLocks(), db.name), caseId);
}

/** Deletes what an interrupted import left (its row, any records it had written, and rows no source owns). */
export async function discardInterrupted(sourceId: string): Promise<void> {
  await discardStaged(db, sourceId);
  await removeOrphanRows(db);
}
