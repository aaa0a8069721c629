/**
 * Whether the open case's lineage browser is shown instead of the current step (like the evidence timeline): the
 * lineage of a case is worth seeing before, or without, a decision to trace. Going to a step leaves it.
 */
import { create } from 'zustand';

export interface LineageBrowseState {
  readonly open: boolean;
  readonly show: () => void;
  readonly hide: () => void;
}

export const useLineageBrowse = create<LineageBrowseState>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

export const selectLineageBrowseOpen = (s: LineageBrowseState) => s.open;
