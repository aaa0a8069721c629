/**
 * The drawn lineage graph as a JSON document: every node with its version and evidence, every edge with its
 * evidence, and what it was drawn for. The Trace step's graph is a decision's (its feature, and what differs from the
 * decision's moment when another moment is shown); the Lineage view's has no decision, only the node browsed from
 * and the moment, so its document names no decision at all rather than an empty one.
 */
import type { ColumnPath } from '../../shared/lineage/column-path';
import type { Provenance } from '../../shared/model/records';
import type { TraceComparison } from './trace-diff';
import type { ViewGraph } from './view-graph';

export interface EvidenceRef {
  readonly source: string;
  readonly sourceId: string;
  readonly line?: number;
  readonly pointer?: string;
}

/** A decision's traced graph (the Trace step). */
export interface TraceGraphContext {
  readonly kind: 'trace';
  readonly decisionId: string;
  readonly featureName: string;
  /** The moment shown (ISO). */
  readonly asOf: string;
  readonly decisionTime: string;
  readonly comparison?: TraceComparison;
  readonly sourceName: (sourceId: string) => string;
}

/** A graph browsed from one node with no decision (the Lineage view). */
export interface BrowseGraphContext {
  readonly kind: 'browse';
  /** The dataset or job browsed from. */
  readonly focusId: string;
  /** Browsed from a field: the field and its column path as of the moment (column-path.ts). */
  readonly columnPath?: Pick<ColumnPath, 'field' | 'edges'>;
  /** The moment shown (ISO). */
  readonly asOf: string;
  readonly sourceName: (sourceId: string) => string;
}

export type GraphContext = TraceGraphContext | BrowseGraphContext;

interface GraphDrawn {
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

export interface TraceGraphExport extends GraphDrawn {
  readonly decision: string;
  readonly feature: string;
  /** The moment the graph shows. */
  readonly asOf: string;
  /** The decision's moment, when another moment is shown. */
  readonly comparedWith?: string;
}

export interface BrowseGraphExport extends GraphDrawn {
  /** The node the lineage was browsed from. */
  readonly focus: string;
  /** The field browsed from, when one was (`namespace:name#field`). */
  readonly field?: string;
  /** Its column lineage: each field computed from another, as of the moment. */
  readonly columnEdges?: ReadonlyArray<{ readonly source: string; readonly target: string }>;
  /** The moment the graph shows. */
  readonly asOf: string;
}

export type GraphExport = TraceGraphExport | BrowseGraphExport;

/** Builds the export; `sourceName` turns a source id into its file name. */
export function graphToJson(view: ViewGraph, context: TraceGraphContext): TraceGraphExport;
export function graphToJson(view: ViewGraph, context: BrowseGraphContext): BrowseGraphExport;
export function graphToJson(view: ViewGraph, context: GraphContext): GraphExport {
  if (context.kind === 'browse') {
    const path = context.columnPath;
    return {
      focus: context.focusId,
      ...(path && { field: path.field, columnEdges: path.edges.map(({ source, target }) => ({ source, target })) }),
      asOf: context.asOf,
      ...drawn(view, context),
    };
  }
  return {
    decision: context.decisionId,
    feature: context.featureName,
    asOf: context.asOf,
    comparedWith: context.comparison ? context.decisionTime : undefined,
    ...drawn(view, context),
  };
}

/** The nodes and edges as drawn, marked with what differs when a comparison is shown. */
function drawn(view: ViewGraph, context: GraphContext): GraphDrawn {
  const ref = (p: Provenance | undefined): EvidenceRef | undefined =>
    p && { source: context.sourceName(p.sourceId), sourceId: p.sourceId, line: p.line, pointer: p.pointer };
  const cmp = context.kind === 'trace' ? context.comparison : undefined;
  return {
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
