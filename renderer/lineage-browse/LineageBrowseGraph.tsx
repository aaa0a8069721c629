import { useCallback, useMemo, useState } from 'react';
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
import type { GraphActions } from '../graph/graph-actions';
import { LineageGraph } from '../graph/LineageGraph';
import { NodeDetails } from '../graph/NodeDetails';
import { countOf } from '../steps/evidence-cite';
import { columnView } from '../trace/column-fields';
import { evidenceOf, recordAt } from '../trace/evidence-records';
import {
  type ExploreState,
  initialExploreState,
  openGroup,
  setDownstream,
  setFieldsShown,
  setUpstream,
} from '../trace/explore-state';
import { graphToJson } from '../trace/graph-json';
import type { LineageIndex } from '../trace/lineage-index';
import { nodeFacets, versionTimeline } from '../trace/versions';
import { buildView, type ViewLineageNode } from '../trace/view-graph';

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
 * expand and collapse controls, fields and details work as they do in the Trace step.
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
  const [explore, setExplore] = useState<ExploreState>(() => ({
    ...initialExploreState,
    expandedUpstream: new Set([nodeId, ...(around?.upstream ?? []).map((n) => n.id)]),
    expandedDownstream: new Set([nodeId, ...(around?.downstream ?? []).map((n) => n.id)]),
    fieldsShown: new Set(entry.kind === 'field' ? [nodeId] : []),
  }));
  const neighbours = useMemo(
    () => ({
      upstream: (n: TraceNode) => browseUpstream(index.model, n, asOf),
      downstream: (n: TraceNode) => browseDownstream(index.model, n, asOf),
    }),
    [index, asOf],
  );
  const view = useMemo(
    () => (trace ? buildView(trace, explore, neighbours) : { nodes: [], edges: [] }),
    [trace, explore, neighbours],
  );
  const lineageNodes = useMemo(
    () => new Map(view.nodes.filter((n): n is ViewLineageNode => n.type === 'lineage').map((n) => [n.id, n])),
    [view],
  );
  const columns = useMemo(() => {
    if (!trace || explore.fieldsShown.size === 0) return undefined;
    const visible = new Map([...lineageNodes].map(([id, n]) => [id, n.node]));
    return columnView(index, trace, visible, explore.fieldsShown);
  }, [index, trace, lineageNodes, explore.fieldsShown]);
  const actions = useMemo<GraphActions>(
    () => ({
      toggleUpstream: (id) => setExplore((s) => setUpstream(s, id, lineageNodes.get(id)?.upstream !== 'shown')),
      toggleDownstream: (id) => setExplore((s) => setDownstream(s, id, lineageNodes.get(id)?.downstream !== 'shown')),
      toggleFields: (id) => setExplore((s) => setFieldsShown(s, id, !s.fieldsShown.has(id))),
      openGroup: (id) => setExplore((s) => openGroup(s, id)),
    }),
    [lineageNodes],
  );
  const [selectedId, setSelectedId] = useState<string>();
  const onSelectNode = useCallback((id: string | undefined) => setSelectedId(id), []);
  const selected = selectedId ? lineageNodes.get(selectedId)?.node : undefined;
  const versions = useMemo(
    () => (selected ? versionTimeline(evidence, index, selected, asOf) : []),
    [selected, evidence, index, asOf],
  );
  const exportName = `lineage ${nodeId}`;
  const onExportJson = useCallback(() => {
    const iso = new Date(asOf).toISOString();
    const doc = graphToJson(view, { decisionId: '', featureName: '', asOf: iso, decisionTime: iso, sourceName });
    downloadText(`${exportName}.json`, JSON.stringify(doc, null, 2), 'application/json');
  }, [view, asOf, sourceName, exportName]);

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
        {selected && (
          <NodeDetails
            node={selected}
            versions={versions}
            facets={nodeFacets(index, selected)}
            evidence={evidenceOf(selected, view)}
            recordAt={(p) => recordAt(evidence, p)}
            sourceName={sourceName}
            onClose={() => setSelectedId(undefined)}
          />
        )}
      </div>
    </div>
  );
}
