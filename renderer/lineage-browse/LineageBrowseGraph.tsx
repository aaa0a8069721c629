import { useCallback, useMemo } from 'react';
import type { TraceResult } from '../../shared/analysis/types';
import {
  browseDownstream,
  browseUpstream,
  type LineageEntry,
  lineageAround,
  lineageNodeAt,
} from '../../shared/lineage/lineage-browse';
import type { TraceNode } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { downloadText } from '../export/download';
import { LineageGraph } from '../graph/LineageGraph';
import { NodeDetails } from '../graph/NodeDetails';
import { countOf } from '../steps/evidence-cite';
import type { ExploreSeed } from '../trace/explore-state';
import { graphToJson } from '../trace/graph-json';
import type { LineageIndex } from '../trace/lineage-index';
import { useExploredView } from '../trace/use-explored-view';

interface Props {
  readonly entry: LineageEntry;
  /** The moment the lineage is shown as of (ms). */
  readonly asOf: number;
  readonly evidence: EvidenceSet;
  readonly index: LineageIndex;
  readonly sourceName: (sourceId: string) => string;
}

/**
 * One dataset's or job's lineage as of a moment, drawn by the Trace step's graph: the chosen node stands where the
 * decision stands there, its upstream and downstream (lineage-browse.ts) opened as if expanded by hand, so each node's
 * expand and collapse controls, fields and details work as they do in the Trace step. Another moment redraws it in
 * place: what was expanded, collapsed or selected, and the viewport, stay.
 */
export function LineageBrowseGraph({ entry, asOf, evidence, index, sourceName }: Props) {
  const nodeId = entry.datasetId ?? entry.id;
  const around = useMemo(() => {
    const focus = lineageNodeAt(index.model, nodeId, asOf);
    return focus && lineageAround(index.model, focus, asOf);
  }, [index, nodeId, asOf]);
  const trace = useMemo<TraceResult | undefined>(
    () =>
      around && {
        decisionId: '',
        featureName: '',
        asOf: new Date(asOf).toISOString(),
        nodes: [around.focus],
        edges: [],
        jobs: [],
        gaps: [],
      },
    [around, asOf],
  );
  const neighbours = useMemo(
    () => ({
      upstream: (n: TraceNode) => browseUpstream(index.model, n, asOf),
      downstream: (n: TraceNode) => browseDownstream(index.model, n, asOf),
    }),
    [index, asOf],
  );
  // The walk opens as if expanded by hand; at another moment only the nodes it reaches for the first time open.
  const seed = useMemo<ExploreSeed | undefined>(
    () =>
      around && {
        upstream: new Set([nodeId, ...around.upstream.map((n) => n.id)]),
        downstream: new Set([nodeId, ...around.downstream.map((n) => n.id)]),
        fields: new Set(entry.kind === 'field' ? [nodeId] : []),
      },
    [around, nodeId, entry.kind],
  );
  const { view, columns, actions, selected, onSelectNode, details } = useExploredView({
    shown: trace,
    neighbours,
    index,
    evidence,
    asOf,
    sourceName,
    seed,
  });
  const exportName = `lineage ${nodeId}`;
  const onExportJson = useCallback(() => {
    const doc = graphToJson(view, { kind: 'browse', focusId: nodeId, asOf: new Date(asOf).toISOString(), sourceName });
    downloadText(`${exportName}.json`, JSON.stringify(doc, null, 2), 'application/json');
  }, [view, nodeId, asOf, sourceName, exportName]);

  if (!around) {
    return (
      <p className="notice" role="status">
        Nothing in the evidence names {nodeId} as of that moment.
      </p>
    );
  }
  return (
    <div className="stack">
      <p>
        <span className="mono">{nodeId}</span>: {countOf(around.upstream.length, 'node')} upstream,{' '}
        {countOf(around.downstream.length, 'node')} downstream.
        {around.truncated ? ' The walk stopped at its limit: expand the nodes at its edge to see further.' : ''}{' '}
        <span className="muted">
          Select a node (click it, or Tab to it and press Enter) to see its versions and evidence.
        </span>
      </p>
      <div className={`trace-layout${selected ? ' with-details' : ''}`}>
        <LineageGraph
          view={view}
          columns={columns}
          selectedId={selected?.id}
          onSelectNode={onSelectNode}
          actions={actions}
          exportName={exportName}
          onExportJson={onExportJson}
          fitAll
        />
        {details && <NodeDetails {...details} />}
      </div>
    </div>
  );
}
