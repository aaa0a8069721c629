/** Turns a TraceResult into positioned React Flow nodes and edges (pure; layout by dagre). */
import { MarkerType } from '@xyflow/react';
import type { TraceResult } from '../../shared/analysis/types';
import { type LineageFlowEdge, type LineageFlowNode, NODE_HEIGHT, NODE_WIDTH } from './flow-types';
import { layoutLeftToRight } from './layout';

export interface FlowGraph {
  readonly nodes: LineageFlowNode[];
  readonly edges: LineageFlowEdge[];
}

/** Nodes placed left to right (upstream first); edges point downstream, with their kind as label. */
export function toFlow(trace: TraceResult): FlowGraph {
  const ids = new Set(trace.nodes.map((n) => n.id));
  const edges = trace.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const positions = layoutLeftToRight(
    trace.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges,
    { rankSeparation: 56, nodeSeparation: 20 },
  );
  const nodes = trace.nodes.map(
    (node) =>
      ({
        id: node.id,
        type: node.kind,
        position: positions.get(node.id) ?? { x: 0, y: 0 },
        data: { node },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        ariaLabel: `${node.kind} ${node.label}${node.version ? `, version ${node.version}` : ''}`,
      }) as LineageFlowNode,
  );
  return {
    nodes,
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      data: { edge },
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      className: `edge-${edge.kind}`,
    })),
  };
}
