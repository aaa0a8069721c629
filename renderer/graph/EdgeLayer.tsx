/**
 * Every edge of the lineage graph in one SVG inside React Flow's viewport. React Flow wraps each edge in its own
 * `<svg>` with a z-index: 919 stacking contexts for a 500-node trace, which Chromium re-layerizes and hit-tests on
 * every pan and zoom frame. One SVG of plain paths moves with the viewport at the cost of one layer
 * (bench/graph-view.ts).
 */
import { getBezierPath, Position as Side, ViewportPortal } from '@xyflow/react';
import { memo, useId, useMemo } from 'react';
import { type LineageFlowEdge, type LineageFlowNode, NODE_HEIGHT } from './flow-types';
import { BAND_GAP } from './wrap-layout';
import { roundedPath } from '../../shared/report/lineage-graph-svg';

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

/** How far out of a node a wrapping edge turns. */
const TURN = 28;

/**
 * The bands of a wrapped layout (wrap-layout.ts) as vertical extents, top to bottom: nodes whose extents overlap or
 * nearly touch are in one band.
 */
function bandsOf(nodes: ReadonlyArray<LineageFlowNode>): Array<{ top: number; bottom: number }> {
  const spans = nodes
    .map((n) => ({ top: n.position.y, bottom: n.position.y + (n.height ?? NODE_HEIGHT) }))
    .sort((a, b) => a.top - b.top);
  const bands: Array<{ top: number; bottom: number }> = [];
  for (const s of spans) {
    const last = bands[bands.length - 1];
    if (last && s.top < last.bottom + BAND_GAP / 2) last.bottom = Math.max(last.bottom, s.bottom);
    else bands.push({ ...s });
  }
  return bands;
}

/**
 * Where each edge runs, from the right side of its source handle to the left side of its target handle (as React
 * Flow places them): a bezier path within a band; an edge into a later band (wrap-layout.ts) leaves to the right,
 * runs along the gap above the target's band and enters from the left. Edges whose ends are not drawn are left out.
 */
export function edgePaths(
  nodes: ReadonlyArray<LineageFlowNode>,
  edges: ReadonlyArray<LineageFlowEdge>,
): ReadonlyArray<EdgePath> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bands = bandsOf(nodes);
  const bandOf = (y: number) => bands.find((b) => y >= b.top && y <= b.bottom);
  const paths: EdgePath[] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const out = source && handleOf(source, 'source', e.sourceHandle);
    const into = target && handleOf(target, 'target', e.targetHandle);
    if (!source || !target || !out || !into) continue;
    const sx = source.position.x + out.x + (out.width ?? 0);
    const sy = source.position.y + out.y + (out.height ?? 0) / 2;
    const tx = target.position.x + into.x;
    const ty = target.position.y + into.y + (into.height ?? 0) / 2;
    const band = bandOf(target.position.y);
    const wraps = band !== bandOf(source.position.y) || tx < sx;
    const corridor = (band?.top ?? ty) - BAND_GAP / 2;
    const d = wraps
      ? roundedPath([
          [sx, sy],
          [sx + TURN, sy],
          [sx + TURN, corridor],
          [tx - TURN, corridor],
          [tx - TURN, ty],
          [tx, ty],
        ])
      : getBezierPath({
          sourceX: sx,
          sourceY: sy,
          sourcePosition: Side.Right,
          targetX: tx,
          targetY: ty,
          targetPosition: Side.Left,
        })[0];
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
