/**
 * Who is at the keyboard: the reviewer's name, kept in settings (localStorage) and editable. It is the default
 * owner of a new case and the actor of every action the case's activity log records.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

/** Where no localStorage exists (Node-side tests), the name lives for the session only. */
function sessionStorageFallback(): StateStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export interface ReviewerState {
  readonly name: string;
  readonly setName: (name: string) => void;
}

/** The actor recorded while no name is set. */
export const UNNAMED_REVIEWER = 'unnamed reviewer';

export const useReviewer = create<ReviewerState>()(
  persist(
    (set) => ({
      name: '',
      setName: (name) => set({ name: name.trim() }),
    }),
    {
      name: 'lineage-investigator.reviewer',
      version: 1,
      storage: createJSONStorage(() => globalThis.localStorage ?? sessionStorageFallback()),
    },
  ),
);

export const selectReviewerName = (s: ReviewerState) => s.name;
export const selectSetReviewerName = (s: ReviewerState) => s.setName;

/** The actor to record for the next action. */
export const currentActor = (): string => useReviewer.getState().name || UNNAMED_REVIEWER;
