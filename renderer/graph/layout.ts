/**
 * Left-to-right layout of the lineage graph with dagre, as a pure function apart from rendering:
 * upstream on the left, the decision on the right.
 */
import { graphlib, layout } from '@dagrejs/dagre';
import { layoutLayered } from './layered-layout';
import { wrapIntoBands } from './wrap-layout';

export interface LayoutNodeInput {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdgeInput {
  /** Upstream node id. */
  readonly source: string;
  /** Downstream node id. */
  readonly target: string;
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface LayoutOptions {
  readonly rankSeparation?: number;
  readonly nodeSeparation?: number;
  /**
   * The width / height of the pane the graph is shown in: when given, long chains of ranks wrap into bands so the
   * graph's box has about that shape (wrap-layout.ts).
   */
  readonly aspectRatio?: number;
}

/** Past this many nodes dagre's crossing minimisation takes seconds; the layered layout takes milliseconds. */
export const DAGRE_LIMIT = 150;

/**
 * Positions (top-left corners, as React Flow expects) for every node. Edges naming unknown nodes are ignored.
 * Deterministic: the same input always gives the same positions. Dagre up to DAGRE_LIMIT nodes, else layered-layout;
 * wrapped into bands when an aspect ratio is given.
 */
export function layoutLeftToRight(
  nodes: ReadonlyArray<LayoutNodeInput>,
  edges: ReadonlyArray<LayoutEdgeInput>,
  options: LayoutOptions = {},
): Map<string, Position> {
  const ranked = nodes.length > DAGRE_LIMIT ? layoutLayered(nodes, edges, options) : layoutDagre(nodes, edges, options);
  return options.aspectRatio ? wrapIntoBands(nodes, ranked, options.aspectRatio) : ranked;
}

function layoutDagre(
  nodes: ReadonlyArray<LayoutNodeInput>,
  edges: ReadonlyArray<LayoutEdgeInput>,
  options: LayoutOptions = {},
): Map<string, Position> {
  const graph = new graphlib.Graph({ multigraph: false });
  graph.setGraph({
    rankdir: 'LR',
    ranksep: options.rankSeparation ?? 80,
    nodesep: options.nodeSeparation ?? 24,
    marginx: 16,
    marginy: 16,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.setEdge(edge.source, edge.target);
    }
  }
  layout(graph);
  const positions = new Map<string, Position>();
  for (const node of nodes) {
    const placed = graph.node(node.id) as { x: number; y: number } | undefined;
    const x = placed?.x ?? 0;
    const y = placed?.y ?? 0;
    positions.set(node.id, { x: x - node.width / 2, y: y - node.height / 2 });
  }
  return positions;
}
