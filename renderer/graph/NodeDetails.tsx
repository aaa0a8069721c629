import type { TraceNode } from '../../shared/analysis/types';
import type { EvidenceRecord, Provenance } from '../../shared/model/records';
import { AnnotateButton } from '../case/AnnotateButton';
import { PinEvidenceButton } from '../case/PinEvidenceButton';
import { PathText } from '../components/PathText';
import { Time } from '../components/Time';
import type { EvidenceItem } from '../trace/evidence-records';
import type { NodeChange } from '../trace/trace-diff';
import type { VersionEntry } from '../trace/versions';
import { kindLabel } from './LineageNodes';
import { VersionTimeline } from './VersionTimeline';
import { pointerText } from '../../shared/model/citation';

interface Props {
  readonly node: TraceNode;
  readonly change?: NodeChange;
  readonly versions: ReadonlyArray<VersionEntry>;
  readonly facets?: Readonly<Record<string, unknown>>;
  readonly evidence: ReadonlyArray<EvidenceItem>;
  readonly recordAt: (p: Provenance) => EvidenceRecord | undefined;
  readonly sourceName: (sourceId: string) => string;
  readonly onClose: () => void;
}

const where = (p: Provenance, sourceName: (id: string) => string) =>
  `${sourceName(p.sourceId)}${p.line !== undefined ? `, line ${p.line}` : ''}${p.pointer !== undefined ? `, ${pointerText(p.pointer)}` : ''}`;

/** A detail's key as a label beside Id, Version and Time: its first letter capitalized ("written by run"). */
const asLabel = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/**
 * The selected node: its version and time, its versions on a timeline, its facets as JSON, and the evidence records
 * (source file and line) behind it, each opening to the record as imported.
 */
export function NodeDetails({ node, change, versions, facets, evidence, recordAt, sourceName, onClose }: Props) {
  return (
    <section className="node-details card" aria-labelledby="node-details-heading">
      <div className="details-head">
        <h3 id="node-details-heading">
          {kindLabel(node)}: <span className="mono wrap">{node.label}</span>
        </h3>
        <button type="button" className="ghost" aria-label="Close node details" onClick={onClose}>
          ✕
        </button>
      </div>
      <dl className="facts">
        <dt>Id</dt>
        <dd className="mono wrap">{node.id}</dd>
        {/* A decision's "version" is the model that made it (name@version), not a version of the decision. */}
        <dt>{node.kind === 'decision' ? 'Model' : 'Version'}</dt>
        <dd className="mono wrap" data-testid="node-version">
          {node.version ?? '—'}
        </dd>
        {change && (
          <>
            <dt>Compared</dt>
            <dd className="wrap">
              {change.status === 'changed'
                ? `version changed: ${change.earlierVersion ?? '—'} → ${change.laterVersion ?? '—'}`
                : change.status === 'added'
                  ? 'only at the later moment'
                  : 'only at the earlier moment'}
            </dd>
          </>
        )}
        <dt>Time</dt>
        <dd>
          <Time value={node.time} />
        </dd>
        <dt>Depth</dt>
        <dd>{node.depth}</dd>
        {Object.entries(node.details).map(([key, value]) => (
          <div key={key} className="fact-row">
            <dt>{asLabel(key)}</dt>
            <dd className="mono wrap">{value}</dd>
          </div>
        ))}
      </dl>
      <AnnotateButton target={{ kind: 'node', id: node.id }} />
      <h4>Versions</h4>
      <VersionTimeline versions={versions} sourceName={sourceName} />
      <h4>Evidence</h4>
      {evidence.length === 0 ? (
        <p className="muted small">No evidence record establishes this node.</p>
      ) : (
        <ul className="evidence-list">
          {evidence.map((item) => (
            <li key={`${item.provenance.sourceId}|${item.provenance.line}|${item.provenance.pointer}`}>
              <details>
                <summary>
                  <span className="mono wrap">
                    <PathText text={where(item.provenance, sourceName)} />
                  </span>
                  <span className="muted small"> — {item.role}</span>
                </summary>
                <pre className="json" tabIndex={0} aria-label={`Record at ${where(item.provenance, sourceName)}`}>
                  {JSON.stringify(recordAt(item.provenance) ?? null, null, 2)}
                </pre>
              </details>
              <PinEvidenceButton
                evidence={item.provenance}
                label={`${item.role} of ${node.label} (${where(item.provenance, sourceName)})`}
              />
            </li>
          ))}
        </ul>
      )}
      {facets && Object.keys(facets).length > 0 && (
        <details className="facets">
          <summary>Facets (JSON)</summary>
          <pre className="json" tabIndex={0} aria-label="Facets as JSON">
            {JSON.stringify(facets, null, 2)}
          </pre>
        </details>
      )}
    </section>
  );
}
