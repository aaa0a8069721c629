import { useMemo } from 'react';
import { TIMELINE_KINDS, type TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { filterIndexed, type IndexedTimeline } from '../../shared/timeline/timeline-index';
import {
  selectHiddenKinds,
  selectTimelineOnly,
  selectTimelineQuery,
  selectTimelineZoom,
  useTimelineView,
} from './timeline-store';

const kept = (value: string | undefined) => (value === undefined ? undefined : new Set([value]));

/** The entries the view's filter keeps (kinds, words, one source, job and environment) in the range zoomed to. */
export function useShownEntries(timeline: IndexedTimeline | undefined): ReadonlyArray<TimelineEntry> {
  const hidden = useTimelineView(selectHiddenKinds);
  const query = useTimelineView(selectTimelineQuery);
  const only = useTimelineView(selectTimelineOnly);
  const zoom = useTimelineView(selectTimelineZoom);
  return useMemo(() => {
    // An empty set of kinds keeps every kind (filterTimeline): with every kind hidden, nothing is shown.
    const kinds = TIMELINE_KINDS.filter((k) => !hidden.has(k));
    if (!timeline || kinds.length === 0) return [];
    return filterIndexed(timeline.entries, timeline.index, {
      kinds: hidden.size ? new Set(kinds) : undefined,
      sources: kept(only.source),
      jobs: kept(only.job),
      environments: kept(only.environment),
      from: zoom?.from,
      to: zoom?.to,
      text: query,
    });
  }, [timeline, hidden, query, only, zoom]);
}
