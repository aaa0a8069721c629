import type { Provenance } from '../../shared/model/records';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';
import { newId } from './case-labels';

const same = (a: Provenance, b: Provenance) =>
  a.sourceId === b.sourceId && a.line === b.line && a.pointer === b.pointer;

/** "Pin evidence": keeps one record's provenance (file and line) on the open case, with a label saying what it is. */
export function PinEvidenceButton({ evidence, label }: { readonly evidence: Provenance; readonly label: string }) {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const pinned = (current?.pinnedEvidence ?? []).some((p) => same(p.evidence, evidence));
  return (
    <button
      type="button"
      className="ghost small"
      disabled={!canRecord || pinned}
      aria-label={pinned ? `Pinned: ${label}` : `Pin evidence: ${label}`}
      onClick={() =>
        void record({
          action: 'evidence.pinned',
          payload: { id: newId('pin'), label, evidence: { ...evidence } },
        })
      }
    >
      {pinned ? 'Pinned ✓' : 'Pin evidence'}
    </button>
  );
}
