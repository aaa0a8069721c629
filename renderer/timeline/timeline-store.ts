/**
 * The open case's evidence timeline as a view: whether it is shown instead of the current step, the filter (kinds
 * hidden, words, one source, job and environment), the time range zoomed to, and the selected entry. Going to a step
 * (`goToStep`) leaves it.
 */
import { create } from 'zustand';
import { TIMELINE_KINDS, type TimelineKind } from '../../shared/timeline/evidence-timeline';
import { useLineageBrowse } from '../lineage-browse/browse-store';
import type { StepId } from '../steps/step-ids';
import { useInvestigation } from '../stores/investigation-store';
import type { TimeRange } from './timeline-zoom';

/** The filters that keep one value: the record's source file, its job, its environment. */
export type TimelineFacet = 'source' | 'job' | 'environment';

export interface TimelineViewState {
  readonly open: boolean;
  readonly hidden: ReadonlySet<TimelineKind>;
  readonly selectedId?: string;
  /** Words the shown entries contain (title, who, job, environment). */
  readonly query: string;
  /** The one value kept per facet (absent: every value). */
  readonly only: Readonly<Partial<Record<TimelineFacet, string>>>;
  /** The time range shown (absent: the whole case). */
  readonly zoom?: TimeRange;
  readonly show: () => void;
  readonly hide: () => void;
  readonly toggleKind: (kind: TimelineKind) => void;
  /** Shows every kind (`true`) or none (`false`, to tick the few wanted). */
  readonly showAll: (all: boolean) => void;
  readonly setQuery: (query: string) => void;
  readonly setOnly: (facet: TimelineFacet, value: string | undefined) => void;
  readonly setZoom: (zoom: TimeRange | undefined) => void;
  readonly select: (id: string | undefined) => void;
  readonly reset: () => void;
}

const initial = {
  open: false,
  hidden: new Set<TimelineKind>(),
  selectedId: undefined,
  query: '',
  only: {},
  zoom: undefined,
};

export const useTimelineView = create<TimelineViewState>()((set) => ({
  ...initial,
  show: () => {
    useLineageBrowse.getState().hide();
    set({ open: true });
  },
  hide: () => set({ open: false }),
  toggleKind: (kind) =>
    set((s) => {
      const hidden = new Set(s.hidden);
      if (!hidden.delete(kind)) hidden.add(kind);
      return { hidden };
    }),
  showAll: (all) => set({ hidden: new Set(all ? [] : TIMELINE_KINDS) }),
  setQuery: (query) => set({ query }),
  setOnly: (facet, value) => set((s) => ({ only: { ...s.only, [facet]: value } })),
  setZoom: (zoom) => set({ zoom }),
  select: (selectedId) => set({ selectedId }),
  reset: () => set(initial),
}));

/** Leaves the timeline (or the lineage browser) for a step (the step navigator, Alt+digit and the palette go through here). */
export function goToStep(step: StepId): void {
  useTimelineView.getState().hide();
  useLineageBrowse.getState().hide();
  useInvestigation.getState().setStep(step);
}

export const selectTimelineOpen = (s: TimelineViewState) => s.open;
export const selectHiddenKinds = (s: TimelineViewState) => s.hidden;
export const selectSelectedEntry = (s: TimelineViewState) => s.selectedId;
export const selectTimelineQuery = (s: TimelineViewState) => s.query;
export const selectTimelineOnly = (s: TimelineViewState) => s.only;
export const selectTimelineZoom = (s: TimelineViewState) => s.zoom;
