import type { KeyboardEvent } from 'react';
import { selectResults, useInvestigation } from '../stores/investigation-store';
import { countOf } from '../steps/evidence-cite';
import {
  selectHiddenKinds,
  selectSelectedEntry,
  selectTimelineOnly,
  selectTimelineQuery,
  selectTimelineZoom,
  useTimelineView,
} from './timeline-store';
import './evidence-timeline.css';
import { TimelineAxisChart } from './TimelineAxisChart';
import { TimelineEntryDetails } from './TimelineEntryDetails';
import { TimelineFacetFilter } from './TimelineFacetFilter';
import { TimelineKindFilter } from './TimelineKindFilter';
import { TimelineList } from './TimelineList';
import { TimelineZoom } from './TimelineZoom';
import { useCaseTimeline } from './useCaseTimeline';
import { useElementWidth } from './useElementWidth';
import { useTimelineSlice } from './useTimelineSlice';
import { plotWidth } from './timeline-axis';
import { zoomIn, zoomOut } from './timeline-zoom';

const TIMELINE_HEADING_ID = 'evidence-timeline-heading';

/**
 * The case's evidence timeline, shown in place of a step: every record on one time axis with the analysis's marks,
 * the filter by kind, source, job and environment, the zoom of the axis (+, − and 0 anywhere in the view but a text
 * field), the entries as a list, and the selected entry's evidence.
 */
export function TimelineView() {
  const { timeline, building, error } = useCaseTimeline();
  const engine = useInvestigation(selectResults).engine;
  const hidden = useTimelineView(selectHiddenKinds);
  const selectedId = useTimelineView(selectSelectedEntry);
  const query = useTimelineView(selectTimelineQuery);
  const only = useTimelineView(selectTimelineOnly);
  const zoom = useTimelineView(selectTimelineZoom);
  const { toggleKind, showAll, select, setQuery, setOnly, setZoom } = useTimelineView.getState();
  const [axisRef, width] = useElementWidth<HTMLDivElement>();
  const shown = useTimelineSlice(timeline, plotWidth(width));
  const selected = shown.selected && shown.selected.index >= 0 ? shown.selected.entry : undefined;
  const whole = timeline?.summary.whole;
  const zoomInNow = () => whole && setZoom(zoomIn(zoom, whole, selected?.at));
  const zoomOutNow = () => whole && setZoom(zoomOut(zoom, whole));
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    if (event.key === '+' || event.key === '=') zoomInNow();
    else if (event.key === '-') zoomOutNow();
    else if (event.key === '0') setZoom(undefined);
    else return;
    event.preventDefault();
  };
  return (
    <section className="step-panel timeline-view" aria-labelledby={TIMELINE_HEADING_ID} onKeyDown={onKeyDown}>
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
      ) : timeline.summary.entries === 0 ? (
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
            counts={timeline.summary.facets.kinds}
            hidden={hidden}
            query={query}
            onToggle={toggleKind}
            onShowAll={showAll}
            onQuery={setQuery}
          />
          <TimelineFacetFilter facets={timeline.summary.facets} only={only} onOnly={setOnly} />
          <TimelineZoom zoom={zoom} onZoomIn={zoomInNow} onZoomOut={zoomOutNow} onWhole={() => setZoom(undefined)} />
          <div ref={axisRef}>
            <TimelineAxisChart
              axis={shown.axis}
              width={width}
              total={shown.total}
              selected={selected}
              onSelect={select}
            />
          </div>
          <div className="timeline-split">
            <TimelineList
              total={shown.total}
              rowAt={shown.rowAt}
              selectedId={selectedId}
              selectedIndex={shown.selected?.index ?? -1}
              onSelect={select}
              onSelectRow={shown.selectRow}
              onRows={shown.showRows}
              labelledBy={TIMELINE_HEADING_ID}
            />
            <TimelineEntryDetails entry={selected} />
          </div>
          {timeline.summary.undated.count > 0 && (
            <p className="muted small">
              {countOf(timeline.summary.undated.count, 'record')} without a time, not on the axis (
              {timeline.summary.undated.titles.join('; ')}
              {timeline.summary.undated.count > timeline.summary.undated.titles.length ? '; …' : ''}).
            </p>
          )}
        </>
      )}
    </section>
  );
}
