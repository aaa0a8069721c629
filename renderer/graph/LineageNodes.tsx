import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { TraceNode } from '../../shared/analysis/types';
import { shortId } from '../format/decision';
import {
  type DatasetFlowNode,
  type DecisionFlowNode,
  type FeatureFlowNode,
  type FieldFlowNode,
  type JobFlowNode,
  KIND_LABELS,
  type ModelFlowNode,
  type SourceFlowNode,
} from './flow-types';

/** Splits `namespace:name` so the name gets the room and the namespace goes beside the kind. */
function splitLabel(node: TraceNode): { namespace?: string; name: string } {
  const at = node.label.indexOf(':');
  if ((node.kind === 'dataset' || node.kind === 'job' || node.kind === 'field') && at > 0) {
    return { namespace: node.label.slice(0, at), name: node.label.slice(at + 1) };
  }
  return { name: node.label };
}

/** The shared body of every lineage node: kind, label, version badge, and a handle on each side. */
function NodeCard({ node, selected }: { readonly node: TraceNode; readonly selected: boolean }) {
  const { namespace, name } = splitLabel(node);
  return (
    <div
      className={`lineage-node kind-${node.kind}${selected ? ' selected' : ''}`}
      data-testid={`node-${node.kind}`}
      title={node.id}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="lineage-node-kind">
        {KIND_LABELS[node.kind]}
        {namespace && <span className="lineage-node-namespace"> · {namespace}</span>}
      </div>
      <div className="lineage-node-label">{name}</div>
      {node.version && (
        <span className="badge version" title={`Version ${node.version}`}>
          {shortId(node.version, 8)}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const DecisionNode = memo(({ data, selected }: NodeProps<DecisionFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
DecisionNode.displayName = 'DecisionNode';

export const ModelNode = memo(({ data, selected }: NodeProps<ModelFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
ModelNode.displayName = 'ModelNode';

export const FeatureNode = memo(({ data, selected }: NodeProps<FeatureFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
FeatureNode.displayName = 'FeatureNode';

export const DatasetNode = memo(({ data, selected }: NodeProps<DatasetFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
DatasetNode.displayName = 'DatasetNode';

export const FieldNode = memo(({ data, selected }: NodeProps<FieldFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
FieldNode.displayName = 'FieldNode';

export const JobNode = memo(({ data, selected }: NodeProps<JobFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
JobNode.displayName = 'JobNode';

export const SourceNode = memo(({ data, selected }: NodeProps<SourceFlowNode>) => (
  <NodeCard node={data.node} selected={selected} />
));
SourceNode.displayName = 'SourceNode';
