/**
 * Rows that no source owns: record chunks stored under a key that is no source's (its id, or the provisional
 * storage id it was staged under) and the issue lists of sources that are gone. An import writes its source row
 * before its first chunk, and every removal deletes both in one transaction, so such rows come only from an import
 * whose row was deleted under it — discarded as interrupted by another window while it still ran, where no import
 * lock guards the store (import-lock.ts) — which then wrote on. They count nowhere, but fill the disk: removed here.
 */
import { chunkKey } from './chunks';
import type { LineageDb } from './lineage-db';

/** What `removeOrphanRows` deleted. */
export interface RemovedOrphans {
  /** Record chunks whose key is no source's. */
  readonly chunks: number;
  /** Issue lists (rejections and warnings) of sources that are gone. */
  readonly issues: number;
}

/**
 * Deletes the rows no source owns, in one transaction (an import that starts meanwhile writes its row first, so its
 * chunks are never taken for orphans). Staging sources keep their rows: an interrupted import is shown to be retried
 * or discarded, and a running one is left alone.
 */
export async function removeOrphanRows(db: LineageDb): Promise<RemovedOrphans> {
  return db.transaction('rw', [db.sources, db.recordChunks, db.sourceIssues, db.removedSources], async () => {
    // A removed source whose undo is offered still owns its rows (source-removal.ts).
    const removed = (await db.removedSources.toArray()).map((r) => r.source);
    const sources = [...(await db.sources.toArray()), ...removed];
    const owned = new Set(sources.map(chunkKey));
    const ids = new Set(sources.map((s) => s.id));
    let chunks = 0;
    for (const key of await db.recordChunks.orderBy('sourceId').uniqueKeys()) {
      if (typeof key === 'string' && owned.has(key)) continue;
      chunks += await db.recordChunks.where('sourceId').equals(key).delete();
    }
    const issues = (await db.sourceIssues.toCollection().primaryKeys()).filter((id) => !ids.has(id));
    await db.sourceIssues.bulkDelete(issues);
    return { chunks, issues: issues.length };
  });
}
