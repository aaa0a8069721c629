import { type RanOn, selectEngineRan, selectLayoutRan, useWorkerStatus } from './worker-status';

const WHAT = { engine: 'Analysis', layout: 'Graph layout' } as const;

function Line({ name, ranOn }: { readonly name: keyof typeof WHAT; readonly ranOn?: RanOn }) {
  if (ranOn?.thread !== 'main') return null;
  return (
    <p className="notice error" role="status">
      {WHAT[name]} running on the main thread: the worker could not start: {ranOn.reason}
    </p>
  );
}

/** Where the analysis and the layout last ran, as the step's header shows it (see WorkerThreadNotice). */
export function WorkerThreadLines({ engine, layout }: { readonly engine?: RanOn; readonly layout?: RanOn }) {
  return (
    <div
      className="worker-status"
      data-analysis-thread={engine?.thread ?? 'not yet'}
      data-layout-thread={layout?.thread ?? 'not yet'}
    >
      <Line name="engine" ranOn={engine} />
      <Line name="layout" ranOn={layout} />
    </div>
  );
}

/**
 * One line in the step's header when the analysis (or the graph's layout) ran on the main thread because its
 * worker could not start — the window is then slower, and says why. Nothing when they ran in their workers; the
 * wrapper carries where each last ran (`data-analysis-thread`, `data-layout-thread`) for tests to check.
 */
export function WorkerThreadNotice() {
  const engine = useWorkerStatus(selectEngineRan);
  const layout = useWorkerStatus(selectLayoutRan);
  return <WorkerThreadLines engine={engine} layout={layout} />;
}
