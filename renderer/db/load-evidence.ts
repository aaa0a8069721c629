/** Reading a case's evidence back from the store: its sources' record chunks, in the order they were imported. */
import { type EvidenceSet, toEvidenceSet } from '../../shared/model/evidence-set';
import type { EvidenceRecord } from '../../shared/model/records';
import type { RepeatedRecord } from '../../shared/model/repeated-records';
import { chunkKey, relabelRows } from './chunks';
import type { LineageDb } from './lineage-db';

/** All records of these sources: per source, per kind, in the order they were imported. */
export async function loadRecords(db: LineageDb, sourceIds: ReadonlyArray<string>): Promise<EvidenceRecord[]> {
  const records: EvidenceRecord[] = [];
  for (const id of sourceIds) {
    const key = chunkKey((await db.sources.get(id)) ?? { id });
    const chunks = await db.recordChunks.where('sourceId').equals(key).toArray();
    chunks.sort((a, b) => (a.kind === b.kind ? a.seq - b.seq : a.kind < b.kind ? -1 : 1));
    for (const chunk of chunks) relabelRows(chunk.rows, key, id);
    for (const chunk of chunks) records.push(...chunk.rows);
  }
  return records;
}

/**
 * The evidence set of a case: its sources' records grouped by kind and sorted by time, each record read again in a
 * later source counted once (`onRepeat` is told of each).
 */
export async function loadEvidence(
  db: LineageDb,
  sourceIds: ReadonlyArray<string>,
  onRepeat?: (repeat: RepeatedRecord) => void,
): Promise<EvidenceSet> {
  return toEvidenceSet(await loadRecords(db, sourceIds), onRepeat);
}
