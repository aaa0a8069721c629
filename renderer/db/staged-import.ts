/**
 * The staged commit of one imported file, so an import is all or nothing without one huge transaction:
 * the source row is written `staging`, its record chunks follow in many small transactions, and one final
 * transaction flips it to `complete` (with its issues, and into the case). Cancel deletes whatever a `staging` source
 * left; a failure deletes its records but keeps the row with the reason; a crash leaves the row with the progress it
 * saved — both are shown as interrupted imports until retried or discarded (interrupted-imports.ts). Removing a
 * source deletes everything it brought, in one transaction.
 */
import type { ImportWarning, IssueGroup, Rejection } from '../../shared/model/records';
import { chunkKey, relabelText, type RecordChunk } from './chunks';
import { issuesOf, type IssueGroups, type LineageDb, type StoredSource } from './lineage-db';
import { dropRemoved } from './source-removal';

export type StageOutcome =
  | { readonly staged: true }
  /** A complete source with the same SHA-256 exists: nothing was written. */
  | { readonly staged: false; readonly existing: StoredSource };

/**
 * Writes `source` as `staging`, unless a complete source with its id exists (returned, nothing written).
 * Rows left by an earlier interrupted import of the same file are deleted first.
 */
export async function beginStaging(db: LineageDb, source: StoredSource): Promise<StageOutcome> {
  return db.transaction('rw', [db.sources, db.recordChunks, db.sourceIssues, db.removedSources], async () => {
    const existing = await db.sources.get(source.id);
    if (existing && existing.status !== 'staging') return { staged: false, existing };
    if (existing) await db.recordChunks.where('sourceId').equals(chunkKey(existing)).delete();
    await dropRemoved(db, source.id);
    await db.sources.put({ ...source, status: 'staging' });
    return { staged: true };
  });
}

/** Writes record chunks of a staging source (one small transaction per call). */
export async function putStagedChunks(db: LineageDb, chunks: ReadonlyArray<RecordChunk>): Promise<void> {
  if (chunks.length > 0) await db.recordChunks.bulkPut([...chunks]);
}

export interface StagedCommit extends IssueGroups {
  readonly counts: Readonly<Record<string, number>>;
  readonly rejections: ReadonlyArray<Rejection>;
  readonly rejected: number;
  readonly warnings: ReadonlyArray<ImportWarning>;
  readonly warningCount: number;
  readonly importer: string;
  readonly importerVersion: string;
  readonly detected: string;
  readonly importedAt: string;
  readonly durationMs: number;
}

/** Flips a staging source to complete with its summary and issues, and adds it to the case — one transaction. */
export async function commitStaged(
  db: LineageDb,
  sourceId: string,
  commit: StagedCommit,
  caseId?: string,
): Promise<StoredSource> {
  return db.transaction('rw', db.sources, db.sourceIssues, db.cases, async () => {
    const staged = await db.sources.get(sourceId);
    if (!staged || staged.status !== 'staging') throw new Error(`No staged import of source ${sourceId} to commit.`);
    const { rejections, warnings, warningCount, rejectionGroups, warningGroups, ...rest } = commit;
    const { staged: _progress, ...row } = staged;
    const source: StoredSource = { ...row, ...rest, warnings: warningCount, status: 'complete' };
    await db.sources.put(source);
    await db.sourceIssues.put(issuesOf(sourceId, rejections, warnings, { rejectionGroups, warningGroups }));
    if (caseId) await addToCase(db, caseId, sourceId);
    return source;
  });
}

export type ProvisionalOutcome =
  | { readonly committed: true; readonly source: StoredSource }
  /** A complete source with the file's SHA-256 existed: the staged rows were deleted, nothing else changed. */
  | { readonly committed: false; readonly existing: StoredSource };

/**
 * Commits a source staged under a provisional id (its chunks were written before the file's SHA-256 was known), in
 * ONE transaction: when a complete source with `sha256` exists, the staged rows are deleted and it is returned (added
 * to the case); otherwise the source becomes `sha256`, its chunks staying under the provisional id (`storageId`).
 */
