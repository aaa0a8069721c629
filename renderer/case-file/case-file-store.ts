/**
 * The case file open read-only (a reviewer's view): its text, what it holds, the main process's verification, and
 * the fingerprints the reviewer pinned. Opening verifies (`caseFile:open`); signing a review chains the reviewer's
 * annotations and verdict and signs them with this app's key (`caseFile:review`), then opens the reviewed file.
 */
import { create } from 'zustand';
import type { PortableCaseFile } from '../../shared/case/case-file-format';
import { parseCaseFile } from '../../shared/case/portable-case-verify';
import type { CaseFileReviewAction, CaseFileVerdictView } from '../../shared/ipc/case-file-channels';
import { getApi } from '../api';
import { normalFingerprint } from './signature-status';

export interface OpenedCaseFile {
  readonly name: string;
  readonly text: string;
  readonly file: PortableCaseFile;
  readonly verdict: CaseFileVerdictView;
  /** This app's own key (the reviewer's, on the reviewer's machine). */
  readonly localFingerprint: string;
  /** Set once this app signed a review onto the file (the text is then the reviewed file). */
  readonly reviewedHere?: boolean;
}

export interface CaseFileState {
  readonly opened?: OpenedCaseFile;
  readonly busy: boolean;
  readonly error?: string;
  readonly pinned: ReadonlyArray<string>;
  readonly open: (name: string, text: string) => Promise<boolean>;
  readonly review: (reviewer: string, actions: ReadonlyArray<CaseFileReviewAction>) => Promise<boolean>;
  readonly pin: (fingerprint: string) => void;
  readonly close: () => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function verified(name: string, text: string): Promise<OpenedCaseFile> {
  // Parsed here too, naming the file: the main process verifies, the view shows what the file holds.
  const file = parseCaseFile(text, name);
  const { verdict, localFingerprint } = await getApi().invoke('caseFile:open', { text });
  return { name, text, file, verdict, localFingerprint };
}

export const useCaseFile = create<CaseFileState>()((set, get) => ({
  opened: undefined,
  busy: false,
  error: undefined,
  pinned: [],
  open: async (name, text) => {
    set({ busy: true, error: undefined });
    try {
      set({ opened: await verified(name, text), busy: false });
      return true;
    } catch (e) {
      set({ busy: false, error: message(e) });
      return false;
    }
  },
  review: async (reviewer, actions) => {
    const opened = get().opened;
    if (!opened) return false;
    set({ busy: true, error: undefined });
    try {
      const out = await getApi().invoke('caseFile:review', { text: opened.text, reviewer, actions });
      const next = await verified(opened.name, out.text);
      set({ opened: { ...next, reviewedHere: true }, busy: false });
      return true;
    } catch (e) {
      set({ busy: false, error: message(e) });
      return false;
    }
  },
  pin: (fingerprint) => {
    const fp = normalFingerprint(fingerprint);
    if (!get().pinned.includes(fp)) set({ pinned: [...get().pinned, fp] });
  },
  close: () => set({ opened: undefined, error: undefined, busy: false }),
}));

export const selectOpenedCaseFile = (s: CaseFileState) => s.opened;
/** The read-only view is on screen: a file is open, or opening one failed (the view names why). */
export const selectCaseFileShown = (s: CaseFileState) => s.opened !== undefined || s.error !== undefined;
export const selectCaseFileBusy = (s: CaseFileState) => s.busy;
export const selectCaseFileError = (s: CaseFileState) => s.error;
export const selectPinnedKeys = (s: CaseFileState) => s.pinned;
export const selectOpenCaseFileText = (s: CaseFileState) => s.open;
export const selectReviewCaseFile = (s: CaseFileState) => s.review;
export const selectPinKey = (s: CaseFileState) => s.pin;
export const selectCloseCaseFile = (s: CaseFileState) => s.close;

/** Asks for a case file and opens it read-only; an error stays in the store (the case list shows it). */
export async function chooseAndOpenCaseFile(pick: () => Promise<{ name: string; text: string } | null>): Promise<void> {
  try {
    const picked = await pick();
    if (picked) await useCaseFile.getState().open(picked.name, picked.text);
  } catch (e) {
    useCaseFile.setState({ error: message(e) });
  }
}
