/**
 * The imports of this window: one row per file (queued, in progress, done, cancelled or failed) with its
 * progress, fed by the import worker. The UI thread only posts messages and stores the worker's reports.
 */
import { create } from 'zustand';
import { previewTable, type TablePreview } from '../../shared/importers/csv-format';
import type { ImportMapping } from '../../shared/importers/mapping';
import { db } from '../db/instance';
import type { StoredSource } from '../db/lineage-db';
import { removeSource } from '../db/staged-import';
import type { FromWorker, ImportEnd, ImportProgress, TextInput, ToWorker } from './worker-protocol';

/** A file the import found but could not read without a column mapping (a CSV, or JSON lines of other fields). */
export interface MappingRequest {
  readonly jobId: string;
  readonly file: File;
  readonly name: string;
  readonly caseId?: string;
  /** The source stored without records, replaced when the file is imported through a mapping. */
  readonly sourceId: string;
  readonly preview: TablePreview;
}

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
  /** Files waiting for a column mapping, first shown first. */
  readonly mappingRequests: ReadonlyArray<MappingRequest>;
  /** Replaces the unmapped source by the file imported through `mapping` (saved on the source). */
  readonly importWithMapping: (request: MappingRequest, mapping: ImportMapping) => Promise<void>;
  readonly dismissMapping: (jobId: string) => void;
}

/** The picked files of running imports, kept until they end in case one needs a mapping. */
const picked = new Map<string, { readonly file: File; readonly name: string; readonly caseId?: string }>();

/** The table preview of a source stored without records, when a mapping could read it (CSV or flat JSON lines). */
async function mappable(source: StoredSource, file: File): Promise<TablePreview | undefined> {
  if (source.mapping || Object.values(source.counts).some((n) => n > 0)) return undefined;
  if (source.detected !== 'csv' && source.detected !== 'unknown') return undefined;
  const preview = previewTable(await file.slice(0, 65536).text());
  if (preview?.format === 'csv') return preview;
  const first = preview?.rows[0] ?? {};
  const scalars = Object.values(first).filter((v) => v !== '' && !/^[[{]/.test(v)).length;
  return preview && scalars >= 2 ? preview : undefined;
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
          const input = picked.get(data.jobId);
          picked.delete(data.jobId);
          const source = 'source' in data.end ? data.end.source : undefined;
          if (input && source) {
            void mappable(source, input.file).then((preview) => {
              if (!preview) return;
              const request = { jobId: data.jobId, ...input, sourceId: source.id, preview };
              set({ mappingRequests: [...get().mappingRequests, request] });
            });
          }
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
        picked.set(jobId, { file, name, ...(caseId ? { caseId } : {}) });
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
    mappingRequests: [],
    importWithMapping: async (request, mapping) => {
      set({ mappingRequests: get().mappingRequests.filter((r) => r.jobId !== request.jobId) });
      await removeSource(db, request.sourceId);
      const jobId = `import-${nextId++}`;
      const { file, name, caseId } = request;
      enqueue(name, file.size, caseId, {
        type: 'import',
        jobId,
        input: { file, name },
        mapping,
        ...(caseId ? { caseId } : {}),
      });
    },
    dismissMapping: (jobId) => set({ mappingRequests: get().mappingRequests.filter((r) => r.jobId !== jobId) }),
  };
});

export const selectJobs = (s: ImportState) => s.jobs;
export const selectFinished = (s: ImportState) => s.finished;
export const selectImportFiles = (s: ImportState) => s.importFiles;
export const selectImportText = (s: ImportState) => s.importText;
export const selectCancel = (s: ImportState) => s.cancel;
export const selectClearEnded = (s: ImportState) => s.clearEnded;
export const selectMappingRequests = (s: ImportState) => s.mappingRequests;
export const selectImportWithMapping = (s: ImportState) => s.importWithMapping;
export const selectDismissMapping = (s: ImportState) => s.dismissMapping;
