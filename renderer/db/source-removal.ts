/**
 * Removing a source so that the removal can be undone: the source leaves every case and the list at once (its row
 * moves to `removedSources` with its place in each case), while its record chunks and issues stay where they are
 * until the removal is final — when the undo is no longer offered, or at the next start. Undoing puts the row back
 * and the source at its place in each case, as if it had never been removed; nothing is copied either way, whatever
 * the source's size. An import of the same file meanwhile finalizes the removal first (`dropRemoved`), so its rows
 * never mix with the removed ones.
 */
import { chunkKey } from './chunks';
import type { LineageDb, RemovedSource } from './lineage-db';

/**
 * Takes `sourceId` out of every case and out of the sources, keeping its row, its places and its records aside;
 * resolves with what was set aside (undefined: there is no such source, or it is still being imported).
 */
export async function setSourceAside(
  db: LineageDb,
  sourceId: string,
  now: Date = new Date(),
): Promise<RemovedSource | undefined> {
  const tables = [db.sources, db.cases, db.removedSources, db.recordChunks, db.sourceIssues];
  return db.transaction('rw', tables, async () => {
    const source = await db.sources.get(sourceId);
    if (!source || source.status === 'staging') return undefined;
    // An earlier removal of the same file, re-imported since: that one is final now.
    await finalize(db, sourceId);
    const places: Array<RemovedSource['places'][number]> = [];
    await db.cases
      .filter((c) => c.sourceIds.includes(sourceId))
      .modify((c: { id: string; sourceIds: ReadonlyArray<string> }) => {
        places.push({ caseId: c.id, index: c.sourceIds.indexOf(sourceId) });
        c.sourceIds = c.sourceIds.filter((id) => id !== sourceId);
      });
    const removed: RemovedSource = { id: sourceId, source, places, removedAt: now.toISOString() };
    await db.removedSources.put(removed);
    await db.sources.delete(sourceId);
    return removed;
  });
}

/**
 * Undoes `setSourceAside`: the source back in the list and at its place in each case that still exists; true when it
 * was. False when its removal is final already (nothing changes then). Where the same file was stored again since,
 * that source stays and takes the removed one's places.
 */
export async function restoreSource(db: LineageDb, sourceId: string): Promise<boolean> {
  const tables = [db.sources, db.cases, db.removedSources, db.recordChunks, db.sourceIssues];
  return db.transaction('rw', tables, async () => {
    const removed = await db.removedSources.get(sourceId);
    if (!removed) return false;
    if (await db.sources.get(sourceId)) await finalize(db, sourceId);
    else {
      await db.sources.put(removed.source);
      await db.removedSources.delete(sourceId);
    }
    for (const { caseId, index } of removed.places) {
      const record = await db.cases.get(caseId);
      if (!record || record.sourceIds.includes(sourceId)) continue;
      const sourceIds = [...record.sourceIds];
      sourceIds.splice(Math.min(index, sourceIds.length), 0, sourceId);
      await db.cases.update(caseId, { sourceIds });
    }
    return true;
  });
}

/** Deletes what a removed source left (its records and issues, unless a source stored since owns them) and its row. */
async function finalize(db: LineageDb, sourceId: string): Promise<void> {
  const removed = await db.removedSources.get(sourceId);
  if (!removed) return;
  const key = chunkKey(removed.source);
  const live = await db.sources.get(sourceId);
  if (!live || chunkKey(live) !== key) await db.recordChunks.where('sourceId').equals(key).delete();
  if (!live) await db.sourceIssues.delete(sourceId);
  await db.removedSources.delete(sourceId);
}

/** Makes the removal of `sourceId` final (nothing when it was undone or is final already). */
export async function finalizeRemoval(db: LineageDb, sourceId: string): Promise<void> {
  await db.transaction('rw', [db.sources, db.removedSources, db.recordChunks, db.sourceIssues], () =>
    finalize(db, sourceId),
  );
}

/** Makes final every removal set aside before `before` (the app's start: no undo of them is offered any more). */
export async function finalizeRemovals(db: LineageDb, before: Date): Promise<number> {
  const ids = (await db.removedSources.toArray()).filter((r) => r.removedAt < before.toISOString()).map((r) => r.id);
  for (const id of ids) await finalizeRemoval(db, id);
  return ids.length;
}

/**
 * Inside an import's transaction (which must include `removedSources`, `recordChunks` and `sourceIssues`): a removed
 * source of the same file is final before its records are written again.
 */
export async function dropRemoved(db: LineageDb, sourceId: string): Promise<void> {
  await finalize(db, sourceId);
}
