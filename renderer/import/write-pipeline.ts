/**
 * Writes a staging source's chunks with up to `depth` writes in flight while the importer parses the next ones:
 * the records are cloned into IndexedDB when a write starts (in this thread), but the transaction's commit to disk
 * happens in the browser's storage process — waiting for it before parsing on would leave this worker idle, and
 * waiting for it before starting the next write would leave the storage process idle while this thread clones.
 */
import type { RecordChunk } from '../db/chunks';
import type { LineageDb } from '../db/lineage-db';
import { putStagedChunks } from '../db/staged-import';
import type { ImportTimings } from './import-timings';

/** Writes in flight by default: the next one is cloned and queued while the storage process commits the last. */
export const WRITE_DEPTH = 2;

export class WritePipeline {
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly db: LineageDb,
    private readonly timings?: ImportTimings,
    private readonly depth: number = WRITE_DEPTH,
  ) {}

  /**
   * Waits until fewer than `depth` writes are in flight (throwing the first error), then starts writing `chunks`
   * without waiting for it. The synchronous part of the start (Dexie's puts: the structured clone) is timed as `clone`.
   */
  async put(chunks: ReadonlyArray<RecordChunk>): Promise<void> {
    const room = async () => {
      while (this.inFlight.length >= this.depth) await this.inFlight.shift();
    };
    if (this.timings) await this.timings.wait('write-wait', room);
    else await room();
    if (chunks.length === 0) return;
    const start = () => putStagedChunks(this.db, chunks);
    const write = this.timings ? this.timings.time('clone', start) : start();
    // Kept from being reported as unhandled; its error is thrown by a later put() or flush().
    write.catch(() => undefined);
    this.inFlight.push(write);
  }

  /** Waits for every write in flight; throws when one failed. */
  async flush(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  /** Waits for the writes in flight to end, whatever their outcome (before discarding a cancelled import). */
  async settle(): Promise<void> {
    const writes = this.inFlight.splice(0);
    await Promise.allSettled(writes);
  }
}
