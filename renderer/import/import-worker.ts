/**
 * The import worker: parses and stores files off the UI thread. One import runs at a time (queued in
 * order); each may be cancelled. Started by import-client.ts with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`.
 */
/// <reference lib="webworker" />
import { LineageDb } from '../db/lineage-db';
import { type FileHasher, workerHasher } from './file-hasher';
import { ImportTimings, TIMINGS_MARK } from './import-timings';
import { runImport, type ImportInputSource } from './run-import';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const databases = new Map<string, LineageDb>();
const cancelled = new Set<string>();
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker) => scope.postMessage(message);
/** A large file's SHA-256 is computed in a second worker, on the other core, while this one parses it. */
let hashedIn: FileHasher['where'] | undefined;
const hasher = () => {
  const made = workerHasher(() => new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' }));
  hashedIn = made.where;
  return made;
};

function database(name = 'lineage-investigator'): LineageDb {
  let db = databases.get(name);
  if (!db) {
    db = new LineageDb(name);
    databases.set(name, db);
  }
  return db;
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancelled.add(message.jobId);
    return;
  }
  const { jobId, input, caseId, dbName, mapping } = message;
  const source: ImportInputSource = 'file' in input ? { file: input.file, name: input.name } : { text: input.text };
  queue = queue.then(async () => {
    const timings = new ImportTimings();
    hashedIn = undefined;
    const end = cancelled.has(jobId)
      ? ({ status: 'cancelled' } as const)
      : await runImport(database(dbName), source, {
          ...(caseId ? { caseId } : {}),
          ...(mapping ? { mapping } : {}),
          cancelled: () => cancelled.has(jobId),
          hasher,
          timings,
          onProgress: (progress) => post({ type: 'progress', jobId, progress }),
        });
    cancelled.delete(jobId);
    // Where the time went, for bench/import-browser.ts (read in this worker's performance timeline).
    performance.mark(TIMINGS_MARK, { detail: { jobId, status: end.status, hashedIn, ...timings.result() } });
    post({ type: 'end', jobId, end });
  });
};
