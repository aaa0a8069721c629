import { useMemo } from 'react';
import { TIMELINE_KINDS } from '../../shared/timeline/evidence-timeline';
import { filterIndexed } from '../../shared/timeline/timeline-index';
import { selectResults, useInvestigation } from '../stores/investigation-store';
import { countOf } from '../steps/evidence-cite';
import { selectHiddenKinds, selectSelectedEntry, selectTimelineQuery, useTimelineView } from './timeline-store';
import './evidence-timeline.css';
import { TimelineAxisChart } from './TimelineAxisChart';
import { TimelineEntryDetails } from './TimelineEntryDetails';
import { TimelineKindFilter } from './TimelineKindFilter';
import { TimelineList } from './TimelineList';
import { useCaseTimeline } from './useCaseTimeline';

const TIMELINE_HEADING_ID = 'evidence-timeline-heading';

/**
 * The case's evidence timeline, shown in place of a step: every record on one time axis with the analysis's marks,
 * the filter by kind, the entries as a list, and the selected entry's evidence.
 */
export function TimelineView() {
  const { timeline, building, error } = useCaseTimeline();
  const engine = useInvestigation(selectResults).engine;
  const hidden = useTimelineView(selectHiddenKinds);
  const selectedId = useTimelineView(selectSelectedEntry);
  const query = useTimelineView(selectTimelineQuery);
  const { toggleKind, showAll, select, setQuery } = useTimelineView.getState();
  const counts = timeline?.index.facets.kinds ?? new Map();
  const entries = useMemo(() => {
    // An empty set of kinds keeps every kind (filterTimeline): with every kind hidden, nothing is shown.
    const kinds = TIMELINE_KINDS.filter((k) => !hidden.has(k));
    if (!timeline || kinds.length === 0) return [];
    return filterIndexed(timeline.entries, timeline.index, {
      kinds: hidden.size ? new Set(kinds) : undefined,
      text: query,
    });
  }, [timeline, hidden, query]);
  const selected = entries.find((e) => e.id === selectedId);
  return (
    <section className="step-panel timeline-view" aria-labelledby={TIMELINE_HEADING_ID}>
      <div className="panel-head">
        <div>
          <h2 id={TIMELINE_HEADING_ID}>Evidence timeline</h2>
          <p className="muted">
            Every record of the case&apos;s evidence on one time axis — commits and merges, pull requests and reviews,
            deployments, audit edits, enforcement, runs — with the onset, the investigated decision and the recovery.
          </p>
        </div>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {!timeline ? (
        building && (
          <p className="notice" role="status">
            Building the timeline of the case&apos;s evidence…
          </p>
        )
      ) : timeline.entries.length === 0 ? (
        <p className="notice">This investigation has no dated evidence yet: import it on the Sources screen.</p>
      ) : (
        <>
          {!engine && (
            <p className="notice" role="status">
              The onset, the investigated decision and the suspects appear here once the analysis of a decision has run
              (choose the decision on the Identify step).
            </p>
          )}
          <TimelineKindFilter
            counts={counts}
            hidden={hidden}
            query={query}
            onToggle={toggleKind}
            onShowAll={showAll}
            onQuery={setQuery}
          />
          <TimelineAxisChart entries={entries} selected={selected} onSelect={select} />
          <div className="timeline-split">
            <TimelineList
              entries={entries}
              selectedId={selectedId}
              onSelect={select}
              labelledBy={TIMELINE_HEADING_ID}
            />
            <TimelineEntryDetails entry={selected} />
          </div>
          {timeline.undated.length > 0 && (
            <p className="muted small">
              {countOf(timeline.undated.length, 'record')} without a time, not on the axis (
              {timeline.undated
                .slice(0, 3)
                .map((e) => e.title)
                .join('; ')}
              {timeline.undated.length > 3 ? '; …' : ''}).
            </p>
          )}
        </>
      )}
    </section>
  );
}
