import { useId, useState } from 'react';
import type { SuspectVerdict as Verdict } from '../../shared/case/case-types';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';

interface Props {
  /** The change's id as the ranking names it. */
  readonly id: string;
  /** How the activity log and the report name it: "commit 3f9c0a1 — widen the threshold". */
  readonly label: string;
}

/** The verdict recorded on this change, as a sentence. */
function verdictText(v: Verdict): string {
  return v.verdict === 'confirmed' ? `Confirmed as a cause by ${v.by}` : `Dismissed by ${v.by}: ${v.reason ?? ''}`;
}

/**
 * The investigator's verdict on a ranked change: confirm it as a cause, or dismiss it with the reason. Each is an entry
 * in the case's hash-chained log (the latest counts); the ranking itself is the engine's and does not change.
 */
export function SuspectVerdict({ id, label }: Props) {
  const current = useCaseLog(selectCase)?.suspectVerdicts?.find((v) => v.id === id);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const formId = useId();
  const dismiss = async () => {
    if (await record({ action: 'suspect.dismissed', payload: { id, label, reason: reason.trim() } })) {
      setDismissing(false);
      setReason('');
    }
  };

  return (
    <div className="suspect-verdict" data-testid="suspect-verdict">
      {current && (
        <p className={current.verdict === 'confirmed' ? 'ok' : 'muted'}>
          {verdictText(current)} · <Time value={current.time} />
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={!canRecord || current?.verdict === 'confirmed'}
          onClick={() => void record({ action: 'suspect.confirmed', payload: { id, label } })}
        >
          Confirm as a cause
        </button>
        <button
          type="button"
          aria-expanded={dismissing}
          aria-controls={formId}
          disabled={!canRecord}
          onClick={() => setDismissing(!dismissing)}
        >
          Dismiss…
        </button>
      </div>
      {dismissing && (
        <form
          id={formId}
          onSubmit={(e) => {
            e.preventDefault();
            void dismiss();
          }}
        >
          <label htmlFor={`${formId}-reason`}>Why this change is not a cause</label>
          <input id={`${formId}-reason`} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
          <div className="actions">
            <button type="submit" className="primary" disabled={!reason.trim()}>
              Dismiss the change
            </button>
            <button type="button" onClick={() => setDismissing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
