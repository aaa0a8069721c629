/** The Sources screen's data: the sources listed (a case's, or all), their issues once expanded, and removal. */
import { create } from 'zustand';
import { db } from '../db/instance';
import type { SourceIssues, StoredSource } from '../db/lineage-db';
import { listCompleteSources, removeSource } from '../db/staged-import';

export interface SourcesState {
  readonly sources: ReadonlyArray<StoredSource>;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error?: string;
  readonly issues: Readonly<Record<string, SourceIssues | undefined>>;
  /** Loads the sources of a case (in its order), or every source when `caseId` is undefined. */
  readonly load: (caseId?: string) => Promise<void>;
  readonly loadIssues: (sourceId: string) => Promise<void>;
  readonly remove: (sourceId: string, caseId?: string) => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useSources = create<SourcesState>()((set, get) => ({
  sources: [],
  status: 'idle',
  issues: {},
  load: async (caseId) => {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: undefined });
    try {
      const ids = caseId ? ((await db.getCase(caseId))?.sourceIds ?? []) : undefined;
      set({ sources: await listCompleteSources(db, ids), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: `Could not read the sources: ${message(error)}` });
    }
  },
  loadIssues: async (sourceId) => {
    if (get().issues[sourceId]) return;
    const issues = (await db.sourceIssues.get(sourceId)) ?? { sourceId, rejections: [], warnings: [] };
    set({ issues: { ...get().issues, [sourceId]: issues } });
  },
  remove: async (sourceId, caseId) => {
    try {
      await removeSource(db, sourceId);
      await get().load(caseId);
    } catch (error) {
      set({ error: `Could not remove the source: ${message(error)}` });
    }
  },
}));

export const selectSources = (s: SourcesState) => s.sources;
export const selectSourcesStatus = (s: SourcesState) => s.status;
export const selectSourcesError = (s: SourcesState) => s.error;
export const selectIssues = (s: SourcesState) => s.issues;
export const selectLoadSources = (s: SourcesState) => s.load;
export const selectLoadIssues = (s: SourcesState) => s.loadIssues;
export const selectRemoveSource = (s: SourcesState) => s.remove;
