/**
 * The timeline's scrolling benchmark page (`?bench=timeline&entries=N`): the case timeline's list (TimelineList, the
 * virtualized listbox the Timeline step draws) over N generated entries of every kind, each row built when the list
 * asks for it, without a case. It records when the first rows are on screen in `window.__timelineBench` for
 * bench/timeline-scroll.ts, which scrolls it frame by frame and counts the frames. The worker that holds a real case's
 * timeline is not on this page: bench/timeline.ts times its answers to a scroll.
 */
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { TIMELINE_KINDS, type TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { TimelineList } from './TimelineList';
import './evidence-timeline.css';

declare global {
  interface Window {
    __timelineBench?: { readonly entries: number; readonly firstRowsMs: number };
  }
}

const START = Date.UTC(2026, 0, 1);
const ACTORS = ['ana.silva@example.com', 'ci-bot', 'j.okafor', undefined];
const JOBS = ['dbt.run.customer_features', 'airflow.score_offers', undefined];

/** The entry at `index`: kinds in turn, a minute apart, titles of varied length as commits and audit edits have. */
function entryAt(index: number): TimelineEntry {
  const at = START + index * 60_000;
  const kind = TIMELINE_KINDS[index % TIMELINE_KINDS.length]!;
  return {
    id: `${kind}:${index}`,
    kind,
    time: new Date(at).toISOString(),
    at,
    title: `${kind} ${index}: ${'changed the threshold of the offer score and its tests '.repeat(1 + (index % 3))}`,
    actor: ACTORS[index % ACTORS.length],
    job: JOBS[index % JOBS.length],
    environment: index % 5 === 0 ? 'production' : undefined,
    ...(index % 97 === 0 ? { rank: 1 + (index % 5) } : {}),
  };
}

/** Each row kept once built, as the rows of the worker's last answer are kept until the next one. */
const built = new Map<number, TimelineEntry>();
function builtEntry(index: number): TimelineEntry {
  let entry = built.get(index);
  if (!entry) built.set(index, (entry = entryAt(index)));
  return entry;
}

export default function TimelineBench() {
  const entries = Number(new URLSearchParams(window.location.search).get('entries') ?? 100_000);
  const [start] = useState(() => performance.now());
  const [selectedIndex, setSelectedIndex] = useState(-1);
  const rowAt = useCallback((index: number) => (index < entries ? builtEntry(index) : undefined), [entries]);
  const selectedId = useMemo(() => (selectedIndex >= 0 ? entryAt(selectedIndex).id : undefined), [selectedIndex]);
  const onRows = useCallback(() => undefined, []);
  useLayoutEffect(() => {
    if (window.__timelineBench) return;
    window.__timelineBench = { entries, firstRowsMs: performance.now() - start };
  }, [entries, start]);
  return (
    <main className="page bench-timeline">
      <h1 id="bench-timeline-title">Timeline benchmark: {entries.toLocaleString('en')} entries</h1>
      <TimelineList
        total={entries}
        rowAt={rowAt}
        selectedId={selectedId}
        selectedIndex={selectedIndex}
        onSelect={(id) => setSelectedIndex(Number(id.split(':')[1]))}
        onSelectRow={setSelectedIndex}
        onRows={onRows}
        labelledBy="bench-timeline-title"
      />
    </main>
  );
}
