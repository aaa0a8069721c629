/**
 * The graph benchmark's page (`?bench=graph&nodes=N`): draws a generated trace of N nodes without a case, and
 * records when it is laid out and painted in `window.__graphBench` for bench/graph-view.ts to read.
 */
import { useCallback, useMemo, useState } from 'react';
import { initialExploreState } from '../trace/explore-state';
import { syntheticTrace } from '../trace/synthetic-trace';
import { buildView } from '../trace/view-graph';
import type { GraphActions } from './graph-actions';
import { LineageGraph } from './LineageGraph';

declare global {
  interface Window {
    __graphBench?: { readonly nodes: number; readonly paintedMs: number; readonly sinceLoadMs: number };
  }
}

const none = { upstream: () => [], downstream: () => [] };
const actions: GraphActions = {
  toggleUpstream: () => undefined,
  toggleDownstream: () => undefined,
  toggleFields: () => undefined,
  openGroup: () => undefined,
};

export default function GraphBench() {
  const params = new URLSearchParams(window.location.search);
  const size = Number(params.get('nodes') ?? 500);
  const [start] = useState(() => performance.now());
  const view = useMemo(() => buildView(syntheticTrace(size), initialExploreState, none), [size]);
  const [selectedId, setSelectedId] = useState<string>();
  const onPainted = useCallback(() => {
    if (window.__graphBench) return;
    const now = performance.now();
    window.__graphBench = { nodes: view.nodes.length, paintedMs: now - start, sinceLoadMs: now };
    document.body.dataset.graphPainted = 'true';
  }, [view, start]);
  return (
    <main className="page bench-graph">
      <h1>Graph benchmark: {view.nodes.length} nodes</h1>
      <LineageGraph
        view={view}
        selectedId={selectedId}
        onSelectNode={setSelectedId}
        actions={actions}
        exportName="bench"
        onExportJson={() => undefined}
        onPainted={onPainted}
        fitAll={params.get('fit') === 'all'}
      />
    </main>
  );
}
