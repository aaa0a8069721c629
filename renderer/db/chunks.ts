/**
 * Bulk evidence rows are stored as chunks of 1,000 rows per (source, kind): one IndexedDB record per row
 * is about 7× slower (MEASUREMENTS.md).
 */
import type { EvidenceRecord, RecordKind } from '../../shared/model/records';

export const CHUNK_SIZE = 1000;

export interface RecordChunk {
  readonly sourceId: string;
  readonly kind: RecordKind;
  readonly seq: number;
  readonly rows: ReadonlyArray<EvidenceRecord>;
}

/** Splits one source's records into chunks by kind, keeping the importer's order inside each kind. */
export function toChunks(
  sourceId: string,
  records: ReadonlyArray<EvidenceRecord>,
  size: number = CHUNK_SIZE,
): RecordChunk[] {
  const byKind = new Map<RecordKind, EvidenceRecord[]>();
  for (const record of records) {
    const list = byKind.get(record.kind);
    if (list) list.push(record);
    else byKind.set(record.kind, [record]);
  }
  const chunks: RecordChunk[] = [];
  for (const [kind, rows] of byKind) {
    for (let start = 0, seq = 0; start < rows.length; start += size, seq += 1) {
      chunks.push({ sourceId, kind, seq, rows: rows.slice(start, start + size) });
    }
  }
  return chunks;
}

/** Counts records per kind, as the source list shows them. */
export function countByKind(records: ReadonlyArray<EvidenceRecord>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  return counts;
}
