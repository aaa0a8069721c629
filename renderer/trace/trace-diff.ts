/**
 * What differs between the lineage at the decision's moment and at another chosen moment: nodes whose version
 * changed (earlier → later), and nodes and edges that exist at only one of the two moments.
 */
import type { TraceEdge, TraceNode, TraceResult } from '../../shared/analysis/types';

export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface NodeChange {
  readonly status: ChangeStatus;
  /** The version at the earlier of the two moments (for `changed`). */
  readonly earlierVersion?: string;
  /** The version at the later of the two moments (for `changed`). */
  readonly laterVersion?: string;
}

export interface TraceComparison {
  /** Both moments' graphs in one: the chosen moment's nodes, plus those only the decision's moment has. */
  readonly trace: TraceResult;
  readonly nodes: ReadonlyMap<string, NodeChange>;
  readonly edges: ReadonlyMap<string, 'added' | 'removed'>;
  /** The earlier and later of the two moments (ISO). */
  readonly earlier: string;
  readonly later: string;
}

/**
 * Compares the trace at the decision's moment with the trace at a chosen moment. `added` means present at the later
 * moment only, `removed` at the earlier only, whichever of the two is the decision's.
 */
export function compareTraces(atDecision: TraceResult, atChosen: TraceResult): TraceComparison {
  const chosenFirst = Date.parse(atChosen.asOf) < Date.parse(atDecision.asOf);
  const [earlier, later] = chosenFirst ? [atChosen, atDecision] : [atDecision, atChosen];
  const earlierNodes = new Map(earlier.nodes.map((n) => [n.id, n]));
  const laterNodes = new Map(later.nodes.map((n) => [n.id, n]));
  const nodes = new Map<string, NodeChange>();
  for (const [id, node] of laterNodes) {
    const before = earlierNodes.get(id);
    if (!before) nodes.set(id, { status: 'added' });
    else if ((before.version ?? '') !== (node.version ?? '')) {
      nodes.set(id, { status: 'changed', earlierVersion: before.version, laterVersion: node.version });
    }
  }
  for (const id of earlierNodes.keys()) if (!laterNodes.has(id)) nodes.set(id, { status: 'removed' });

  const earlierEdges = new Set(earlier.edges.map((e) => e.id));
  const laterEdges = new Set(later.edges.map((e) => e.id));
  const edges = new Map<string, 'added' | 'removed'>();
  for (const id of laterEdges) if (!earlierEdges.has(id)) edges.set(id, 'added');
  for (const id of earlierEdges) if (!laterEdges.has(id)) edges.set(id, 'removed');

  const chosenIds = new Set(atChosen.nodes.map((n) => n.id));
  const chosenEdgeIds = new Set(atChosen.edges.map((e) => e.id));
  const union: TraceResult = {
    ...atChosen,
    nodes: [...atChosen.nodes, ...atDecision.nodes.filter((n: TraceNode) => !chosenIds.has(n.id))],
    edges: [...atChosen.edges, ...atDecision.edges.filter((e: TraceEdge) => !chosenEdgeIds.has(e.id))],
  };
  return { trace: union, nodes, edges, earlier: earlier.asOf, later: later.asOf };
}
