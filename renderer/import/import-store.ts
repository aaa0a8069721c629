/**
 * The imports of this window: one row per file (queued, in progress, done, cancelled or failed) with its
 * progress, fed by the import worker. The UI thread only posts messages and stores the worker's reports.
 */
import { create } from 'zustand';
import type { TablePreview } from '../../shared/importers/csv-format';
import { dbtSeedsAmong, isDbtProjectFile } from '../../shared/importers/dbt-seeds';
import type { ImportMapping } from '../../shared/importers/mapping';
import { currentActor } from '../case/reviewer-store';
import { db } from '../db/instance';
import type { StoredSource } from '../db/lineage-db';
import { logMappingChange } from '../db/mapping-change-log';
import { useCaseLog } from '../stores/case-log-store';
import { originPathOf, rememberOrigin } from './file-origins';
import type { PickedFile } from './picked-inputs';
import { checkPickedAgain, tablePreviewOf } from './pick-again';
import { clearRemapped, REMAP_DB_NAME, remapDatabase, swapInRemapped } from './replace-source';
import type { FromWorker, ImportEnd, ImportProgress, TextInput, ToWorker } from './worker-protocol';

/** A file the import found but could not read without a column mapping (a CSV, or JSON lines of other fields). */
export interface MappingRequest {
  readonly jobId: string;
  readonly file: File;
  readonly name: string;
  readonly caseId?: string;
  /** The source stored without records (or through another mapping), replaced when the file is re-imported. */
  readonly sourceId: string;
  readonly preview: TablePreview;
  /** The mapping the source was imported through, when it is being changed. */
  readonly current?: ImportMapping;
}

export interface ImportJob {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly caseId?: string;
  readonly progress?: ImportProgress;
  readonly end?: ImportEnd;
  /** What went wrong beside the import itself (a case's log that did not take its changed mapping). */
  readonly note?: string;
}

export interface ImportState {
  readonly jobs: ReadonlyArray<ImportJob>;
  /** Bumped whenever an import ends, so screens that list sources reload. */
  readonly finished: number;
  readonly importFiles: (files: ReadonlyArray<PickedFile>, caseId?: string) => void;
  readonly importText: (text: TextInput, caseId?: string) => void;
  readonly cancel: (jobId: string) => void;
  readonly clearEnded: () => void;
  /** Files waiting for a column mapping, first shown first. */
  readonly mappingRequests: ReadonlyArray<MappingRequest>;
  /**
   * Replaces the source by the file imported through `mapping` (saved on the source): staged whole apart, then
   * swapped in one transaction, so a cancelled or failed re-import leaves the source as it was.
   */
  readonly importWithMapping: (request: MappingRequest, mapping: ImportMapping) => Promise<void>;
  readonly dismissMapping: (jobId: string) => void;
  /**
   * Opens the mapping dialog for a stored source in any later session, with its file picked again: refused, with
   * the reason returned, when the file is not the source's (another SHA-256) or holds no table.
   */
  readonly requestMapping: (source: StoredSource, file: File, caseId?: string) => Promise<string | undefined>;
}

/** The picked files of running imports, kept until they end in case one needs a mapping; with their path on disk. */
const picked = new Map<
  string,
  { readonly file: File; readonly name: string; readonly caseId?: string; readonly path: Promise<string | undefined> }
>();
/** Re-imports through a mapping, staged apart: the source each replaces and the case it joins. */
const remaps = new Map<string, { readonly sourceId: string; readonly caseId?: string }>();

