import { Handle, type NodeProps, Position } from '@xyflow/react';
import { Fragment, memo, type ReactNode } from 'react';
import type { TraceNode } from '../../shared/analysis/types';
import { visibleText } from '../../shared/model/visible-text';
import { shortId } from '../format/decision';
import {
  fieldHandle,
  KIND_LABELS,
  type LineageFlowNode,
  type LineageNodeData,
  MAX_FIELD_ROWS,
  type SuperFlowNode,
} from './flow-types';
import { useGraphActions } from './graph-actions';
import { useDrawsInFull } from './detail-viewport';

type LineageProps = NodeProps<Exclude<LineageFlowNode, SuperFlowNode>>;

/**
 * Splits `namespace:name` so the name gets the room and the namespace goes beside the kind; bidirectional controls
 * in either are shown as `[U+XXXX]` (visible-text.ts).
 */
export function splitLabel(node: TraceNode): { namespace?: string; name: string } {
  const label = visibleText(node.label);
  const at = label.indexOf(':');
  if ((node.kind === 'dataset' || node.kind === 'job' || node.kind === 'field' || node.kind === 'source') && at > 0) {
    return { namespace: label.slice(0, at), name: label.slice(at + 1) };
  }
  return { name: label };
}

/** A name with line-break opportunities after its dots, slashes and underscores, so it wraps where it reads well. */
function breakable(name: string): ReactNode {
  const parts = name.split(/(?<=[./_])/);
  return parts.length === 1
    ? name
    : parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ));
}

/** The kind as the investigator names it: a job that runs a tracking plan is a tracking plan. */
export function kindLabel(node: TraceNode): string {
  const config = (node as { readonly configKind?: string }).configKind;
  if (config === 'tracking-plan') return 'Tracking plan';
  if (config === 'identity-config') return 'Identity config';
  return node.kind === 'source' ? 'Source event' : KIND_LABELS[node.kind];
}

function VersionBadge({ data }: { readonly data: LineageNodeData }) {
  const { node, change } = data;
  if (change?.status === 'changed') {
    const earlier = change.earlierVersion ?? '—';
    const later = change.laterVersion ?? '—';
    return (
      <span className="badge version changed" title={`Version changed: ${earlier} → ${later}`}>
        {shortId(earlier, 7)} → {shortId(later, 7)}
      </span>
    );
  }
  if (!node.version) return null;
  return (
    <span className="badge version" title={`Version ${node.version}`} data-testid="card-version">
      {shortId(node.version, 8)}
    </span>
  );
}

/**
 * The shared body of every lineage node: in full when readable and near the screen, else one box (decided at the
 * settled viewport: detail-viewport.ts).
 */
function NodeCard(props: LineageProps) {
  const { data, selected, positionAbsoluteX, positionAbsoluteY, width, height } = props;
  const full = useDrawsInFull({ positionAbsoluteX, positionAbsoluteY, width, height });
  return full ? <NearCard data={data} selected={selected} /> : <FarCard data={data} selected={selected} />;
}

/**
 * A node seen from afar: its kind's colour and its name, nothing else. No handles: edges are drawn from the handle
 * places given up front (to-flow.ts nodeHandles, EdgeLayer.tsx), so a box is two elements to lay out and hit-test.
 */
