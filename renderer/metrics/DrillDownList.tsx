import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { DrillDown, DrillDownItem } from '../../shared/metrics/metric-types';
import { formatTime } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { citeEvidence, countOf } from './format-metric';

interface Props {
  readonly drillDown: DrillDown;
  readonly label: string;
  readonly sourceNames: Readonly<Record<string, string>>;
}

const ROW_HEIGHT = 52;

/** How many of the kept items carry each tag, most frequent first. */
function tagCounts(items: ReadonlyArray<DrillDownItem>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) for (const tag of item.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The records that count against a metric, as a virtualized table (only the visible rows are in the DOM): id,
 * time, why it counts, and the source file and line it was read from; filterable by tag (e.g. the stage lacking).
 */
export function DrillDownList({ drillDown, label, sourceNames }: Props) {
  const zone = useSettings(selectTimeZone);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [tag, setTag] = useState<string | undefined>();
  const tags = useMemo(() => tagCounts(drillDown.items), [drillDown.items]);
  const items = useMemo(
    () => (tag ? drillDown.items.filter((i) => i.tags?.includes(tag)) : drillDown.items),
    [drillDown.items, tag],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  if (drillDown.total === 0) return <p className="empty">No record counts against it.</p>;
  return (
    <div className="drill-down">
      <p className="small muted">
        {countOf(drillDown.total, 'record')} {drillDown.total === 1 ? 'counts' : 'count'} against it
        {drillDown.items.length < drillDown.total
          ? `; the first ${drillDown.items.length.toLocaleString('en')} are listed`
          : ''}
        .
      </p>
      {tags.length > 1 && (
        <div className="segmented" role="group" aria-label={`Filter ${label}`}>
          <button type="button" aria-pressed={tag === undefined} onClick={() => setTag(undefined)}>
            All ({drillDown.items.length.toLocaleString('en')})
          </button>
          {tags.map(([t, n]) => (
            <button key={t} type="button" aria-pressed={tag === t} onClick={() => setTag(t)}>
              {t} ({n.toLocaleString('en')})
            </button>
          ))}
        </div>
      )}
      <div role="table" aria-label={label} aria-rowcount={items.length + 1} className="drill-table">
        <div role="row" aria-rowindex={1} className="drill-row drill-head">
          <span role="columnheader">Record</span>
          <span role="columnheader">Time</span>
          <span role="columnheader">Why it counts</span>
          <span role="columnheader">Evidence</span>
        </div>
        <div ref={scrollRef} className="drill-scroll" tabIndex={0} role="rowgroup" aria-label={`${label}, scrollable`}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index]!;
              return (
                <div
                  key={`${item.kind}:${item.id}`}
                  role="row"
                  aria-rowindex={v.index + 2}
                  className="drill-row"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  <span role="cell" className="mono">
                    <span className="badge">{item.kind}</span> {item.id}
                  </span>
                  <span role="cell" className="small">
                    {item.time ? formatTime(item.time, zone) : ''}
                  </span>
                  <span role="cell" className="drill-reason" title={item.reason}>
                    {item.hours !== undefined && <strong>{item.hours} h · </strong>}
                    {item.reason}
                  </span>
                  <span role="cell" className="mono small">
                    {citeEvidence(item.evidence, sourceNames)}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
