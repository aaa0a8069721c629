/**
 * The part of the lineage on screen: the traced graph, plus what the investigator expanded from the evidence, minus
 * what they collapsed, with neighbours past the threshold grouped into supernodes. Pure; React Flow draws the result.
 */
import type { TraceEdge, TraceNode, TraceResult } from '../../shared/analysis/types';
import { type ExploreState, GROUP_THRESHOLD, groupId } from './explore-state';
import type { Neighbour } from './lineage-index';

/** Where a node's neighbours in one direction stand: shown, available but hidden, or none in the evidence. */
export type Reach = 'shown' | 'hidden' | 'none';

export interface ViewLineageNode {
  readonly type: 'lineage';
  readonly id: string;
  readonly node: TraceNode;
  /** On the traced path from the decision to its sources. */
  readonly traced: boolean;
  readonly upstream: Reach;
  readonly downstream: Reach;
}

export interface ViewGroupNode {
  readonly type: 'supernode';
  readonly id: string;
  readonly anchor: string;
  readonly direction: 'upstream' | 'downstream';
  /** The nodes it stands for. */
  readonly members: ReadonlyArray<TraceNode>;
  readonly depth: number;
}

export type ViewNode = ViewLineageNode | ViewGroupNode;

export interface ViewEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: TraceEdge['kind'] | 'group';
  readonly traced: boolean;
  readonly edge?: TraceEdge;
}

export interface ViewGraph {
  readonly nodes: ReadonlyArray<ViewNode>;
  readonly edges: ReadonlyArray<ViewEdge>;
}

/** Where expansions come from: the evidence's neighbours of a node (lineage-index.ts, as of a moment). */
export interface NeighbourSource {
  upstream(node: TraceNode): ReadonlyArray<Neighbour>;
  downstream(node: TraceNode): ReadonlyArray<Neighbour>;
}

const byTracedThenLabel = (traced: ReadonlySet<string>) => (a: TraceNode, b: TraceNode) =>
  Number(traced.has(b.id)) - Number(traced.has(a.id)) || a.label.localeCompare(b.label);

/** Builds the visible graph from the trace, the explore state and the evidence's neighbours. */
export function buildView(trace: TraceResult, state: ExploreState, neighbours: NeighbourSource): ViewGraph {
  const traced = new Set(trace.nodes.map((n) => n.id));
  const nodes = new Map(trace.nodes.map((n) => [n.id, n]));
  const edges = new Map(trace.edges.map((e) => [e.id, e]));
  const groups: ViewGroupNode[] = [];
  const order = byTracedThenLabel(traced);
  const tracedEdges = new Set(trace.edges.map((e) => e.id));
  const add = ({ node, edge }: Neighbour) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    if (!edges.has(edge.id)) edges.set(edge.id, edge);
  };

  // Expansions from the evidence, until nothing new appears (an expanded node may itself have been added).
  const wanted = [
    ...[...state.expandedDownstream].map((id) => ({ id, direction: 'downstream' as const })),
    ...[...state.expandedUpstream].map((id) => ({ id, direction: 'upstream' as const })),
  ];
  const done = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const { id, direction } of wanted) {
      const node = nodes.get(id);
      const key = `${direction}:${id}`;
      if (!node || done.has(key)) continue;
      done.add(key);
      changed = true;
      const found = direction === 'downstream' ? neighbours.downstream(node) : neighbours.upstream(node);
      const sorted = [...found].sort((a, b) => order(a.node, b.node));
      const open = state.openGroups.has(groupId(id, direction)) || sorted.length <= GROUP_THRESHOLD;
      sorted.slice(0, open ? undefined : GROUP_THRESHOLD).forEach(add);
      if (!open && direction === 'downstream') {
        const members = sorted.slice(GROUP_THRESHOLD).map((n) => n.node);
        groups.push({ type: 'supernode', id: groupId(id, direction), anchor: id, direction, members, depth: 0 });
      }
    }
  }

  const incoming = new Map<string, string[]>();
  const outgoing = new Set<string>();
  for (const e of edges.values()) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
    outgoing.add(e.source);
  }

  // Visible: everything upstream of a sink, not past a collapsed node; past the threshold, the rest is grouped.
  const visible = new Set<string>();
  const queue = [...nodes.keys()].filter((id) => !outgoing.has(id));
  const cut = new Map<string, string[]>();
  for (const id of queue) visible.add(id);
  while (queue.length) {
    const id = queue.shift() as string;
    if (state.collapsedUpstream.has(id)) continue;
    const ups = (incoming.get(id) ?? []).map((u) => nodes.get(u) as TraceNode).sort(order);
    const open = state.openGroups.has(groupId(id, 'upstream')) || ups.length <= GROUP_THRESHOLD;
    if (!open)
      cut.set(
        id,
        ups.slice(GROUP_THRESHOLD).map((n) => n.id),
      );
    for (const up of open ? ups : ups.slice(0, GROUP_THRESHOLD)) {
      if (!visible.has(up.id)) {
        visible.add(up.id);
        queue.push(up.id);
      }
    }
  }
  for (const [anchor, ids] of cut) {
    const members = ids.filter((id) => !visible.has(id)).map((id) => nodes.get(id) as TraceNode);
    const depth = (nodes.get(anchor)?.depth ?? 0) + 1;
    if (members.length)
      groups.push({
        type: 'supernode',
        id: groupId(anchor, 'upstream'),
        anchor,
        direction: 'upstream',
        members,
        depth,
      });
  }

  const viewNodes: ViewNode[] = [...visible].map((id) => {
    const node = nodes.get(id) as TraceNode;
    const ins = incoming.get(id) ?? [];
    // A traced node's upstream is the trace's, unless it was expanded from the evidence and then collapsed (the
    // Lineage view's node browsed from, the one node of its trace).
    const fromEvidence = !traced.has(id) || state.collapsedUpstream.has(id);
    const hasUp = ins.length > 0 || (fromEvidence && neighbours.upstream(node).length > 0);
    const upShown = hasUp && !state.collapsedUpstream.has(id) && ins.length > 0;
    const down = state.expandedDownstream.has(id)
      ? 'shown'
      : neighbours.downstream(node).some((n) => !nodes.has(n.node.id))
        ? 'hidden'
        : 'none';
    return {
      type: 'lineage',
      id,
      node,
      traced: traced.has(id),
      upstream: hasUp ? (upShown ? 'shown' : 'hidden') : 'none',
      downstream: down,
    };
  });
  const viewEdges: ViewEdge[] = [...edges.values()]
    .filter((e) => visible.has(e.source) && visible.has(e.target))
    .map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      kind: e.kind,
      traced: tracedEdges.has(e.id),
      edge: e,
    }));
  for (const g of groups) {
    if (!visible.has(g.anchor)) continue;
    viewNodes.push(g);
    const [source, target] = g.direction === 'upstream' ? [g.id, g.anchor] : [g.anchor, g.id];
    viewEdges.push({ id: `${source}->${target}`, source, target, kind: 'group', traced: false });
  }
  return { nodes: viewNodes, edges: viewEdges };
}
