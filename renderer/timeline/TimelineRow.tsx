import { memo } from 'react';
import { TIMELINE_KIND_LABELS, type TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { formatTime, type TimeZoneSetting } from '../format/time';
import { SuspectBadge } from './SuspectBadge';

export const TIMELINE_ROW_HEIGHT = 34;

interface Props {
  readonly entry: TimelineEntry;
  readonly index: number;
  /** The row's offset in the list, in pixels. */
  readonly start: number;
  readonly total: number;
  readonly selected: boolean;
  readonly starred: boolean;
  readonly zone: TimeZoneSetting;
  /** Stable across renders: a row is drawn again only when what it shows changed. */
  readonly onSelect: (id: string) => void;
}

/**
 * A job (`namespace:name`) and its environment in a narrow cell: the namespace gives way first (one prefix is shared
 * by many jobs), so the name that tells them apart stays readable; the whole text is the cell's.
 */
function JobAndEnvironment({ job, environment }: { readonly job: string; readonly environment?: string }) {
  const colon = job.indexOf(':');
  const rest = `${job.slice(colon + 1)}${environment ? ` · ${environment}` : ''}`;
  return (
    <>
      {colon > 0 && <span className="timeline-job-space">{job.slice(0, colon + 1)}</span>}
      <span className="timeline-job-name">{rest}</span>
    </>
  );
}

/**
 * One entry of the timeline's list: time in the chosen zone, kind, what happened (starred ones marked), who, and the
 * job and environment. Memoized: while the list scrolls, the rows already on screen are not drawn again.
 */
export const TimelineRow = memo(function TimelineRow({
  entry: e,
  index,
  start,
  total,
  selected,
  starred,
  zone,
  onSelect,
}: Props) {
  const where = [e.job, e.environment].filter(Boolean).join(' · ');
  return (
    <div
      id={`timeline-option-${index}`}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={`timeline-row${selected ? ' selected' : ''}`}
      style={{ height: TIMELINE_ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => onSelect(e.id)}
    >
      <span className="mono">{formatTime(e.time, zone)}</span>
      <span className={`timeline-kind kind-${e.kind}`}>{TIMELINE_KIND_LABELS[e.kind]}</span>
      <span className="timeline-title" title={e.title}>
        {starred && (
          <span className="timeline-starred" role="img" aria-label="Starred">
            ★
          </span>
        )}
        {e.rank !== undefined && <SuspectBadge rank={e.rank} />}
        {e.title}
      </span>
      <span className="timeline-cell" title={e.actor}>
        {e.actor ?? '—'}
      </span>
      <span className="timeline-cell timeline-where" title={where}>
        {e.job ? <JobAndEnvironment job={e.job} environment={e.environment} /> : where || '—'}
      </span>
    </div>
  );
});
