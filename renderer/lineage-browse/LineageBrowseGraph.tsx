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
import { columnPathAt, splitFieldId } from '../../shared/lineage/column-path';
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
 * expand and collapse controls, fields and details work as they do in the Trace step. Browsed from a field, the
 * datasets on its column path (column-path.ts) show their fields, the path's rows marked and its column edges drawn as
 * the Trace marks a decision's traced columns. Another moment redraws it in place: what was expanded, collapsed or
 * selected, and the viewport, stay; the field stays chosen.
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
  // Browsed from a field: its column path as of the moment, the fields of each dataset on it shown and marked.
  const columnPath = useMemo(
    () => (entry.kind === 'field' ? columnPathAt(index.model, entry.id, asOf) : undefined),
    [index, entry.kind, entry.id, asOf],
  );
  // Too large a graph to read whole opens on the field's dataset and the datasets next to it on its column path.
  const fitFirst = useMemo(() => {
    if (!columnPath) return undefined;
    const next = columnPath.edges
      .filter((e) => e.source === columnPath.field || e.target === columnPath.field)
      .map((e) => splitFieldId(e.source === columnPath.field ? e.target : e.source)?.datasetId);
    return [...new Set([nodeId, ...next.filter((id) => id !== undefined)])];
  }, [columnPath, nodeId]);
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
        fields: new Set(columnPath ? [nodeId, ...columnPath.fields.keys()] : []),
      },
    [around, nodeId, columnPath],
  );
  const { view, columns, actions, selected, onSelectNode, details } = useExploredView({
    shown: trace,
    neighbours,
    index,
    evidence,
    asOf,
    sourceName,
    seed,
    columnPath: columnPath?.fields,
  });
  const exportName = `lineage ${nodeId}`;
  const onExportJson = useCallback(() => {
    const doc = graphToJson(view, {
      kind: 'browse',
      focusId: nodeId,
      columnPath,
      asOf: new Date(asOf).toISOString(),
      sourceName,
    });
    downloadText(`${exportName}.json`, JSON.stringify(doc, null, 2), 'application/json');
  }, [view, nodeId, columnPath, asOf, sourceName, exportName]);

  if (!around) {
    return (
      <p className="notice" role="status">
        Nothing in the evidence names {nodeId} as of that moment.
      </p>
    );
  }
  return (
    <div className="stack">
      {columnPath && (
        <>
          <h3 className="lineage-browse-field">
            Column lineage of <span className="mono">{columnPath.field}</span>
          </h3>
          {columnPath.upstream.length + columnPath.downstream.length === 0 ? (
            <p>
              No column lineage in the evidence names this field: no run says which fields it was computed from or which
              it went into. Its dataset's lineage is drawn below, the field marked among its fields.
            </p>
          ) : (
            <p>
              Computed from {countOf(columnPath.upstream.length, 'field')} upstream;{' '}
              {countOf(columnPath.downstream.length, 'field')} computed from it downstream. Their rows are marked in the
              fields of their datasets, and the column edges between them drawn.
              {columnPath.truncated ? ' The column path stopped at its limit.' : ''}
            </p>
          )}
        </>
      )}
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
          fitFirst={fitFirst}
        />
        {details && <NodeDetails {...details} />}
      </div>
    </div>
  );
}
