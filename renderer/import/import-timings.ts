/**
 * Where one import's time goes, by phase: reading bytes, UTF-8 decoding, the importer (parse and normalize),
 * gathering chunks, handing chunks to IndexedDB (the structured clone), waiting for the write before to commit,
 * waiting for the hash, and the commit. Each is wall time in the worker: a wait includes the microtasks that run
 * meanwhile. The import worker publishes the split as a performance mark for the benchmark.
 */
export type ImportPhaseName =
  'read' | 'decode' | 'hand-to-hash' | 'importer' | 'chunk' | 'clone' | 'write-wait' | 'hash-wait' | 'commit';

/** The performance mark whose `detail` holds the last import's split (import-worker.ts, bench/import-browser.ts). */
export const TIMINGS_MARK = 'lineage-import-timings';

export class ImportTimings {
  private readonly totals: Partial<Record<ImportPhaseName, number>> = {};

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `work`, adding its time to `phase`. */
  time<T>(phase: ImportPhaseName, work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      this.add(phase, this.now() - start);
    }
  }

  /** Awaits `work`, adding the time to `phase`. */
  async wait<T>(phase: ImportPhaseName, work: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await work();
    } finally {
      this.add(phase, this.now() - start);
    }
  }

  add(phase: ImportPhaseName, ms: number): void {
    this.totals[phase] = (this.totals[phase] ?? 0) + ms;
  }

  /** Milliseconds per phase, rounded. */
  result(): Readonly<Partial<Record<ImportPhaseName, number>>> {
    const out: Partial<Record<ImportPhaseName, number>> = {};
    for (const [phase, ms] of Object.entries(this.totals)) out[phase as ImportPhaseName] = Math.round(ms);
    return out;
  }
}
