import type { Provenance } from '../../shared/model/records';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, useCaseLog } from '../stores/case-log-store';
import { selectSources, useInvestigation } from '../stores/investigation-store';
import { unpinEvidence } from '../undo/removals';
import './case.css';

/**
 * The evidence reviewers pinned: what it is, the source file and line it was read from, who pinned it and when; each
 * can be unpinned (logged, with an undo).
 */
export function PinnedEvidencePanel() {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const sources = useInvestigation(selectSources);
  const pins = current?.pinnedEvidence ?? [];
  const where = (p: Provenance) =>
    `${sources.find((s) => s.id === p.sourceId)?.name ?? p.sourceId}${p.line !== undefined ? `:${p.line}` : ''}${
      p.pointer !== undefined ? ` ${p.pointer}` : ''
    }`;
  return (
    <section aria-labelledby="pins-heading" className="card">
      <h3 id="pins-heading">Pinned evidence ({pins.length})</h3>
      {pins.length === 0 ? (
        <p className="muted">Nothing pinned yet. “Pin evidence” on an evidence record of a graph node keeps it here.</p>
      ) : (
        <ul className="record-list">
          {pins.map((p) => (
            <li key={p.id}>
              <strong>{p.label}</strong> — <span className="mono wrap">{where(p.evidence)}</span>
              <div className="record-meta">
                pinned by {p.pinnedBy} · <Time value={p.time} />{' '}
                <button
                  type="button"
                  className="small"
                  disabled={!canRecord}
                  aria-label={`Unpin ${p.label}`}
                  onClick={() => void unpinEvidence(p)}
                >
                  Unpin
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
