/** Typed React Flow nodes of the lineage graph: one node type per trace node kind, and the supernode. */
import type { Edge, Node } from '@xyflow/react';
import type { TraceNode, TraceNodeKind } from '../../shared/analysis/types';
import type { FieldRow } from '../trace/column-fields';
import type { NodeChange } from '../trace/trace-diff';
import type { Reach, ViewEdge, ViewGroupNode } from '../trace/view-graph';

export interface LineageNodeData extends Record<string, unknown> {
  readonly node: TraceNode;
  /** On the traced path from the decision to its sources. */
  readonly traced: boolean;
  readonly upstream: Reach;
  readonly downstream: Reach;
  /** How this node differs between the decision's moment and the chosen one. */
  readonly change?: NodeChange;
  /** Its fields, when the investigator opened them (datasets only). */
  readonly fields?: ReadonlyArray<FieldRow>;
}

export interface SupernodeData extends Record<string, unknown> {
  readonly group: ViewGroupNode;
}

export type DecisionFlowNode = Node<LineageNodeData, 'decision'>;
export type ModelFlowNode = Node<LineageNodeData, 'model'>;
export type FeatureFlowNode = Node<LineageNodeData, 'feature'>;
export type DatasetFlowNode = Node<LineageNodeData, 'dataset'>;
export type FieldFlowNode = Node<LineageNodeData, 'field'>;
export type JobFlowNode = Node<LineageNodeData, 'job'>;
export type SourceFlowNode = Node<LineageNodeData, 'source'>;
export type SuperFlowNode = Node<SupernodeData, 'supernode'>;

export type LineageFlowNode =
  | DecisionFlowNode
  | ModelFlowNode
  | FeatureFlowNode
  | DatasetFlowNode
  | FieldFlowNode
  | JobFlowNode
  | SourceFlowNode
  | SuperFlowNode;

export interface LineageEdgeData extends Record<string, unknown> {
  readonly edge: ViewEdge | { readonly kind: 'column'; readonly traced: boolean };
}

export type LineageFlowEdge = Edge<LineageEdgeData>;

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 84;
/** The height of one field row inside a dataset node. */
export const FIELD_ROW_HEIGHT = 20;
/** Fields past this many are not drawn inside the node (the side panel lists its schema). */
export const MAX_FIELD_ROWS = 40;
/** Nodes up to this many steps upstream of the decision are fitted into view at first. */
export const FIT_DEPTH = 4;

export const KIND_LABELS: Readonly<Record<TraceNodeKind, string>> = {
  decision: 'Decision',
  model: 'Model',
  feature: 'Feature',
  dataset: 'Dataset',
  field: 'Field',
  job: 'Job',
  source: 'Source',
};

/** The height of a node drawn with this many field rows. */
export const nodeHeight = (fieldRows: number) =>
  fieldRows > 0 ? NODE_HEIGHT + 8 + Math.min(fieldRows, MAX_FIELD_ROWS) * FIELD_ROW_HEIGHT : NODE_HEIGHT;

/** The top of field row `index` inside a node (graph.css places the rows there). */
export const fieldRowTop = (index: number) => NODE_HEIGHT + index * FIELD_ROW_HEIGHT;

/** Handle ids of one field row (left: in, right: out). */
export const fieldHandle = (field: string, side: 'in' | 'out') => `field:${side}:${field}`;
