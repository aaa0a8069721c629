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

/** The key a source's chunks are stored under: its provisional storage id when it was staged before its hash was known. */
export function chunkKey(source: { readonly id: string; readonly storageId?: string }): string {
  return source.storageId ?? source.id;
}

/**
 * Rows written under a provisional storage id (a random 64-hex token: the file's SHA-256 was computed alongside the
 * import) carry it where the importer wrote the source id: `provenance.sourceId`, and ids made from the file and
 * place (`cloudtrail:<first 12 of the id>:L5`, audit-common.ts). Rewrites both to the source's SHA-256 in place, so
 * the rows read back exactly as an import that hashed first would have written them.
 */
export function relabelRows(rows: ReadonlyArray<EvidenceRecord>, storageId: string, sourceId: string): void {
  if (storageId === sourceId) return;
  for (const row of rows) {
    const mutable = row as { provenance: EvidenceRecord['provenance']; id?: unknown };
    if (mutable.provenance.sourceId === storageId) mutable.provenance = { ...mutable.provenance, sourceId };
    if (typeof mutable.id === 'string') mutable.id = relabelText(mutable.id, storageId, sourceId);
  }
}

/** A text naming a record by an id made from the provisional storage id (a warning), named by the SHA-256 instead. */
export function relabelText(text: string, storageId: string, sourceId: string): string {
  const from = `:${storageId.slice(0, 12)}:`;
  return text.includes(from) ? text.replaceAll(from, `:${sourceId.slice(0, 12)}:`) : text;
}
