/**
 * Every edge of the lineage graph in one SVG inside React Flow's viewport. React Flow wraps each edge in its own
 * `<svg>` with a z-index: 919 stacking contexts for a 500-node trace, which Chromium re-layerizes and hit-tests on
 * every pan and zoom frame. One SVG of plain paths moves with the viewport at the cost of one layer
 * (bench/graph-view.ts).
 */
import { getBezierPath, Position as Side, ViewportPortal } from '@xyflow/react';
import { memo, useId, useMemo } from 'react';
import type { LineageFlowEdge, LineageFlowNode } from './flow-types';

/** One drawn edge: its path and the classes graph.css styles it by. */
export interface EdgePath {
  readonly id: string;
  readonly d: string;
  readonly className: string;
  readonly arrow: boolean;
  readonly label?: string;
}

type Handle = NonNullable<LineageFlowNode['handles']>[number];

function handleOf(node: LineageFlowNode, type: 'source' | 'target', id: string | null | undefined): Handle | undefined {
  const handles = node.handles ?? [];
  return (
    handles.find((h) => h.type === type && (h.id ?? null) === (id ?? null)) ?? handles.find((h) => h.type === type)
  );
}

/**
 * Where each edge runs, from the right side of its source handle to the left side of its target handle (as React
 * Flow places them), as a bezier path. Edges whose ends are not drawn are left out.
 */
export function edgePaths(
  nodes: ReadonlyArray<LineageFlowNode>,
  edges: ReadonlyArray<LineageFlowEdge>,
): ReadonlyArray<EdgePath> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const paths: EdgePath[] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const out = source && handleOf(source, 'source', e.sourceHandle);
    const into = target && handleOf(target, 'target', e.targetHandle);
    if (!source || !target || !out || !into) continue;
    const [d] = getBezierPath({
      sourceX: source.position.x + out.x + (out.width ?? 0),
      sourceY: source.position.y + out.y + (out.height ?? 0) / 2,
      sourcePosition: Side.Right,
      targetX: target.position.x + into.x,
      targetY: target.position.y + into.y + (into.height ?? 0) / 2,
      targetPosition: Side.Left,
    });
    const label = typeof e.ariaLabel === 'string' ? e.ariaLabel : undefined;
    paths.push({ id: e.id, d, className: `lineage-edge ${e.className ?? ''}`, arrow: Boolean(e.markerEnd), label });
  }
  return paths;
}

/** The edges, drawn under the nodes and moved with them by React Flow's viewport transform. */
export const EdgeLayer = memo(function EdgeLayer({
  nodes,
  edges,
}: {
  readonly nodes: ReadonlyArray<LineageFlowNode>;
  readonly edges: ReadonlyArray<LineageFlowEdge>;
}) {
  const paths = useMemo(() => edgePaths(nodes, edges), [nodes, edges]);
  const arrowId = `lineage-arrow-${useId().replace(/:/g, '')}`;
  return (
    <ViewportPortal>
      <svg className="lineage-edges" aria-label={`${paths.length} edges`} role="img">
        <defs>
          <marker
            id={arrowId}
            markerWidth="16"
            markerHeight="16"
            viewBox="-10 -10 20 20"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline className="lineage-arrowhead" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        </defs>
        {paths.map((p) => (
          <path
            key={p.id}
            d={p.d}
            className={p.className}
            markerEnd={p.arrow ? `url(#${arrowId})` : undefined}
            data-id={p.id}
          >
            {p.label && <title>{p.label}</title>}
          </path>
        ))}
      </svg>
    </ViewportPortal>
  );
});
