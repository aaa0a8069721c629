/**
 * The Sources screen's data: the sources listed (a case's, or all), their issues once expanded, and removal with its
 * undo (the toast's "Undo", Ctrl/⌘+Z): the source is set aside until the undo is no longer offered
 * (source-removal.ts), and the removal and its undo are entries in the log of each case that cited the source
 * (source-removal-log.ts).
 * Re-reading the list is coalesced: while a folder's files end one after another, `load` reads at most once every
 * RELOAD_INTERVAL_MS and once after the last call, instead of once per file.
 */
import { create } from 'zustand';
import { currentActor } from '../case/reviewer-store';
import { db } from '../db/instance';
import type { RemovedSource, SourceIssues, StoredSource } from '../db/lineage-db';
import { finalizeRemoval, restoreSource, setSourceAside } from '../db/source-removal';
import { logSourceChange } from '../db/source-removal-log';
import { listCompleteSources } from '../db/staged-import';
import { useCaseLog } from '../stores/case-log-store';
import { useUndo } from '../undo/undo-store';

export interface SourcesState {
  readonly sources: ReadonlyArray<StoredSource>;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error?: string;
  readonly issues: Readonly<Record<string, SourceIssues | undefined>>;
  /**
   * Loads the sources of a case (in its order), or every source when `caseId` is undefined: at once for another
   * case or after a pause, else coalesced with the calls of the next RELOAD_INTERVAL_MS (resolves once read).
   */
  readonly load: (caseId?: string) => Promise<void>;
  readonly loadIssues: (sourceId: string) => Promise<void>;
  /** Removes a source from every case and the store, offering the undo (the records go once it is not offered). */
  readonly remove: (sourceId: string, caseId?: string) => Promise<void>;
}

/** The shortest time between two reads of the list while calls keep coming (e.g. a folder import). */
export const RELOAD_INTERVAL_MS = 500;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useSources = create<SourcesState>()((set, get) => {
  let latest = 0;
  let lastRead = { at: -Infinity, caseId: undefined as string | undefined };
  let pending: { readonly caseId?: string; readonly done: Promise<void> } | undefined;

  /** Reads the list now; only the latest read started is shown. */
  const read = async (caseId: string | undefined) => {
    const ticket = ++latest;
    lastRead = { at: performance.now(), caseId };
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: undefined });
    try {
      const ids = caseId ? ((await db.getCase(caseId))?.sourceIds ?? []) : undefined;
      const sources = await listCompleteSources(db, ids);
      if (ticket === latest) set({ sources, status: 'ready' });
    } catch (error) {
      if (ticket === latest) set({ status: 'error', error: `Could not read the sources: ${message(error)}` });
    }
  };

  /**
   * Writes the removal or its undo to the log of each case that cited the source, as the current reviewer, and reads
   * the open case's log again when it is one of them; resolves with what could not be logged, or undefined.
   */
  const logged = async (removed: RemovedSource, action: 'source.removed' | 'source.restored', time: string) => {
    const { logged, unlogged } = await logSourceChange(db, removed, action, { time, actor: currentActor() });
    const open = useCaseLog.getState().caseId;
    if (open && logged.includes(open)) await useCaseLog.getState().load(open);
    if (unlogged.length === 0) return undefined;
    const what = action === 'source.removed' ? 'removal' : 'undone removal';
    return unlogged
      .map((u) => `The ${what} of “${removed.source.name}” is not in case ${u.caseId}'s log: ${u.reason}`)
      .join(' ');
  };

  return {
    sources: [],
    status: 'idle',
    issues: {},
    load: (caseId) => {
      const wait = lastRead.at + RELOAD_INTERVAL_MS - performance.now();
      if (caseId !== lastRead.caseId || wait <= 0) {
        pending = undefined;
        return read(caseId);
      }
      if (pending && pending.caseId === caseId) return pending.done;
      const done = new Promise<void>((resolve) =>
        setTimeout(() => {
          // Read since (another case, or after a pause): this one is not needed any more.
          if (pending?.done !== done) return resolve();
          pending = undefined;
          void read(caseId).then(resolve);
        }, wait),
      );
      pending = { ...(caseId ? { caseId } : {}), done };
      return done;
    },
    loadIssues: async (sourceId) => {
      if (get().issues[sourceId]) return;
      const issues = (await db.sourceIssues.get(sourceId)) ?? { sourceId, rejections: [], warnings: [] };
      set({ issues: { ...get().issues, [sourceId]: issues } });
    },
    remove: async (sourceId, caseId) => {
      try {
        const removed = await setSourceAside(db, sourceId);
        const unlogged = removed ? await logged(removed, 'source.removed', removed.removedAt) : undefined;
        await read(caseId);
        if (unlogged) set({ error: unlogged });
        if (!removed) return;
        useUndo.getState().offerUndo({
          label: `Removed the source “${removed.source.name}”`,
          undo: async () => {
            const restored = await restoreSource(db, sourceId);
            const unlogged = restored ? await logged(removed, 'source.restored', new Date().toISOString()) : undefined;
            await read(lastRead.caseId);
            if (unlogged) set({ error: unlogged });
            return restored;
          },
          settle: () => void finalizeRemoval(db, sourceId).catch(() => undefined),
        });
      } catch (error) {
        set({ error: `Could not remove the source: ${message(error)}` });
      }
    },
  };
});

export const selectSources = (s: SourcesState) => s.sources;
export const selectSourcesStatus = (s: SourcesState) => s.status;
export const selectSourcesError = (s: SourcesState) => s.error;
export const selectIssues = (s: SourcesState) => s.issues;
export const selectLoadSources = (s: SourcesState) => s.load;
export const selectLoadIssues = (s: SourcesState) => s.loadIssues;
export const selectRemoveSource = (s: SourcesState) => s.remove;
