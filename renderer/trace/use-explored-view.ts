/**
 * A lineage graph as the investigator opened it, for the Trace step and the Lineage view alike: the view built from
 * the trace and what was expanded, collapsed or opened (explore-state.ts), the fields' column edges, the actions a
 * node's controls call, and the selected node's details panel. All of it outlives a change of moment: a node still
 * drawn at the new moment stays expanded, collapsed or selected; a view that opens nodes by itself (a seed) opens
 * only the nodes it reaches for the first time.
 */
import { type ComponentProps, useCallback, useMemo, useState } from 'react';
import type { TraceResult } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Provenance } from '../../shared/model/records';
import type { GraphActions } from '../graph/graph-actions';
import type { NodeDetails } from '../graph/NodeDetails';
import { columnView } from './column-fields';
import { evidenceOf, recordAt } from './evidence-records';
import {
  emptySeed,
  type ExploreSeed,
  type ExploreState,
  initialExploreState,
  openGroup,
  seedExplore,
  setDownstream,
  setFieldsShown,
  setUpstream,
  settle,
} from './explore-state';
import type { LineageIndex } from './lineage-index';
import { nodeFacets, versionTimeline } from './versions';
import { buildView, type NeighbourSource, type ViewGraph, type ViewLineageNode } from './view-graph';

const NO_GRAPH: ViewGraph = { nodes: [], edges: [] };

/** The details panel's props for the selected node (a comparison adds its change). */
export type SelectedDetails = Omit<ComponentProps<typeof NodeDetails>, 'change'>;

export interface ExploredViewInput {
  /** The trace drawn; no graph while there is none. */
  readonly shown: TraceResult | undefined;
  readonly neighbours: NeighbourSource;
  readonly index: LineageIndex;
  readonly evidence: EvidenceSet;
  /** The moment shown (ms). */
  readonly asOf: number;
  readonly sourceName: (sourceId: string) => string;
  /** What opens by itself as of `asOf` (one object per moment): applied to the nodes it has not opened before. */
  readonly seed?: ExploreSeed;
  /** The fields marked on the column path per dataset, in place of the trace's (the Lineage view's browsed field). */
  readonly columnPath?: ReadonlyMap<string, ReadonlySet<string>>;
}

interface Explored {
  readonly explore: ExploreState;
  /** The nodes whose opening was decided, by a seed or by hand: a later seed leaves them alone. */
  readonly settled: ExploreSeed;
  readonly seed?: ExploreSeed;
}

const seeded = (from: Explored, seed: ExploreSeed): Explored => ({
  explore: seedExplore(from.explore, seed, from.settled),
  settled: settle(from.settled, seed),
  seed,
});

/** `shown` as explored by hand (and by `seed`), as of `asOf`. */
export function useExploredView({
  shown,
  neighbours,
  index,
  evidence,
  asOf,
  sourceName,
  seed,
  columnPath,
}: ExploredViewInput) {
  const [stored, setExplored] = useState<Explored>(() => {
    const start = { explore: initialExploreState, settled: emptySeed };
    return seed ? seeded(start, seed) : start;
  });
  // A new moment's seed is applied in this render (not after it), so no frame shows its nodes closed.
  const current = seed && seed !== stored.seed ? seeded(stored, seed) : stored;
  if (current !== stored) setExplored(current);
  const explore = current.explore;

  const view = useMemo(() => (shown ? buildView(shown, explore, neighbours) : NO_GRAPH), [shown, explore, neighbours]);
  const lineageNodes = useMemo(
    () => new Map(view.nodes.filter((n): n is ViewLineageNode => n.type === 'lineage').map((n) => [n.id, n])),
    [view],
  );
  const columns = useMemo(() => {
    if (!shown || explore.fieldsShown.size === 0) return undefined;
    const visible = new Map([...lineageNodes].map(([id, n]) => [id, n.node]));
    return columnView(index, shown, visible, explore.fieldsShown, columnPath);
  }, [index, shown, lineageNodes, explore.fieldsShown, columnPath]);
  const actions = useMemo<GraphActions>(() => {
    const byHand = (change: (s: ExploreState) => ExploreState, settled: Parameters<typeof settle>[1]) =>
      setExplored((s) => ({ ...s, explore: change(s.explore), settled: settle(s.settled, settled) }));
    return {
      toggleUpstream: (id) =>
        byHand((s) => setUpstream(s, id, lineageNodes.get(id)?.upstream !== 'shown'), { upstream: [id] }),
      toggleDownstream: (id) =>
        byHand((s) => setDownstream(s, id, lineageNodes.get(id)?.downstream !== 'shown'), { downstream: [id] }),
      toggleFields: (id) => byHand((s) => setFieldsShown(s, id, !s.fieldsShown.has(id)), { fields: [id] }),
      openGroup: (id) => byHand((s) => openGroup(s, id), {}),
    };
  }, [lineageNodes]);

  const [selectedId, setSelectedId] = useState<string>();
  const onSelectNode = useCallback((id: string | undefined) => setSelectedId(id), []);
  const closeDetails = useCallback(() => setSelectedId(undefined), []);
  const selected = selectedId ? lineageNodes.get(selectedId)?.node : undefined;
  const versions = useMemo(
    () => (selected ? versionTimeline(evidence, index, selected, asOf) : []),
    [selected, evidence, index, asOf],
  );
  const recordOf = useCallback((p: Provenance) => recordAt(evidence, p), [evidence]);
  const details = useMemo<SelectedDetails | undefined>(
    () =>
      selected && {
        node: selected,
        versions,
        facets: nodeFacets(index, selected),
        evidence: evidenceOf(selected, view),
        recordAt: recordOf,
        sourceName,
        onClose: closeDetails,
      },
    [selected, versions, index, view, recordOf, sourceName, closeDetails],
  );
  return { view, columns, actions, selected, onSelectNode, details };
}
