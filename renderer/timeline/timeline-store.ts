/**
 * The open case's evidence timeline as a view: whether it is shown instead of the current step, the kinds hidden by
 * the filter, and the selected entry. Going to a step (`goToStep`) leaves it.
 */
import { create } from 'zustand';
import { TIMELINE_KINDS, type TimelineKind } from '../../shared/timeline/evidence-timeline';
import type { StepId } from '../steps/step-ids';
import { useInvestigation } from '../stores/investigation-store';

export interface TimelineViewState {
  readonly open: boolean;
  readonly hidden: ReadonlySet<TimelineKind>;
  readonly selectedId?: string;
  /** Words the shown entries contain (title, who, job, environment). */
  readonly query: string;
  readonly show: () => void;
  readonly hide: () => void;
  readonly toggleKind: (kind: TimelineKind) => void;
  /** Shows every kind (`true`) or none (`false`, to tick the few wanted). */
  readonly showAll: (all: boolean) => void;
  readonly setQuery: (query: string) => void;
  readonly select: (id: string | undefined) => void;
  readonly reset: () => void;
}

const initial = { open: false, hidden: new Set<TimelineKind>(), selectedId: undefined, query: '' };

export const useTimelineView = create<TimelineViewState>()((set) => ({
  ...initial,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
  toggleKind: (kind) =>
    set((s) => {
      const hidden = new Set(s.hidden);
      if (!hidden.delete(kind)) hidden.add(kind);
      return { hidden };
    }),
  showAll: (all) => set({ hidden: new Set(all ? [] : TIMELINE_KINDS) }),
  setQuery: (query) => set({ query }),
  select: (selectedId) => set({ selectedId }),
  reset: () => set(initial),
}));

/** Leaves the timeline for a step (the step navigator, Alt+digit and the palette go through here). */
export function goToStep(step: StepId): void {
  useTimelineView.getState().hide();
  useInvestigation.getState().setStep(step);
}

export const selectTimelineOpen = (s: TimelineViewState) => s.open;
export const selectHiddenKinds = (s: TimelineViewState) => s.hidden;
export const selectSelectedEntry = (s: TimelineViewState) => s.selectedId;
export const selectTimelineQuery = (s: TimelineViewState) => s.query;
