/**
 * The imports of this window: one row per file (queued, in progress, done, cancelled or failed) with its
 * progress, fed by the import worker. The UI thread only posts messages and stores the worker's reports.
 */
import { create } from 'zustand';
import type { FromWorker, ImportEnd, ImportProgress, TextInput, ToWorker } from './worker-protocol';

export interface ImportJob {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly caseId?: string;
  readonly progress?: ImportProgress;
  readonly end?: ImportEnd;
}

export interface ImportState {
  readonly jobs: ReadonlyArray<ImportJob>;
  /** Bumped whenever an import ends, so screens that list sources reload. */
  readonly finished: number;
  readonly importFiles: (files: ReadonlyArray<{ readonly file: File; readonly name: string }>, caseId?: string) => void;
  readonly importText: (text: TextInput, caseId?: string) => void;
  readonly cancel: (jobId: string) => void;
  readonly clearEnded: () => void;
}

/** The worker: created on first use; a test or benchmark may set its own factory. */
let createWorker = () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
let worker: Worker | undefined;
let nextId = 1;

/** Replaces how the worker is made (tests). */
export function setImportWorkerFactory(factory: () => Worker): void {
  createWorker = factory;
  worker = undefined;
}

export const useImports = create<ImportState>()((set, get) => {
  const update = (id: string, patch: Partial<ImportJob>) =>
    set({ jobs: get().jobs.map((job) => (job.id === id ? { ...job, ...patch } : job)) });

  const send = (message: ToWorker) => {
    if (!worker) {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const data = event.data;
        if (data.type === 'progress') update(data.jobId, { progress: data.progress });
        else {
          update(data.jobId, { end: data.end });
          set({ finished: get().finished + 1 });
        }
      };
      worker.onerror = (event) => {
        const reason = `The import worker stopped: ${event.message || 'unknown error'}`;
        for (const job of get().jobs) if (!job.end) update(job.id, { end: { status: 'failed', reason } });
        worker = undefined;
        set({ finished: get().finished + 1 });
      };
    }
    worker.postMessage(message);
  };

  const enqueue = (name: string, size: number, caseId: string | undefined, input: ToWorker & { type: 'import' }) => {
    set({ jobs: [...get().jobs, { id: input.jobId, name, size, ...(caseId ? { caseId } : {}) }] });
    send(input);
  };

  return {
    jobs: [],
    finished: 0,
    importFiles: (files, caseId) => {
      for (const { file, name } of files) {
        const jobId = `import-${nextId++}`;
        enqueue(name, file.size, caseId, {
          type: 'import',
          jobId,
          input: { file, name },
          ...(caseId ? { caseId } : {}),
        });
      }
    },
    importText: (text, caseId) => {
      const jobId = `import-${nextId++}`;
      enqueue(text.name, text.size, caseId, { type: 'import', jobId, input: { text }, ...(caseId ? { caseId } : {}) });
    },
    cancel: (jobId) => {
      if (get().jobs.some((j) => j.id === jobId && !j.end)) send({ type: 'cancel', jobId });
    },
    clearEnded: () => set({ jobs: get().jobs.filter((j) => !j.end) }),
  };
});

export const selectJobs = (s: ImportState) => s.jobs;
export const selectFinished = (s: ImportState) => s.finished;
export const selectImportFiles = (s: ImportState) => s.importFiles;
export const selectImportText = (s: ImportState) => s.importText;
export const selectCancel = (s: ImportState) => s.cancel;
export const selectClearEnded = (s: ImportState) => s.clearEnded;
