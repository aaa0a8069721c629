/** Typed React Flow nodes of the lineage graph: one node type per trace node kind. */
import type { Edge, Node } from '@xyflow/react';
import type { TraceEdge, TraceNode, TraceNodeKind } from '../../shared/analysis/types';

export interface LineageNodeData extends Record<string, unknown> {
  readonly node: TraceNode;
}

export type DecisionFlowNode = Node<LineageNodeData, 'decision'>;
export type ModelFlowNode = Node<LineageNodeData, 'model'>;
export type FeatureFlowNode = Node<LineageNodeData, 'feature'>;
export type DatasetFlowNode = Node<LineageNodeData, 'dataset'>;
export type FieldFlowNode = Node<LineageNodeData, 'field'>;
export type JobFlowNode = Node<LineageNodeData, 'job'>;
export type SourceFlowNode = Node<LineageNodeData, 'source'>;

export type LineageFlowNode =
  DecisionFlowNode | ModelFlowNode | FeatureFlowNode | DatasetFlowNode | FieldFlowNode | JobFlowNode | SourceFlowNode;

export interface LineageEdgeData extends Record<string, unknown> {
  readonly edge: TraceEdge;
}

export type LineageFlowEdge = Edge<LineageEdgeData>;

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;
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