/** The table preview of a source stored without records, when a mapping could read it (CSV or flat JSON lines). */
async function mappable(source: StoredSource, file: File): Promise<TablePreview | undefined> {
  if (source.mapping || Object.values(source.counts).some((n) => n > 0)) return undefined;
  if (source.detected !== 'csv' && source.detected !== 'unknown') return undefined;
  const preview = await tablePreviewOf(file);
  if (preview?.format === 'csv') return preview;
  const first = preview?.rows[0] ?? {};
  const scalars = Object.values(first).filter((v) => v !== '' && !/^[[{]/.test(v)).length;
  return preview && scalars >= 2 ? preview : undefined;
}

/**
 * Writes the source's changed mapping to the log of each case that cites it (mapping-change-log.ts), reading the open
 * case's log again when it is one; resolves with the cases whose log did not take it, or undefined.
 */
async function logRemapping(source: StoredSource, before: StoredSource['mapping']): Promise<string | undefined> {
  const act = { time: new Date().toISOString(), actor: currentActor() };
  const { logged, unlogged } = await logMappingChange(db, { source }, before, source.mapping, act);
  const open = useCaseLog.getState().caseId;
  if (open && logged.includes(open)) await useCaseLog.getState().load(open);
  if (unlogged.length === 0) return undefined;
  return unlogged
    .map((u) => `The changed mapping of “${source.name}” is not in case ${u.caseId}'s log: ${u.reason}`)
    .join(' ');
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
        else void ended(data.jobId, data.end);
      };
      worker.onerror = (event) => {
        const reason = `The import worker stopped: ${event.message || 'unknown error'}`;
        for (const job of get().jobs) if (!job.end) update(job.id, { end: { status: 'failed', reason } });
        remaps.clear();
        worker = undefined;
        set({ finished: get().finished + 1 });
      };
    }
    worker.postMessage(message);
  };

  /** One import ended: a re-import is swapped in, a path is recorded, then the job shows its end. */
  const ended = async (jobId: string, workerEnd: ImportEnd) => {
    let end = workerEnd;
    const remap = remaps.get(jobId);
    remaps.delete(jobId);
    const input = picked.get(jobId);
    picked.delete(jobId);
    const source = 'source' in end ? end.source : undefined;
    let note: string | undefined;
    try {
      if (remap && source) {
        const before = (await db.sources.get(remap.sourceId))?.mapping;
        const swapped = await swapInRemapped(db, remapDatabase(), remap.sourceId, remap.caseId);
        end = { status: 'imported', source: swapped };
        // The records are swapped: a log that cannot be written is named, never a failed import.
        note = await logRemapping(swapped, before).catch(
          (error: unknown) => `The changed mapping of “${swapped.name}” is in no case's log: ${String(error)}`,
        );
      }
    } catch (error) {
      end = {
        status: 'failed',
        reason: `${source?.name ?? jobId}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const path = input && source ? await input.path : undefined;
    // Not knowing where the file lies only leaves the source not re-checked later: never a failed import.
    if (path && source) await rememberOrigin(db, source.id, path).catch(() => undefined);
    update(jobId, { end, ...(note && { note }) });
    set({ finished: get().finished + 1 });
    if (input && source && !remap) {
      const preview = await mappable(source, input.file);
      if (!preview) return;
      const { path: _path, ...request } = input;
      set({ mappingRequests: [...get().mappingRequests, { jobId, ...request, sourceId: source.id, preview }] });
    }
  };

  const enqueue = (name: string, size: number, caseId: string | undefined, input: ToWorker & { type: 'import' }) => {
    set({ jobs: [...get().jobs, { id: input.jobId, name, size, ...(caseId ? { caseId } : {}) }] });
    send(input);
  };

  return {
    jobs: [],
    finished: 0,
    importFiles: (files, caseId) => {
      const start = (seedOf: (file: PickedFile) => string | undefined) => {
        for (const input of files) {
          const { file, name } = input;
          const jobId = `import-${nextId++}`;
          const dbtSeedOf = seedOf(input);
          picked.set(jobId, { file, name, ...(caseId ? { caseId } : {}), path: originPathOf(file) });
          enqueue(name, file.size, caseId, {
            type: 'import',
            jobId,
            input: { file, name, ...(dbtSeedOf !== undefined && { dbtSeedOf }) },
            ...(caseId ? { caseId } : {}),
          });
        }
      };
      // A drop holding a dbt project reads its project files first, for the seeds among the files (dbt-seeds.ts).
      if (!files.some((f) => isDbtProjectFile(f.name))) start(() => undefined);
      else
        void dbtSeedsAmong(
          files,
          (f) => f.name,
          (f) => f.file.text().catch(() => undefined),
        ).then(start);
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
      // Nothing else staged there while no other re-import runs: clear whatever an interrupted one left.
      await clearRemapped(remapDatabase(), remaps.size === 0 ? undefined : request.sourceId);
      const jobId = `import-${nextId++}`;
      const { file, name, caseId } = request;
      remaps.set(jobId, { sourceId: request.sourceId, ...(caseId ? { caseId } : {}) });
      enqueue(name, file.size, caseId, {
        type: 'import',
        jobId,
        input: { file, name },
        mapping,
        dbName: REMAP_DB_NAME,
      });
    },
    dismissMapping: (jobId) => set({ mappingRequests: get().mappingRequests.filter((r) => r.jobId !== jobId) }),
    requestMapping: async (source, file, caseId) => {
      const checked = await checkPickedAgain(source, file);
      if (!checked.ok) return checked.reason;
      const jobId = `mapping-${nextId++}`;
      const request: MappingRequest = {
        jobId,
        file,
        name: source.name,
        sourceId: source.id,
        preview: checked.preview,
        ...(caseId ? { caseId } : {}),
        ...(source.mapping ? { current: source.mapping } : {}),
      };
      set({ mappingRequests: [request, ...get().mappingRequests.filter((r) => r.sourceId !== source.id)] });
      // The same bytes picked in the desktop app: where they lie is now known, if it was not.
      if (!source.origin)
        void originPathOf(file).then((path) => (path ? rememberOrigin(db, source.id, path) : undefined));
      return undefined;
    },
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
export const selectRequestMapping = (s: ImportState) => s.requestMapping;
