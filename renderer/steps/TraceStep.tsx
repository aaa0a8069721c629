import { useCallback, useMemo, useState } from 'react';
import { Time } from '../components/Time';
import { LineageGraph } from '../graph/LineageGraph';
import { NodeDetails } from '../graph/NodeDetails';
import { selectResults, selectSources, useInvestigation } from '../stores/investigation-store';

/** Step 3: the lineage graph as it was at the decision's time, node details, and the trace's gaps. */
export function TraceStep() {
  const trace = useInvestigation(selectResults).trace;
  const sources = useInvestigation(selectSources);
  const [selectedId, setSelectedId] = useState<string>();
  const onSelectNode = useCallback((id: string | undefined) => setSelectedId(id), []);
  const sourceName = useMemo(() => {
    const names = new Map(sources.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? `source ${id.slice(0, 12)}`;
  }, [sources]);
  if (!trace) return null;
  const selected = trace.nodes.find((n) => n.id === selectedId);

  return (
    <div className="stack">
      <p>
        As of <Time value={trace.asOf} />: {trace.nodes.length} nodes, {trace.edges.length} links, {trace.jobs.length}{' '}
        upstream {trace.jobs.length === 1 ? 'job' : 'jobs'}.{' '}
        <span className="muted">
          The view opens on the decision's neighbourhood; the fit-view control shows the whole graph. Select a node
          (click it, or Tab to it and press Enter) to see its evidence.
        </span>
      </p>
      <div className={`trace-layout${selected ? ' with-details' : ''}`}>
        <LineageGraph key={`${trace.decisionId}|${trace.featureName}`} trace={trace} onSelectNode={onSelectNode} />
        {selected && <NodeDetails node={selected} sourceName={sourceName} onClose={() => setSelectedId(undefined)} />}
      </div>
      <section aria-labelledby="trace-gaps-heading">
        <h3 id="trace-gaps-heading">Gaps in the trace</h3>
        {trace.gaps.length === 0 ? (
          <p className="muted">None: every link from the decision to its sources is backed by evidence.</p>
        ) : (
          <ul className="gaps">
            {trace.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
