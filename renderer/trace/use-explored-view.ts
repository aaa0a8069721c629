/**
 * A lineage graph as the investigator opened it, for the Trace step and the Lineage view alike: the view built from
 * the trace and what was expanded, collapsed or opened (explore-state.ts), the fields' column edges, the actions a
 * node's controls call, and the selected node with its versions for the details panel.
 */
import { useCallback, useMemo, useState } from 'react';
import type { TraceResult } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { GraphActions } from '../graph/graph-actions';
import { columnView } from './column-fields';
import {
  type ExploreState,
  initialExploreState,
  openGroup,
  setDownstream,
  setFieldsShown,
  setUpstream,
} from './explore-state';
import type { LineageIndex } from './lineage-index';
import { versionTimeline } from './versions';
import { buildView, type NeighbourSource, type ViewGraph, type ViewLineageNode } from './view-graph';

const NO_GRAPH: ViewGraph = { nodes: [], edges: [] };

/** `shown` as explored from `initial` (as of `asOf`); no graph while there is no trace. */
export function useExploredView(
  shown: TraceResult | undefined,
  neighbours: NeighbourSource,
  index: LineageIndex,
  evidence: EvidenceSet,
  asOf: number,
  initial: ExploreState | (() => ExploreState) = initialExploreState,
) {
  const [explore, setExplore] = useState(initial);
  const view = useMemo(() => (shown ? buildView(shown, explore, neighbours) : NO_GRAPH), [shown, explore, neighbours]);
  const lineageNodes = useMemo(
    () => new Map(view.nodes.filter((n): n is ViewLineageNode => n.type === 'lineage').map((n) => [n.id, n])),
    [view],
  );
  const columns = useMemo(() => {
    if (!shown || explore.fieldsShown.size === 0) return undefined;
    const visible = new Map([...lineageNodes].map(([id, n]) => [id, n.node]));
    return columnView(index, shown, visible, explore.fieldsShown);
  }, [index, shown, lineageNodes, explore.fieldsShown]);
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
  return { view, columns, actions, selected, versions, onSelectNode, closeDetails: () => setSelectedId(undefined) };
}
