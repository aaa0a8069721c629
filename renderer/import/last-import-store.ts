/**
 * The summary of the last import into each case (or into none, from the screen of all sources), kept in
 * localStorage so that it outlives the window's import rows: reopening the Sources screen after a reload still says
 * what the last import imported, skipped and rejected, until the user dismisses it.
 * An import is the files enqueued while others of the same case run: its summary is written once all have ended
 * (`watchImports`, subscribed to the import store).
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { type ImportJob, useImports } from './import-store';
import { type ImportSummary, summarizeImport } from './import-summary';
import type { ImportEnd } from './worker-protocol';

/** The key of the imports into no case. */
const NO_CASE = '';
/** How many cases' summaries are kept: the oldest go first. */
const KEPT = 100;

export const lastImportKey = (caseId: string | undefined): string => caseId ?? NO_CASE;

export interface LastImportState {
  readonly summaries: Readonly<Record<string, ImportSummary>>;
  readonly record: (caseId: string | undefined, summary: ImportSummary) => void;
  readonly dismiss: (caseId: string | undefined) => void;
}

/** Where no localStorage exists (Node-side tests), the summaries live for the session only. */
function sessionStorageFallback(): StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export const useLastImports = create<LastImportState>()(
  persist(
    (set, get) => ({
      summaries: {},
      record: (caseId, summary) => {
        const kept = Object.entries({ ...get().summaries, [lastImportKey(caseId)]: summary })
          .sort(([, a], [, b]) => b.endedAt.localeCompare(a.endedAt))
          .slice(0, KEPT);
        set({ summaries: Object.fromEntries(kept) });
      },
      dismiss: (caseId) => {
        const { [lastImportKey(caseId)]: _dismissed, ...rest } = get().summaries;
        set({ summaries: rest });
      },
    }),
    {
      name: 'lineage-investigator.last-imports',
      version: 1,
      storage: createJSONStorage(() => globalThis.localStorage ?? sessionStorageFallback()),
      partialize: (s) => ({ summaries: s.summaries }),
    },
  ),
);

export const selectLastImport =
  (caseId: string | undefined) =>
  (s: LastImportState): ImportSummary | undefined =>
    s.summaries[lastImportKey(caseId)];
export const selectDismissLastImport = (s: LastImportState) => s.dismiss;

/** One file of an import that ended. */
export interface EndedFile {
  readonly id: string;
  readonly name: string;
  readonly end: ImportEnd;
}

/** What the watcher has seen: the jobs already summarized, and the ended files of each case's running import. */
export interface ImportWatch {
  readonly summarized: Set<string>;
  readonly pending: Map<string, EndedFile[]>;
}

export const newImportWatch = (): ImportWatch => ({ summarized: new Set(), pending: new Map() });

/**
 * Takes the jobs as they are now: each newly ended file joins its case's import; a case none of whose jobs runs any
 * more has ended its import, returned with its files (once). A file cleared from the list before the others ended
 * is still counted.
 */
export function importsEnded(watch: ImportWatch, jobs: ReadonlyArray<ImportJob>): Map<string, EndedFile[]> {
  const running = new Set<string>();
  for (const job of jobs) {
    const key = lastImportKey(job.caseId);
    if (!job.end) running.add(key);
    else if (!watch.summarized.has(job.id)) {
      watch.summarized.add(job.id);
      watch.pending.set(key, [...(watch.pending.get(key) ?? []), { id: job.id, name: job.name, end: job.end }]);
    }
  }
  const ended = new Map<string, EndedFile[]>();
  for (const [key, files] of watch.pending) {
    if (running.has(key)) continue;
    ended.set(key, files);
    watch.pending.delete(key);
  }
  return ended;
}

let watching = false;

/** Writes each import's summary once its last file ends (idempotent: the first call subscribes, for the window). */
export function watchImports(): void {
  if (watching) return;
  watching = true;
  const watch = newImportWatch();
  const check = (jobs: ReadonlyArray<ImportJob>) => {
    for (const [key, files] of importsEnded(watch, jobs)) {
      const summary = summarizeImport(files, new Date().toISOString());
      useLastImports.getState().record(key === NO_CASE ? undefined : key, summary);
    }
  };
  check(useImports.getState().jobs);
  useImports.subscribe((state, previous) => {
    if (state.jobs !== previous.jobs) check(state.jobs);
  });
}
