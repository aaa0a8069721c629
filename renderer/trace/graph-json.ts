/**
 * The drawn lineage graph as a JSON document: every node with its version and evidence, every edge with its
 * evidence, and what differs from the decision's moment when another moment is shown.
 */
import type { Provenance } from '../../shared/model/records';
import type { TraceComparison } from './trace-diff';
import type { ViewGraph } from './view-graph';

export interface EvidenceRef {
  readonly source: string;
  readonly sourceId: string;
  readonly line?: number;
  readonly pointer?: string;
}

export interface GraphExport {
  readonly decision: string;
  readonly feature: string;
  /** The moment the graph shows. */
  readonly asOf: string;
  /** The decision's moment, when another moment is shown. */
  readonly comparedWith?: string;
  readonly nodes: ReadonlyArray<{
    readonly id: string;
    readonly kind: string;
    readonly label: string;
    readonly version?: string;
    readonly time?: string;
    readonly change?: string;
    readonly earlierVersion?: string;
    readonly laterVersion?: string;
    readonly members?: ReadonlyArray<string>;
    readonly evidence?: EvidenceRef;
  }>;
  readonly edges: ReadonlyArray<{
    readonly source: string;
    readonly target: string;
    readonly kind: string;
    readonly change?: string;
    readonly evidence?: EvidenceRef;
  }>;
}

/** Builds the export; `sourceName` turns a source id into its file name. */
export function graphToJson(
  view: ViewGraph,
  context: {
    readonly decisionId: string;
    readonly featureName: string;
    readonly asOf: string;
    readonly decisionTime: string;
    readonly comparison?: TraceComparison;
    readonly sourceName: (sourceId: string) => string;
  },
): GraphExport {
  const ref = (p: Provenance | undefined): EvidenceRef | undefined =>
    p && { source: context.sourceName(p.sourceId), sourceId: p.sourceId, line: p.line, pointer: p.pointer };
  const cmp = context.comparison;
  return {
    decision: context.decisionId,
    feature: context.featureName,
    asOf: context.asOf,
    comparedWith: cmp ? context.decisionTime : undefined,
    nodes: view.nodes.map((n) => {
      if (n.type === 'supernode') {
        return { id: n.id, kind: 'group', label: `${n.members.length} more`, members: n.members.map((m) => m.id) };
      }
      const change = cmp?.nodes.get(n.id);
      return {
        id: n.id,
        kind: n.node.kind,
        label: n.node.label,
        version: n.node.version,
        time: n.node.time,
        change: change?.status,
        earlierVersion: change?.earlierVersion,
        laterVersion: change?.laterVersion,
        evidence: ref(n.node.evidence),
      };
    }),
    edges: view.edges.map((e) => ({
      source: e.source,
      target: e.target,
      kind: e.kind,
      change: cmp?.edges.get(e.id),
      evidence: ref(e.edge?.evidence),
    })),
  };
}