export async function commitProvisional(
  db: LineageDb,
  stagedId: string,
  sha256: string,
  commit: StagedCommit,
  caseId?: string,
): Promise<ProvisionalOutcome> {
  const tables = [db.sources, db.sourceIssues, db.cases, db.recordChunks, db.removedSources];
  return db.transaction('rw', tables, async (): Promise<ProvisionalOutcome> => {
    const staged = await db.sources.get(stagedId);
    if (!staged || staged.status !== 'staging') throw new Error(`No staged import of source ${stagedId} to commit.`);
    const existing = await db.sources.get(sha256);
    if (existing && existing.status !== 'staging') {
      await db.recordChunks.where('sourceId').equals(stagedId).delete();
      await db.sources.delete(stagedId);
      if (caseId) await addToCase(db, caseId, sha256);
      return { committed: false, existing };
    }
    if (existing) await db.recordChunks.where('sourceId').equals(chunkKey(existing)).delete();
    await dropRemoved(db, sha256);
    const relabel = (w: ImportWarning): ImportWarning => ({ ...w, message: relabelText(w.message, stagedId, sha256) });
    const relabelGroup = (g: IssueGroup<ImportWarning>): IssueGroup<ImportWarning> => ({
      ...g,
      message: relabelText(g.message, stagedId, sha256),
      first: g.first.map(relabel),
    });
    const { rejections, warnings, warningCount, rejectionGroups, warningGroups, ...rest } = commit;
    const { staged: _progress, ...row } = staged;
    const source: StoredSource = {
      ...row,
      ...rest,
      id: sha256,
      sha256,
      storageId: stagedId,
      warnings: warningCount,
      status: 'complete',
    };
    await db.sources.delete(stagedId);
    await db.sources.put(source);
    const groups = { rejectionGroups, warningGroups: warningGroups?.map(relabelGroup) };
    await db.sourceIssues.put(issuesOf(sha256, rejections, warnings.map(relabel), groups));
    if (caseId) await addToCase(db, caseId, sha256);
    return { committed: true, source };
  });
}

/** Adds a source to a case's evidence (no change when it is already there). */
export async function addToCase(db: LineageDb, caseId: string, sourceId: string): Promise<void> {
  await db.transaction('rw', db.cases, async () => {
    const record = await db.cases.get(caseId);
    if (!record) throw new Error(`There is no investigation with id ${caseId}.`);
    if (!record.sourceIds.includes(sourceId)) {
      await db.cases.update(caseId, { sourceIds: [...record.sourceIds, sourceId] });
    }
  });
}

/** Deletes what a staging source wrote (after a cancel); a complete source is left alone. */
export async function discardStaged(db: LineageDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.sources, db.recordChunks, async () => {
    const source = await db.sources.get(sourceId);
    if (source?.status !== 'staging') return;
    await db.recordChunks.where('sourceId').equals(chunkKey(source)).delete();
    await db.sources.delete(sourceId);
  });
}

/** Saves how far a staging source's import got (nothing when the row is no longer staging). */
export async function saveStagedProgress(db: LineageDb, sourceId: string, bytes: number, records: number) {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(sourceId);
    if (source?.status !== 'staging' || !source.staged) return;
    const updatedAt = new Date().toISOString();
    await db.sources.put({ ...source, staged: { ...source.staged, bytes, records, updatedAt } });
  });
}

/**
 * A staging source's import failed: its records are deleted, its row kept with `reason` (and the progress it had
 * saved), so the case names the import that did not complete until it is retried or discarded.
 */
export async function failStaged(db: LineageDb, sourceId: string, reason: string): Promise<void> {
  await db.transaction('rw', db.sources, db.recordChunks, async () => {
    const source = await db.sources.get(sourceId);
    if (source?.status !== 'staging') return;
    await db.recordChunks.where('sourceId').equals(chunkKey(source)).delete();
    if (!source.staged) await db.sources.delete(sourceId);
    else await db.sources.put({ ...source, staged: { ...source.staged, failure: reason } });
  });
}

/** Removes a source and everything it brought (chunks, issues, its place in every case) in one transaction. */
export async function removeSource(db: LineageDb, sourceId: string): Promise<void> {
  await db.transaction('rw', [db.sources, db.recordChunks, db.sourceIssues, db.cases], async () => {
    const source = await db.sources.get(sourceId);
    await db.recordChunks
      .where('sourceId')
      .equals(source ? chunkKey(source) : sourceId)
      .delete();
    await db.sourceIssues.delete(sourceId);
    await db.sources.delete(sourceId);
    await db.cases
      .filter((c) => c.sourceIds.includes(sourceId))
      .modify((c: { sourceIds: ReadonlyArray<string> }) => {
        c.sourceIds = c.sourceIds.filter((id) => id !== sourceId);
      });
  });
}

/** Complete sources: all of them, or those of one case in the case's order. */
export async function listCompleteSources(db: LineageDb, sourceIds?: ReadonlyArray<string>): Promise<StoredSource[]> {
  const rows = sourceIds ? await db.getSources(sourceIds) : await db.sources.toArray();
  const complete = rows.filter((s) => s.status !== 'staging');
  return sourceIds ? complete : complete.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}
