/**
 * The open case's record: its hash-chained activity log, the chain's verdict (checked with Web Crypto SHA-256 when
 * the case is opened) and the case the log describes (`caseFromActivity`). Every action goes through `record`,
 * which appends to the stored log; nothing is recorded onto a broken chain. Apart from the chain, the sources the
 * case cites are re-checked on disk once per opening (`checkCitations`).
 */
import { create } from 'zustand';
import { type ChainVerdict, verifyChain } from '../../shared/case/activity-log';
import { type Act, type CaseAction, caseFromActivity } from '../../shared/case/case-actions';
import type { ActivityEntry, Case } from '../../shared/case/case-types';
import type { CitationReport } from '../case/citation-check';
import { currentActor } from '../case/reviewer-store';
import { webSha256 } from '../case/web-sha256';
import { db } from '../db/instance';
import { readActivity, recordCaseAction } from '../db/case-log';
import type { CaseRecord } from '../db/lineage-db';

export interface CaseLogData {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly caseId?: string;
  readonly activity: ReadonlyArray<ActivityEntry>;
  /** The case the log describes; absent when the log cannot be read as a case. */
  readonly case?: Case;
  /** The chain's verdict when the case was opened (and after each action). */
  readonly chain?: ChainVerdict;
  /** Why the last action (or reading the log) failed. */
  readonly error?: string;
  /** The re-check of the case's cited sources on disk, run once per opening (see case/citation-check.ts). */
  readonly citations?: CitationCheck;
}

export type CitationCheck =
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly report: CitationReport }
  | { readonly status: 'failed'; readonly error: string };

export interface CaseLogState extends CaseLogData {
  readonly load: (caseId: string) => Promise<void>;
  /**
   * Records one action as the current reviewer, now, with `rowChange` to the case's row in the same transaction (an
   * analytical choice the row keeps, e.g. the onset); resolves to whether it was recorded.
   */
  readonly record: (action: CaseAction, rowChange?: Partial<Omit<CaseRecord, 'id'>>) => Promise<boolean>;
  readonly reset: () => void;
  /** Runs `check` once for the open case (a second call while it is open does nothing) and keeps its report. */
  readonly checkCitations: (caseId: string, check: () => Promise<CitationReport>) => Promise<void>;
}

// Every key explicit: zustand's `set` merges, so a key left out would survive a reset (e.g. the last case's check).
const initial: CaseLogData = {
  status: 'idle',
  caseId: undefined,
  activity: [],
  case: undefined,
  chain: undefined,
  error: undefined,
  citations: undefined,
};
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useCaseLog = create<CaseLogState>()((set, get) => {
  const recordNow = async (action: CaseAction, rowChange?: Partial<Omit<CaseRecord, 'id'>>): Promise<boolean> => {
    const { caseId, chain } = get();
    if (!caseId || !chain?.ok) return false;
    try {
      const act: Act & CaseAction = { ...action, time: new Date().toISOString(), actor: currentActor() };
      const next = await recordCaseAction(db, caseId, act, rowChange);
      if (get().caseId !== caseId) return false;
      set({
        activity: next.activity,
        case: next.case,
        chain: { ok: true, entries: next.activity.length },
        error: undefined,
      });
      return true;
    } catch (e) {
      set({ error: message(e) });
      return false;
    }
  };
  let recording: Promise<boolean> = Promise.resolve(true);
  return {
    ...initial,
    load: async (caseId) => {
      set({ ...initial, status: 'loading', caseId });
      try {
        const activity = await readActivity(db, caseId);
        const chain = await verifyChain(activity, webSha256);
        let state: Case | undefined;
        let error: string | undefined;
        try {
          state = caseFromActivity(activity);
        } catch (e) {
          error = `The activity log cannot be read as a case: ${message(e)}`;
        }
        if (get().caseId === caseId) set({ status: 'ready', activity, chain, case: state, error });
      } catch (e) {
        if (get().caseId === caseId)
          set({ status: 'error', error: `Could not read the case's activity: ${message(e)}` });
      }
    },
    // One action at a time: two recorded at once (a choice saved while another is) would each read the same head,
    // and the second would be refused as another window's write.
    record: (action, rowChange) => {
      const run = recording.then(() => recordNow(action, rowChange));
      recording = run;
      return run;
    },
    reset: () => set(initial),
    checkCitations: async (caseId, check) => {
      if (get().caseId !== caseId || get().citations) return;
      set({ citations: { status: 'checking' } });
      let citations: CitationCheck;
      try {
        citations = { status: 'done', report: await check() };
      } catch (e) {
        citations = { status: 'failed', error: `Could not re-check the cited sources: ${message(e)}` };
      }
      if (get().caseId === caseId) set({ citations });
    },
  };
});

export const selectLogStatus = (s: CaseLogState) => s.status;
export const selectActivity = (s: CaseLogState) => s.activity;
export const selectCase = (s: CaseLogState) => s.case;
export const selectChain = (s: CaseLogState) => s.chain;
export const selectLogError = (s: CaseLogState) => s.error;
export const selectRecord = (s: CaseLogState) => s.record;
export const selectLoadLog = (s: CaseLogState) => s.load;
export const selectResetLog = (s: CaseLogState) => s.reset;
export const selectCitations = (s: CaseLogState) => s.citations;
export const selectCheckCitations = (s: CaseLogState) => s.checkCitations;
/** Can the reviewer record actions now (a case is open and its chain holds)? */
export const selectCanRecord = (s: CaseLogState) => Boolean(s.caseId && s.case && s.chain?.ok);
