/**
 * For tests of imports that do not complete: a file whose reads stop part-way (the app killed while it waited for the
 * disk, or the disk gone), a clock that moves on each read, and connections to one test database — a new one is
 * another window, or the app's next start.
 */
import { LineageDb } from '../db/lineage-db';

/**
 * `bytes` as the import reads them (`slice().arrayBuffer()`), until byte `cut`: there the read never returns (the
 * app was closed or killed while it waited for the disk) or fails (the disk or the network share went away).
 */
export function fileCutAt(bytes: Uint8Array<ArrayBuffer>, cut: number, how: 'never returns' | 'fails'): Blob {
  const whole = new Blob([bytes]);
  return {
    size: whole.size,
    type: '',
    slice: (start?: number, end?: number) =>
      (start ?? 0) < cut
        ? whole.slice(start, end)
        : ({
            arrayBuffer: () =>
              how === 'fails'
                ? Promise.reject(new Error('NotReadableError: the file could not be read'))
                : new Promise<ArrayBuffer>(() => undefined),
          } as Blob),
  } as Blob;
}

/** A clock that moves `stepMs` each time it is read, so progress is reported (and saved) every few pieces. */
export function steppingClock(stepMs = 400): () => number {
  let t = 0;
  return () => (t += stepMs);
}

/** Connections to the database `name`, each a window of the app; `close()` ends them all and deletes it. */
export class TestConnections {
  private readonly opened: LineageDb[] = [];

  constructor(private readonly name: string) {}

  open(): LineageDb {
    const db = new LineageDb(this.name);
    this.opened.push(db);
    return db;
  }

  async close(): Promise<void> {
    const last = this.opened.at(-1);
    for (const db of this.opened) db.close();
    if (last) await last.delete();
    this.opened.length = 0;
  }
}
