import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';
import { movedIndex } from '../components/list-keys';
import { formatTime } from '../format/time';
import { modelLabel, outcomeLabel } from '../format/decision';
import { visibleText } from '../../shared/model/visible-text';
import { selectTimeZone, useSettings } from '../stores/settings-store';

interface Props {
  readonly decisions: ReadonlyArray<Decision>;
  /** The selected decision's key (decision-key.ts: its model and id). */
  readonly selectedKey?: string;
  readonly onSelect: (key: string) => void;
  readonly labelledBy: string;
}

const ROW_HEIGHT = 34;

/** The ids that two or more of `decisions` have (decisions of different models' logs). */
function sharedIds(decisions: ReadonlyArray<Decision>): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const d of decisions) {
    if (seen.has(d.decisionId)) shared.add(d.decisionId);
    seen.add(d.decisionId);
  }
  return shared;
}

/**
 * The matching decisions as a virtualized listbox: only visible rows are in the DOM. A decision is selected by its
 * model and id; where two listed decisions share an id, the id is followed by its model.
 * Arrow keys, Page Up/Down, Home and End move the active row; Enter or Space selects it.
 */
export function DecisionList({ decisions, selectedKey, onSelect, labelledBy }: Props) {
  const zone = useSettings(selectTimeZone);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      decisions.findIndex((d) => decisionKey(d) === selectedKey),
    ),
  );
  const shared = useMemo(() => sharedIds(decisions), [decisions]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: decisions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const activeIndex = Math.min(active, Math.max(0, decisions.length - 1));
  useEffect(() => {
    const index = decisions.findIndex((d) => decisionKey(d) === selectedKey);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [decisions, selectedKey, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const next = movedIndex(event.key, activeIndex, decisions.length, page);
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if ((event.key === 'Enter' || event.key === ' ') && decisions[activeIndex]) {
      event.preventDefault();
      onSelect(decisionKey(decisions[activeIndex]));
    }
  };

  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((item) => item.index === activeIndex);
  return (
    <div className="decision-list">
      <div className="decision-row decision-head" aria-hidden="true">
        <span>Time</span>
        <span>Decision</span>
        <span>Subject</span>
        <span>Model</span>
        <span>Action / label</span>
      </div>
      <div
        ref={scrollRef}
        className="decision-scroll"
        role="listbox"
        tabIndex={0}
        aria-labelledby={labelledBy}
        aria-activedescendant={activeRendered ? `decision-option-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const d = decisions[item.index]!;
            const key = decisionKey(d);
            const selected = key === selectedKey;
            return (
              <div
                key={key}
                id={`decision-option-${item.index}`}
                role="option"
                aria-selected={selected}
                aria-setsize={decisions.length}
                aria-posinset={item.index + 1}
                className={`decision-row${selected ? ' selected' : ''}${item.index === activeIndex ? ' active' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => {
                  setActive(item.index);
                  onSelect(key);
                }}
              >
                <span className="mono">{formatTime(d.timestamp, zone)}</span>
                <span className="mono">
                  {d.decisionId}
                  {shared.has(d.decisionId) && <span className="muted"> ({visibleText(d.model.name)})</span>}
                </span>
                <span className="mono">{d.subjectId ?? '—'}</span>
                <span>{modelLabel(d)}</span>
                <span>{outcomeLabel(d)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
