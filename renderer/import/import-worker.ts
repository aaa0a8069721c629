/**
 * The import worker: parses and stores files off the UI thread. One import runs at a time (queued in
 * order); each may be cancelled. Started by import-client.ts with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`.
 */
/// <reference lib="webworker" />
import { LineageDb } from '../db/lineage-db';
import { type FileHasher, workerHasher } from './file-hasher';
import { browserLocks, type ImportHolder, withImportLock } from './import-lock';
import { ImportTimings, TIMINGS_MARK } from './import-timings';
import { runImport, type ImportInputSource } from './run-import';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const databases = new Map<string, LineageDb>();
const cancelled = new Set<string>();
/** Aborts the wait for the import lock of a job cancelled while another window imports. */
const waits = new Map<string, AbortController>();
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker) => scope.postMessage(message);
/** A large file's SHA-256 is computed in a second worker, on the other core, while this one parses it. */
let hashedIn: FileHasher['where'] | undefined;
const hasher = () => {
  const made = workerHasher(() => new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' }));
  hashedIn = made.where;
  return made;
};

const DEFAULT_DB = 'lineage-investigator';

function database(name = DEFAULT_DB): LineageDb {
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
    waits.get(message.jobId)?.abort();
    return;
  }
  const { jobId, input, caseId, dbName, mapping } = message;
  const source: ImportInputSource =
    'file' in input
      ? { file: input.file, name: input.name, ...(input.dbtSeedOf !== undefined && { dbtSeedOf: input.dbtSeedOf }) }
      : { text: input.text };
  queue = queue.then(async () => {
    const timings = new ImportTimings();
    hashedIn = undefined;
    const db = database(dbName);
    const holder: ImportHolder = {
      token: crypto.randomUUID(),
      file: 'file' in input ? input.name : input.text.name,
      ...(caseId ? { caseId, caseTitle: (await db.getCase(caseId).catch(() => undefined))?.title } : {}),
      since: new Date().toISOString(),
    };
    const run = () =>
      runImport(db, source, {
        ...(caseId ? { caseId } : {}),
        ...(mapping ? { mapping } : {}),
        cancelled: () => cancelled.has(jobId),
        hasher,
        timings,
        holder: holder.token,
        onProgress: (progress) => post({ type: 'progress', jobId, progress }),
      });
    const locks = browserLocks();
    const wait = new AbortController();
    waits.set(jobId, wait);
    const size = 'file' in input ? input.file.size : input.text.size;
    const onWait = (heldBy: ImportHolder | undefined) =>
      post({
        type: 'progress',
        jobId,
        progress: { phase: 'waiting', bytes: 0, totalBytes: size, records: 0, bytesPerSecond: 0, heldBy },
      });
    const end = cancelled.has(jobId)
      ? ({ status: 'cancelled' } as const)
      : !locks
        ? await run()
        : await withImportLock(locks, dbName ?? DEFAULT_DB, holder, run, { onWait, signal: wait.signal }).catch(
            // The import never ran: cancelled while it waited, or a context without locks (an opaque origin) refused
            // the request — then it runs unguarded, as where there is no Web Locks API at all.
            (): ReturnType<typeof run> => (cancelled.has(jobId) ? Promise.resolve({ status: 'cancelled' }) : run()),
          );
    waits.delete(jobId);
    cancelled.delete(jobId);
    // Where the time went, for bench/import-browser.ts (read in this worker's performance timeline).
    performance.mark(TIMINGS_MARK, { detail: { jobId, status: end.status, hashedIn, ...timings.result() } });
    post({ type: 'end', jobId, end });
  });
};
