/**
 * Gathers a source's records as they stream out of the importer into chunk rows of CHUNK_SIZE per kind
 * (the store's layout, db/chunks.ts), numbering each kind's chunks in order.
 */
import type { EvidenceRecord, RecordKind } from '../../shared/model/records';
import { CHUNK_SIZE, type RecordChunk } from '../db/chunks';

export class ChunkBuffer {
  private readonly open = new Map<RecordKind, EvidenceRecord[]>();
  private readonly nextSeq = new Map<RecordKind, number>();
  private ready: RecordChunk[] = [];
  private readonly counted: Record<string, number> = {};
  total = 0;

  constructor(
    private readonly sourceId: string,
    private readonly size: number = CHUNK_SIZE,
  ) {}

  /** Adds records; full chunks become ready. */
  add(records: ReadonlyArray<EvidenceRecord>): void {
    for (const record of records) {
      let rows = this.open.get(record.kind);
      if (!rows) {
        rows = [];
        this.open.set(record.kind, rows);
      }
      rows.push(record);
      this.counted[record.kind] = (this.counted[record.kind] ?? 0) + 1;
      if (rows.length >= this.size) this.seal(record.kind, rows);
    }
    this.total += records.length;
  }

  /** How many full chunks wait to be written. */
  get readyCount(): number {
    return this.ready.length;
  }

  /** The ready chunks (and, with `all`, the partial ones too), removed from the buffer. */
  drain(all = false): RecordChunk[] {
    if (all) for (const [kind, rows] of this.open) if (rows.length > 0) this.seal(kind, rows);
    const out = this.ready;
    this.ready = [];
    return out;
  }

  /** Records added so far, by kind. */
  counts(): Readonly<Record<string, number>> {
    return { ...this.counted };
  }

  private seal(kind: RecordKind, rows: EvidenceRecord[]): void {
    const seq = this.nextSeq.get(kind) ?? 0;
    this.nextSeq.set(kind, seq + 1);
    this.ready.push({ sourceId: this.sourceId, kind, seq, rows: rows.slice() });
    rows.length = 0;
  }
}
