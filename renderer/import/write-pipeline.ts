/**
 * Writes a staging source's chunks with one write in flight while the importer parses the next ones: the
 * records are cloned into IndexedDB when a write starts (in this thread), but the transaction's commit to disk
 * happens in the browser's storage process — waiting for it before parsing on would leave this worker idle.
 */
import type { RecordChunk } from '../db/chunks';
import type { LineageDb } from '../db/lineage-db';
import { putStagedChunks } from '../db/staged-import';

export class WritePipeline {
  private inFlight: Promise<void> | undefined;

  constructor(private readonly db: LineageDb) {}

  /** Waits for the previous write (throwing its error), then starts writing `chunks` without waiting for it. */
  async put(chunks: ReadonlyArray<RecordChunk>): Promise<void> {
    await this.flush();
    if (chunks.length === 0) return;
    const write = putStagedChunks(this.db, chunks);
    // Kept from being reported as unhandled; its error is thrown by the next put() or flush().
    write.catch(() => undefined);
    this.inFlight = write;
  }

  /** Waits for the write in flight; throws when it failed. */
  async flush(): Promise<void> {
    const write = this.inFlight;
    this.inFlight = undefined;
    if (write) await write;
  }

  /** Waits for the write in flight to end, whatever its outcome (before discarding a cancelled import). */
  async settle(): Promise<void> {
    await this.flush().catch(() => undefined);
  }
}
