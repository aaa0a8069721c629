import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import type { TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { TIMELINE_ROW_HEIGHT, TimelineRow } from './TimelineRow';
import { movedIndex } from '../components/list-keys';
import { selectCase, useCaseLog } from '../stores/case-log-store';

interface Props {
  /** How many entries the filter keeps, and each one once received (rows out of view are not). */
  readonly total: number;
  readonly rowAt: (index: number) => TimelineEntry | undefined;
  readonly selectedId?: string;
  /** The selected entry's row (-1: none, or hidden by the filter). */
  readonly selectedIndex: number;
  readonly onSelect: (id: string) => void;
  /** Selects the entry at a row (the keyboard's moves). */
  readonly onSelectRow: (index: number) => void;
  /** The rows from `first` to `last` are in view. */
  readonly onRows: (first: number, last: number) => void;
  readonly labelledBy: string;
}

const ROW_HEIGHT = TIMELINE_ROW_HEIGHT;
const rowStyle = (start: number) => ({ height: ROW_HEIGHT, transform: `translateY(${start}px)` });

/**
 * The entries as a virtualized listbox (only the visible rows are in the DOM, and only they are received): time in
 * the chosen zone, kind, what happened (starred ones marked), who, and the job and environment. The arrow keys, Page
 * Up/Down, Home and End move the selection.
 */
export function TimelineList({
  total,
  rowAt,
  selectedId,
  selectedIndex,
  onSelect,
  onSelectRow,
  onRows,
  labelledBy,
}: Props) {
  const zone = useSettings(selectTimeZone);
  const starredEvidence = useCaseLog(selectCase)?.starredEvidence;
  const starred = useMemo(() => new Set((starredEvidence ?? []).map((s) => s.id)), [starredEvidence]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // One handler for every row, whatever the parent passes at each render: the memoized rows stay as they are.
  const onSelectNow = useRef(onSelect);
  useEffect(() => {
    onSelectNow.current = onSelect;
  }, [onSelect]);
  const select = useCallback((id: string) => onSelectNow.current(id), []);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selected = selectedIndex;
  useEffect(() => {
    if (selected >= 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    // Nothing selected yet (-1): the first move selects the first row.
    const next = movedIndex(event.key, selected, total, page);
    if (next === undefined) return;
    event.preventDefault();
    onSelectRow(next);
  };

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => onRows(first, last), [first, last, onRows]);
  const selectedRendered = items.some((item) => item.index === selected);
  return (
    <div className="timeline-list">
      <div className="timeline-row timeline-head" aria-hidden="true">
        <span>Time</span>
        <span>Kind</span>
        <span>What</span>
        <span>Who</span>
        <span title="Job · environment">Job · environment</span>
      </div>
      <div
        ref={scrollRef}
        className="timeline-scroll"
        role="listbox"
        tabIndex={0}
        aria-labelledby={labelledBy}
        aria-activedescendant={selectedRendered ? `timeline-option-${selected}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const e = rowAt(item.index);
            if (!e) return <div key={`row-${item.index}`} className="timeline-row" style={rowStyle(item.start)} />;
            return (
              <TimelineRow
                key={e.id}
                entry={e}
                index={item.index}
                start={item.start}
                total={total}
                selected={e.id === selectedId}
                starred={starred.has(e.id)}
                zone={zone}
                onSelect={select}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
