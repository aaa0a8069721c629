/**
 * The drawn graph as a vector drawing (shared/report/lineage-graph-svg.ts): the laid-out nodes and the edges as
 * EdgeLayer draws them, without the screen's buttons, handles or HTML. Pure.
 */
import { lineageGraphSvg, type SvgEdge, type SvgNode } from '../../shared/report/lineage-graph-svg';
import { formatTime, type TimeZoneSetting } from '../format/time';
import type { TraceComparison } from '../trace/trace-diff';
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

/**
 * What the drawing shows, as its caption: the decision (its id and the model that made it) and the moment the
 * lineage is drawn as of — the decision's, or the moment chosen to compare with it — in the app's time zone.
 */
export function graphCaption(
  nodes: ReadonlyArray<LineageFlowNode>,
  zone: TimeZoneSetting,
  comparison?: Pick<TraceComparison, 'earlier' | 'later'>,
): string | undefined {
  const found = nodes.find((n) => n.type !== 'supernode' && n.data.node.kind === 'decision');
  if (!found || found.type === 'supernode') return undefined;
  const decision = found.data.node;
  const model = decision.version ? ` of model ${decision.version}` : '';
  const time = decision.time;
  if (!time) return `Lineage of decision ${decision.label}${model}`;
  if (!comparison) return `Lineage of decision ${decision.label}${model}, as of ${formatTime(time, zone)}`;
  const chosen = Date.parse(comparison.earlier) === Date.parse(time) ? comparison.later : comparison.earlier;
  return (
    `Lineage of decision ${decision.label}${model}, as of ${formatTime(chosen, zone)}, ` +
    `compared with the decision's moment ${formatTime(time, zone)}`
  );
}

/** The SVG text of the graph as laid out: one path per drawn edge, one group per node, and the caption if given. */
export function graphSvg(
  nodes: ReadonlyArray<LineageFlowNode>,
  edges: ReadonlyArray<LineageFlowEdge>,
  title: string,
  caption?: string,
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
  return lineageGraphSvg({ nodes: nodes.map(svgNode), edges: drawn, title, caption });
}
