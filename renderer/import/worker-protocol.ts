/** The messages between the UI thread and the import worker (import-worker.ts). */
import type { ImportMapping } from '../../shared/importers/mapping';
import type { StoredSource } from '../db/lineage-db';
import type { ImportHolder } from './import-lock';

/** Text already read by the main process (e.g. a repository's `git log`), with its SHA-256. */
export interface TextInput {
  readonly name: string;
  readonly text: string;
  readonly sha256: string;
  readonly size: number;
  readonly derivedAs?: 'git-log';
  readonly repository?: string;
  /** For `git-log`: which reader made the text (the source's importer name). */
  readonly gitReader?: 'git-cli' | 'isomorphic-git';
}

export type ToWorker =
  | {
      readonly type: 'import';
      readonly jobId: string;
      /** A File from a drop or a picker, or text from the main process. */
      readonly input:
        { readonly file: File; readonly name: string; readonly dbtSeedOf?: string } | { readonly text: TextInput };
      /** The case the source joins (optional: the Sources screen of all sources imports into none). */
      readonly caseId?: string;
      /** The database name (tests and benchmarks use their own). */
      readonly dbName?: string;
      /** The column mapping to read the file through (saved on the source). */
      readonly mapping?: ImportMapping;
    }
  | { readonly type: 'cancel'; readonly jobId: string };

/** `waiting`: another window holds the import lock (import-lock.ts). */
export type ImportPhase = 'waiting' | 'hashing' | 'importing' | 'committing';

export interface ImportProgress {
  readonly phase: ImportPhase;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly records: number;
  readonly bytesPerSecond: number;
  /** While `waiting`: who holds the import lock (undefined in the instant before it names itself). */
  readonly heldBy?: ImportHolder;
}

/** How one file's import ended. */
export type ImportEnd =
  | { readonly status: 'imported'; readonly source: StoredSource }
  | { readonly status: 'already-imported'; readonly source: StoredSource }
  | { readonly status: 'cancelled' }
  /** Not evidence (an empty file, documentation, a JSON Schema, …): nothing was stored, nothing lost. */
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

export type FromWorker =
  | { readonly type: 'progress'; readonly jobId: string; readonly progress: ImportProgress }
  | { readonly type: 'end'; readonly jobId: string; readonly end: ImportEnd };

/** Seconds left at the current rate, or undefined before there is a rate. Counts both passes (hash, parse). */
export function estimateSeconds(progress: ImportProgress): number | undefined {
  if (progress.bytesPerSecond <= 0 || progress.totalBytes <= 0) return undefined;
  const hashLeft = progress.phase === 'hashing' ? progress.totalBytes - progress.bytes : 0;
  const parseLeft = progress.phase === 'hashing' ? progress.totalBytes : progress.totalBytes - progress.bytes;
  return (hashLeft + parseLeft) / progress.bytesPerSecond;
}
