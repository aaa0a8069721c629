/**
 * The drawn graph as a vector drawing (shared/report/lineage-graph-svg.ts): the laid-out nodes and the edges as
 * EdgeLayer draws them, without the screen's buttons, handles or HTML. Pure.
 */
import { lineageGraphSvg, type SvgEdge, type SvgNode } from '../../shared/report/lineage-graph-svg';
import { edgePaths } from './EdgeLayer';
import { FIELD_ROW_HEIGHT, type LineageFlowEdge, type LineageFlowNode, NODE_HEIGHT, NODE_WIDTH } from './flow-types';
import { kindLabel, splitLabel } from './LineageNodes';

function svgNode(n: LineageFlowNode): SvgNode {
  const box = { x: n.position.x, y: n.position.y, width: n.width ?? NODE_WIDTH, height: n.height ?? NODE_HEIGHT };
  if (n.type === 'supernode') {
    const { group } = n.data;
    return {
      id: n.id,
      kind: 'supernode',
      kindLabel: `Group · ${group.direction}`,
      name: `${group.members.length} more nodes`,
      traced: false,
      ...box,
    };
  }
  const { node, traced, change, fields } = n.data;
  const { name, namespace } = splitLabel(node);
  return {
    id: n.id,
    kind: node.kind,
    kindLabel: kindLabel(node),
    name,
    namespace,
    version:
      change?.status === 'changed' ? `${change.earlierVersion ?? '—'} → ${change.laterVersion ?? '—'}` : node.version,
    traced,
    change: change?.status,
    fields: fields?.map((f) => ({ name: f.name, type: f.type, traced: f.traced })),
    fieldsTop: fields ? NODE_HEIGHT : undefined,
    fieldRow: FIELD_ROW_HEIGHT,
    ...box,
  };
}

/** The SVG text of the graph as laid out: one path per drawn edge, one group per node. */
export function graphSvg(
  nodes: ReadonlyArray<LineageFlowNode>,
  edges: ReadonlyArray<LineageFlowEdge>,
  title: string,
): string {
  const byId = new Map(edges.map((e) => [e.id, e]));
  const drawn: SvgEdge[] = edgePaths(nodes, edges).map((p) => {
    const edge = byId.get(p.id)?.data?.edge;
    const change = /change-(added|removed)/.exec(p.className)?.[1] as SvgEdge['change'];
    return {
      d: p.d,
      kind: edge?.kind === 'column' ? 'column' : 'table',
      traced: Boolean(edge?.traced),
      change,
      label: p.label,
    };
  });
  return lineageGraphSvg({ nodes: nodes.map(svgNode), edges: drawn, title });
}
