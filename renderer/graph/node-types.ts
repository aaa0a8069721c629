/** The kind → component registry, at module scope so React Flow never sees a new object. */
import type { NodeTypes } from '@xyflow/react';
import {
  DatasetNode,
  DecisionNode,
  FeatureNode,
  FieldNode,
  JobNode,
  ModelNode,
  SourceNode,
  Supernode,
} from './LineageNodes';

export const nodeTypes = {
  decision: DecisionNode,
  model: ModelNode,
  feature: FeatureNode,
  dataset: DatasetNode,
  field: FieldNode,
  job: JobNode,
  source: SourceNode,
  supernode: Supernode,
} satisfies NodeTypes;