function FarCard({ data, selected }: { readonly data: LineageNodeData; readonly selected: boolean }) {
  const { node, traced, change } = data;
  const classes = [
    'lineage-node',
    'far',
    `kind-${node.kind}`,
    selected && 'selected',
    traced && 'traced',
    change && `change-${change.status}`,
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-${node.kind}`} data-node-id={node.id}>
      {splitLabel(node).name}
    </div>
  );
}

function NearCard({ data, selected }: { readonly data: LineageNodeData; readonly selected: boolean }) {
  const { node, traced, upstream, downstream, change, fields } = data;
  const actions = useGraphActions();
  const { namespace, name } = splitLabel(node);
  const hasFields = node.kind === 'dataset' || node.kind === 'source';
  const classes = [
    'lineage-node',
    `kind-${node.kind}`,
    selected && 'selected',
    traced && 'traced',
    change && `change-${change.status}`,
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-${node.kind}`} data-node-id={node.id}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {upstream !== 'none' && (
        <button
          type="button"
          className="node-toggle upstream nodrag"
          aria-label={`${upstream === 'shown' ? 'Collapse' : 'Expand'} upstream of ${node.label}`}
          aria-expanded={upstream === 'shown'}
          onClick={(e) => {
            e.stopPropagation();
            actions.toggleUpstream(node.id);
          }}
        >
          {upstream === 'shown' ? '−' : '+'}
        </button>
      )}
      <div className="lineage-node-head">
        <div className="lineage-node-kind" title={namespace ? `${kindLabel(node)} in ${namespace}` : kindLabel(node)}>
          {kindLabel(node)}
          {namespace && <span className="lineage-node-namespace"> · {namespace}</span>}
        </div>
        <div
          className="lineage-node-label"
          title={visibleText(node.id === node.label ? node.label : `${node.label}\n${node.id}`)}
        >
          {breakable(name)}
        </div>
        <div className="lineage-node-foot">
          <VersionBadge data={data} />
          {change && change.status !== 'changed' && (
            <span className={`badge change ${change.status}`}>{change.status}</span>
          )}
          {hasFields && (
            <button
              type="button"
              className="node-fields-toggle nodrag"
              aria-expanded={Boolean(fields)}
              aria-label={`${fields ? 'Hide' : 'Show'} fields of ${node.label}`}
              onClick={(e) => {
                e.stopPropagation();
                actions.toggleFields(node.id);
              }}
            >
              {fields ? 'fields ▴' : 'fields ▾'}
            </button>
          )}
        </div>
      </div>
      {fields && (
        <ul className="lineage-node-fields" aria-label={`Fields of ${node.label}`}>
          {fields.length === 0 && <li className="muted">No schema in the evidence</li>}
          {fields.slice(0, MAX_FIELD_ROWS).map((f) => (
            <li key={f.name} className={f.traced ? 'traced' : undefined}>
              <Handle type="target" position={Position.Left} id={fieldHandle(f.name, 'in')} isConnectable={false} />
              <span className="mono">{f.name}</span>
              {f.type && <span className="muted"> {f.type}</span>}
              {f.traced && <span className="visually-hidden"> (on the traced path)</span>}
              <Handle type="source" position={Position.Right} id={fieldHandle(f.name, 'out')} isConnectable={false} />
            </li>
          ))}
        </ul>
      )}
      {downstream !== 'none' && (
        <button
          type="button"
          className="node-toggle downstream nodrag"
          aria-label={`${downstream === 'shown' ? 'Collapse' : 'Expand'} downstream of ${node.label}`}
          aria-expanded={downstream === 'shown'}
          onClick={(e) => {
            e.stopPropagation();
            actions.toggleDownstream(node.id);
          }}
        >
          {downstream === 'shown' ? '−' : '+'}
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const DecisionNode = memo((props: LineageProps) => <NodeCard {...props} />);
DecisionNode.displayName = 'DecisionNode';
export const ModelNode = memo((props: LineageProps) => <NodeCard {...props} />);
ModelNode.displayName = 'ModelNode';
export const FeatureNode = memo((props: LineageProps) => <NodeCard {...props} />);
FeatureNode.displayName = 'FeatureNode';
export const DatasetNode = memo((props: LineageProps) => <NodeCard {...props} />);
DatasetNode.displayName = 'DatasetNode';
export const FieldNode = memo((props: LineageProps) => <NodeCard {...props} />);
FieldNode.displayName = 'FieldNode';
export const JobNode = memo((props: LineageProps) => <NodeCard {...props} />);
JobNode.displayName = 'JobNode';
export const SourceNode = memo((props: LineageProps) => <NodeCard {...props} />);
SourceNode.displayName = 'SourceNode';

/** Neighbours past the threshold, grouped: a count and a button that opens them. */
export const Supernode = memo(({ data, selected }: NodeProps<SuperFlowNode>) => {
  const { group } = data;
  const actions = useGraphActions();
  return (
    <div className={`lineage-node supernode${selected ? ' selected' : ''}`} data-testid="node-supernode">
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="lineage-node-kind">Group · {group.direction}</div>
      <div className="lineage-node-label">{group.members.length} more nodes</div>
      <button type="button" className="node-fields-toggle nodrag" onClick={() => actions.openGroup(group.id)}>
        Show all {group.members.length}
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
Supernode.displayName = 'Supernode';
