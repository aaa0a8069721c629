import type { TraceNode } from '../../shared/analysis/types';
import { Time } from '../components/Time';
import { KIND_LABELS } from './flow-types';

interface Props {
  readonly node: TraceNode;
  readonly sourceName: (sourceId: string) => string;
  readonly onClose: () => void;
}

/** The selected node's facts: version, time, evidence source and line, and the trace's own details. */
export function NodeDetails({ node, sourceName, onClose }: Props) {
  const evidence = node.evidence;
  return (
    <section className="node-details card" aria-labelledby="node-details-heading">
      <div className="details-head">
        <h3 id="node-details-heading">
          {KIND_LABELS[node.kind]}: <span className="mono wrap">{node.label}</span>
        </h3>
        <button type="button" className="ghost" aria-label="Close node details" onClick={onClose}>
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>Id</dt>
        <dd className="mono wrap">{node.id}</dd>
        <dt>Version</dt>
        <dd className="mono wrap">{node.version ?? '—'}</dd>
        <dt>Time</dt>
        <dd>
          <Time value={node.time} />
        </dd>
        <dt>Depth</dt>
        <dd>{node.depth}</dd>
        <dt>Evidence</dt>
        <dd className="wrap">
          {evidence ? (
            <>
              <span>{sourceName(evidence.sourceId)}</span>
              {evidence.line !== undefined && <span className="mono">, line {evidence.line}</span>}
              {evidence.pointer !== undefined && <span className="mono">, {evidence.pointer}</span>}
            </>
          ) : (
            '—'
          )}
        </dd>
        {Object.entries(node.details).map(([key, value]) => (
          <div key={key} className="fact-row">
            <dt>{key}</dt>
            <dd className="mono wrap">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
