/** The case list and which case is open. Actions call the database and the sample import. */
import { create } from 'zustand';
import { caseFromActivity } from '../../shared/case/case-actions';
import type { CaseSeverity } from '../../shared/case/case-types';
import { getApi } from '../api';
import { currentActor, selectReviewerName, useReviewer } from '../case/reviewer-store';
import { db } from '../db/instance';
import type { CaseWithLog } from '../db/case-log';
import { type CaseSummary, type CasesData, initialCasesData } from './cases-initial';
import { openSampleCase } from './sample-import';
import { createCase, listCasesWithActivity } from '../db/case-log';

/** What the New investigation dialog asks. */
export interface NewCaseInput {
  readonly title: string;
  readonly severity: CaseSeverity;
  readonly owner: string;
  readonly description: string;
}

export interface CasesState extends CasesData {
  readonly refresh: () => Promise<void>;
  readonly openSample: () => Promise<void>;
  readonly createCase: (input: NewCaseInput) => Promise<void>;
  readonly openCase: (id: string) => void;
  readonly closeCase: () => void;
  /** Shows the Sources screen of a case (or of all sources, without one). */
  readonly openSources: (caseId?: string) => void;
  /** Back from the Sources screen: to its case, or to the case list. */
  readonly closeSources: () => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A case-list row: the case its log describes, or why the log cannot be read as one. */
export function summarize({ record, activity }: CaseWithLog): CaseSummary {
  try {
    return { record, case: caseFromActivity(activity), entries: activity.length };
  } catch (error) {
    return { record, entries: activity.length, error: message(error) };
  }
}

/** The owner of a case opened without asking (the sample): the reviewer's name, if one is set. */
const defaultOwner = () => selectReviewerName(useReviewer.getState()) || 'unassigned';

export const useCases = create<CasesState>()((set, get) => ({
  ...initialCasesData,
  refresh: async () => {
    set({ status: 'loading', error: undefined });
    try {
      const cases = (await listCasesWithActivity(db)).map(summarize);
      set({ cases, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: `Could not read the local store: ${message(error)}` });
    }
  },
  openSample: async () => {
    set({ progress: 'Loading the sample investigation…', error: undefined });
    try {
      const opened = { owner: defaultOwner(), actor: currentActor() };
      const id = await openSampleCase(getApi(), db, (progress) => set({ progress }), opened);
      await get().refresh();
      set({ openCaseId: id, progress: undefined });
    } catch (error) {
      set({ progress: undefined, error: `Could not open the sample investigation: ${message(error)}` });
    }
  },
  createCase: async ({ title, severity, owner, description }) => {
    const id = `case-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      // The first owner named becomes the reviewer's name (editable on the case list).
      if (!useReviewer.getState().name && owner !== 'unassigned') useReviewer.getState().setName(owner);
      await createCase(db, { id, title, description, sourceIds: [], severity, owner, actor: currentActor() });
      await get().refresh();
      // A new investigation starts without evidence: import it first.
      set({ openCaseId: id, sourcesOpen: true });
    } catch (error) {
      set({ error: `Could not create the investigation: ${message(error)}` });
    }
  },
  openCase: (id) => set({ openCaseId: id, sourcesOpen: false, error: undefined }),
  closeCase: () => {
    set({ openCaseId: undefined, sourcesOpen: false });
    void get().refresh();
  },
  openSources: (caseId) => set({ openCaseId: caseId, sourcesOpen: true, error: undefined }),
  closeSources: () => {
    set({ sourcesOpen: false });
    if (!get().openCaseId) void get().refresh();
  },
}));

export const selectCases = (s: CasesState) => s.cases;
export const selectCasesStatus = (s: CasesState) => s.status;
export const selectCasesProgress = (s: CasesState) => s.progress;
export const selectCasesError = (s: CasesState) => s.error;
export const selectOpenCaseId = (s: CasesState) => s.openCaseId;
export const selectOpenSample = (s: CasesState) => s.openSample;
export const selectCreateCase = (s: CasesState) => s.createCase;
export const selectOpenCase = (s: CasesState) => s.openCase;
export const selectCloseCase = (s: CasesState) => s.closeCase;
export const selectRefresh = (s: CasesState) => s.refresh;
export const selectSourcesOpen = (s: CasesState) => s.sourcesOpen;
export const selectOpenSources = (s: CasesState) => s.openSources;
export const selectCloseSources = (s: CasesState) => s.closeSources;
