/**
 * The import worker: parses and stores files off the UI thread. One import runs at a time (queued in
 * order); each may be cancelled. Started by import-client.ts with
 * `new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })`.
 */
/// <reference lib="webworker" />
import { LineageDb } from '../db/lineage-db';
import { runImport, type ImportInputSource } from './run-import';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const databases = new Map<string, LineageDb>();
const cancelled = new Set<string>();
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker) => scope.postMessage(message);

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
    const end = cancelled.has(jobId)
      ? ({ status: 'cancelled' } as const)
      : await runImport(database(dbName), source, {
          ...(caseId ? { caseId } : {}),
          ...(mapping ? { mapping } : {}),
          cancelled: () => cancelled.has(jobId),
          onProgress: (progress) => post({ type: 'progress', jobId, progress }),
        });
    cancelled.delete(jobId);
    post({ type: 'end', jobId, end });
  });
};
