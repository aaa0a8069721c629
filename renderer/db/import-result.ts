/** Storing one file imported in a single step (the sample's files; the import worker stages large ones instead). */
import type { InputFile } from '../../shared/ipc/contract';
import type { ImportResult } from '../../shared/model/records';
import { countByKind, toChunks } from './chunks';
import { issuesOf, type LineageDb, type StoredSource } from './lineage-db';
import { dropRemoved } from './source-removal';

export interface ImportOutcome {
  readonly source: StoredSource;
  /** False when a source with the same SHA-256 was already stored (nothing changed). */
  readonly created: boolean;
}

/**
 * Stores one imported file in ONE transaction: its source row and its record chunks.
 * Idempotent: a file whose SHA-256 is already stored changes nothing.
 */
export async function importResult(
  db: LineageDb,
  file: InputFile,
  result: ImportResult,
  now: Date = new Date(),
): Promise<ImportOutcome> {
  return db.transaction('rw', [db.sources, db.recordChunks, db.sourceIssues, db.removedSources], async () => {
    const existing = await db.sources.get(file.sha256);
    if (existing) return { source: existing, created: false };
    await dropRemoved(db, file.sha256);
    const source: StoredSource = {
      id: file.sha256,
      name: file.name,
      detected: result.detected,
      size: file.size,
      sha256: file.sha256,
      importer: result.importer,
      importerVersion: result.importerVersion,
      importedAt: now.toISOString(),
      counts: countByKind(result.records),
      rejected: result.rejections.length,
      warnings: result.warnings.length,
      status: 'complete',
      ...(file.repository ? { repository: file.repository } : {}),
    };
    await db.recordChunks.bulkPut(toChunks(source.id, result.records));
    await db.sources.add(source);
    await db.sourceIssues.put(issuesOf(source.id, result.rejections, result.warnings, result));
    return { source, created: true };
  });
}
