/**
 * Turns the visible lineage (view-graph.ts) into React Flow nodes and edges at laid-out positions (pure). Layout is
 * separate (layout.ts, run off the render path by useLayout.ts) and keyed by the graph's shape only.
 */
import { MarkerType, type NodeHandle, Position as Side } from '@xyflow/react';
import type { ColumnView } from '../trace/column-fields';
import type { TraceComparison } from '../trace/trace-diff';
import type { ViewGraph } from '../trace/view-graph';
import {
  FIELD_ROW_HEIGHT,
  fieldHandle,
  fieldRowTop,
  type LineageFlowEdge,
  type LineageFlowNode,
  NODE_HEIGHT,
  MAX_FIELD_ROWS,
  NODE_WIDTH,
  nodeHeight,
} from './flow-types';
import type { LayoutEdgeInput, LayoutNodeInput, Position } from './layout';

export interface LayoutInput {
  readonly nodes: ReadonlyArray<LayoutNodeInput>;
  readonly edges: ReadonlyArray<LayoutEdgeInput>;
  /** Changes whenever the shape changes (node ids, sizes, edges), never otherwise. */
  readonly key: string;
}

/** What the layout needs: each node's box and the table-level edges. */
export function layoutInput(view: ViewGraph, columns?: ColumnView): LayoutInput {
  const nodes = view.nodes.map((n) => ({
    id: n.id,
    width: NODE_WIDTH,
    height: n.type === 'lineage' ? nodeHeight(columns?.fields.get(n.id)?.length ?? 0) : NODE_HEIGHT,
  }));
  const edges = view.edges.map((e) => ({ source: e.source, target: e.target }));
  const key = `${nodes.map((n) => `${n.id}:${n.height}`).join('|')}#${edges.map((e) => `${e.source}>${e.target}`).join('|')}`;
  return { nodes, edges, key };
}

const arrow = { type: MarkerType.ArrowClosed, width: 16, height: 16 } as const;

/** React Flow's handle (6 px, border-box), centred on the node's left or right border (5 px and 1 px wide). */
const HANDLE = 6;
const TARGET_X = 5 - HANDLE / 2;
const SOURCE_X = NODE_WIDTH - 1 - HANDLE / 2;

/**
 * Where a node's handles are, as graph.css places them in the DOM. Given up front, edges are drawn in the same frame
 * as the nodes instead of one render later, once React Flow has measured every handle.
 */
export function nodeHandles(height: number, fields: ReadonlyArray<{ readonly name: string }> = []): NodeHandle[] {
  const at = (y: number, id: string | null, type: 'source' | 'target'): NodeHandle => ({
    id,
    type,
    position: type === 'target' ? Side.Left : Side.Right,
    x: type === 'target' ? TARGET_X : SOURCE_X,
    y: y - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  });
  const handles = [at(height / 2, null, 'target'), at(height / 2, null, 'source')];
  fields.slice(0, MAX_FIELD_ROWS).forEach((f, i) => {
    const y = fieldRowTop(i) + FIELD_ROW_HEIGHT / 2;
    handles.push(at(y, fieldHandle(f.name, 'in'), 'target'), at(y, fieldHandle(f.name, 'out'), 'source'));
  });
  return handles;
}

/** React Flow nodes and edges of the view at the given positions, with changes and fields marked. */
export function toFlow(
  view: ViewGraph,
  positions: ReadonlyMap<string, Position>,
  options: { readonly comparison?: TraceComparison; readonly columns?: ColumnView; readonly selectedId?: string },
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  const { comparison, columns, selectedId } = options;
  const nodes = view.nodes.map((n): LineageFlowNode => {
    const position = positions.get(n.id) ?? { x: 0, y: 0 };
    const selected = n.id === selectedId;
    if (n.type === 'supernode') {
      return {
        id: n.id,
        type: 'supernode',
        position,
        selected,
        data: { group: n },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        handles: nodeHandles(NODE_HEIGHT),
        ariaLabel: `${n.members.length} more ${n.direction} nodes, grouped`,
      };
    }
    const change = comparison?.nodes.get(n.id);
    const fields = columns?.fields.get(n.id);
    const height = nodeHeight(fields?.length ?? 0);
    return {
      id: n.id,
      type: n.node.kind,
      position,
      selected,
      data: { node: n.node, traced: n.traced, upstream: n.upstream, downstream: n.downstream, change, fields },
      width: NODE_WIDTH,
      height,
      handles: nodeHandles(height, fields),
      ariaLabel: `${n.node.kind} ${n.node.label}${n.node.version ? `, version ${n.node.version}` : ''}${change ? `, ${change.status}` : ''}`,
    } as LineageFlowNode;
  });
  const edges: LineageFlowEdge[] = view.edges.map((e) => {
    const change = comparison?.edges.get(e.id);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      data: { edge: e },
      markerEnd: arrow,
      interactionWidth: 0,
      className: `edge-${e.kind}${e.traced ? ' traced' : ''}${change ? ` change-${change}` : ''}`,
    };
  });
  const drawn = (id: string, field: string) =>
    columns?.fields
      .get(id)
      ?.slice(0, MAX_FIELD_ROWS)
      .some((f) => f.name === field) ?? false;
  for (const c of columns?.edges ?? []) {
    const sourceFields = columns?.fields.get(c.source);
    if (!drawn(c.target, c.targetField) || (sourceFields && !drawn(c.source, c.sourceField))) continue;
    const traced = Boolean(
      columns?.fields.get(c.target)?.some((f) => f.name === c.targetField && f.traced) &&
      sourceFields?.some((f) => f.name === c.sourceField && f.traced),
    );
    edges.push({
      id: `column:${c.id}`,
      source: c.source,
      target: c.target,
      sourceHandle: sourceFields ? fieldHandle(c.sourceField, 'out') : undefined,
      targetHandle: fieldHandle(c.targetField, 'in'),
      data: { edge: { kind: 'column', traced } },
      interactionWidth: 0,
      className: `edge-column${traced ? ' traced' : ''}`,
      ariaLabel: `column ${c.sourceField} to ${c.targetField}`,
    });
  }
  return { nodes, edges };
}
