/**
 * Re-importing a source through a (new) column mapping without ever leaving it half imported. A source's id is
 * its file's SHA-256, so the new import cannot be staged beside the old one in the same database: it is staged
 * whole in a second database (`REMAP_DB_NAME`, by the import worker, as any import), and only once it committed
 * there does one transaction on the app's database swap the source's records, issues and row. Until then the old
 * records stay; a cancelled or failed re-import leaves them as they were.
 */
import { chunkKey } from '../db/chunks';
import { LineageDb, type StoredSource } from '../db/lineage-db';
import { addToCase } from '../db/staged-import';

/** The database a re-import through a mapping is staged in (the worker opens it by name). */
export const REMAP_DB_NAME = 'lineage-investigator-remap';

let remapDb: LineageDb | undefined;

/** The staging database of re-imports (one connection per window). */
export function remapDatabase(): LineageDb {
  return (remapDb ??= new LineageDb(REMAP_DB_NAME));
}

/**
 * Deletes what re-imports left in the staging database: those of `sourceId` (after its swap), or everything
 * (before a re-import when no other one runs: rows an interrupted re-import left, under whatever id).
 */
export async function clearRemapped(staging: LineageDb, sourceId?: string): Promise<void> {
  await staging.transaction('rw', staging.sources, staging.recordChunks, staging.sourceIssues, async () => {
    if (sourceId === undefined) {
      await Promise.all([staging.recordChunks.clear(), staging.sourceIssues.clear(), staging.sources.clear()]);
      return;
    }
    const source = await staging.sources.get(sourceId);
    await staging.recordChunks
      .where('sourceId')
      .equals(chunkKey(source ?? { id: sourceId }))
      .delete();
    await staging.sourceIssues.delete(sourceId);
    await staging.sources.delete(sourceId);
  });
}

/**
 * Replaces the source `sourceId` of `target` by its re-import committed in `staging`: records, issues and row in
 * ONE transaction (the source keeps its place in every case and where it was read from), then clears the staging
 * database. Adds it to `caseId` when given. Throws, changing nothing, when the re-import did not commit.
 */
export async function swapInRemapped(
  target: LineageDb,
  staging: LineageDb,
  sourceId: string,
  caseId?: string,
): Promise<StoredSource> {
  const staged = await staging.sources.get(sourceId);
  if (!staged || staged.status !== 'complete')
    throw new Error(`The re-import of ${staged?.name ?? sourceId} did not complete; the source was left as it was.`);
  // Chunks are copied under the key they were written with (the staged row's, kept on the swapped-in row).
  const [chunks, issues] = await Promise.all([
    staging.recordChunks.where('sourceId').equals(chunkKey(staged)).toArray(),
    staging.sourceIssues.get(sourceId),
  ]);
  const source = await target.transaction('rw', target.sources, target.recordChunks, target.sourceIssues, async () => {
    const old = await target.sources.get(sourceId);
    const next: StoredSource = { ...staged, ...(old?.origin ? { origin: old.origin } : {}) };
    if (old) await target.recordChunks.where('sourceId').equals(chunkKey(old)).delete();
    await target.recordChunks.bulkPut(chunks);
    await target.sourceIssues.put(issues ?? { sourceId, rejections: [], warnings: [] });
    await target.sources.put(next);
    return next;
  });
  if (caseId) await addToCase(target, caseId, sourceId);
  await clearRemapped(staging, sourceId);
  return source;
}
