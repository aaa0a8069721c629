import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineFilter } from '../../shared/timeline/evidence-timeline';
import { type TimelineAxis, timelineAxis } from './timeline-axis';
import type { OpenTimeline } from './timeline-client';
import {
  selectHiddenKinds,
  selectSelectedEntry,
  selectTimelineOnly,
  selectTimelineQuery,
  selectTimelineZoom,
  useTimelineView,
} from './timeline-store';
import type { TimelineSlice } from './timeline-viewer';

/** What the view shows of the timeline: the kept entries' count, the rows received, the axis, the selected entry. */
export interface ShownTimeline {
  readonly total: number;
  /** The kept entry at `index`, once received (rows out of view are not). */
  readonly rowAt: (index: number) => TimelineEntry | undefined;
  readonly axis: TimelineAxis;
  readonly selected?: TimelineSlice['selected'];
  /** The list shows rows `first` to `last`: those not received yet are asked for. */
  readonly showRows: (first: number, last: number) => void;
  /** Selects the kept entry at `index` (asked for when it is not received yet). */
  readonly selectRow: (index: number) => void;
}

/** Rows asked for beyond those in view, each side, so a short scroll needs no new answer. */
const MARGIN = 40;

/**
 * The selected entry and its row: as the last answer says, or — just selected, before the answer for it — from the
 * rows received.
 */
function selectedIn(slice: TimelineSlice | undefined, id: string | undefined): TimelineSlice['selected'] {
  if (!slice || id === undefined) return undefined;
  if (slice.selected?.entry.id === id) return slice.selected;
  const row = slice.rows.findIndex((e) => e.id === id);
  return row >= 0 ? { index: slice.start + row, entry: slice.rows[row]! } : undefined;
}

const kept = (value: string | undefined) => (value === undefined ? undefined : new Set([value]));

/** The filter of the view's kinds, words, facets and zoom; null where every kind is hidden (nothing is shown). */
function useFilter(): TimelineFilter | null {
  const hidden = useTimelineView(selectHiddenKinds);
  const query = useTimelineView(selectTimelineQuery);
  const only = useTimelineView(selectTimelineOnly);
  const zoom = useTimelineView(selectTimelineZoom);
  return useMemo(() => {
    const kinds = TIMELINE_KINDS.filter((k) => !hidden.has(k));
    if (kinds.length === 0) return null;
    return {
      kinds: hidden.size ? new Set(kinds) : undefined,
      sources: kept(only.source),
      jobs: kept(only.job),
      environments: kept(only.environment),
      from: zoom?.from,
      to: zoom?.to,
      text: query,
    };
  }, [hidden, query, only, zoom]);
}

/**
 * What the view shows of `timeline` with the axis `width` pixels wide: asked of the timeline where it is kept (the
 * engine's worker) each time the filter, the width, the selection or the rows in view change; the axis is sent
 * again only when the filter or the width changed.
 */
export function useTimelineSlice(timeline: OpenTimeline | undefined, width: number): ShownTimeline {
  const filter = useFilter();
  const selectedId = useTimelineView(selectSelectedEntry);
  const [rows, setRows] = useState({ start: 0, count: 2 * MARGIN });
  // The last answer, and the filter it answers (until the answer to a new filter, the rows of the last one stay).
  const [slice, setSlice] = useState<TimelineSlice & { axis: TimelineAxis; filter: TimelineFilter }>();
  // The axis the window holds, and of which timeline: the same one is not sent again.
  const held = useRef<{ timeline: OpenTimeline; axisKey: string; axis: TimelineAxis }>(undefined);
  const axisKeyOf = (t: OpenTimeline) => (held.current?.timeline === t ? held.current.axisKey : undefined);
  useEffect(() => {
    if (!timeline || !filter) return;
    let live = true;
    const had = held.current;
    timeline.view({ filter, width, ...rows, selectedId, axisKey: axisKeyOf(timeline) }).then(
      (next) => {
        const axis = next.axis ?? had!.axis;
        held.current = { timeline, axisKey: next.axisKey, axis };
        if (live) setSlice({ ...next, axis, filter });
      },
      () => {}, // a timeline no longer kept: the view shows the one built since (useCaseTimeline)
    );
    return () => {
      live = false;
    };
  }, [timeline, filter, width, rows, selectedId]);

  const shown = filter && slice ? slice : undefined;
  const rowAt = useCallback(
    (index: number) => (shown && index >= shown.start ? shown.rows[index - shown.start] : undefined),
    [shown],
  );
  const showRows = useCallback((first: number, last: number) => {
    setRows((r) =>
      first >= r.start && last < r.start + r.count
        ? r
        : { start: Math.max(0, first - MARGIN), count: last - first + 1 + 2 * MARGIN },
    );
  }, []);
  const selectRow = useCallback(
    (index: number) => {
      const select = useTimelineView.getState().select;
      const row = rowAt(index);
      if (row) return select(row.id);
      if (timeline && filter)
        void timeline.view({ filter, width, start: index, count: 1, axisKey: axisKeyOf(timeline) }).then((s) => {
          if (s.rows[0]) select(s.rows[0].id);
        });
    },
    [rowAt, timeline, filter, width],
  );
  const empty = useMemo(() => timelineAxis([], TIMELINE_KINDS, width), [width]);
  return {
    total: shown?.total ?? 0,
    rowAt,
    axis: shown?.axis ?? empty,
    // Not where another filter's answer is still shown: its row would scroll the list to a place the new one lacks.
    selected: shown?.filter === filter ? selectedIn(shown, selectedId) : undefined,
    showRows,
    selectRow,
  };
}
