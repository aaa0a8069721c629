import { type FormEvent, useId, useState } from 'react';
import type { CaseSeverity, CaseStatus } from '../../shared/case/case-types';
import { timeToRootCause } from '../../shared/case/case-actions';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';
import { SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS } from './case-labels';
import { formatDuration } from './format-duration';
import './case.css';

/** The case header's severity, status and owner: each change is recorded in the activity log. */
export function CaseHeaderFields() {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  // The owner being typed; undefined shows the recorded one.
  const [draft, setDraft] = useState<string>();
  const id = useId();

  if (!current) return null;
  const saveOwner = () => {
    const next = draft?.trim();
    setDraft(undefined);
    if (next && next !== current.owner) void record({ action: 'case.updated', payload: { owner: next } });
  };
  const ttrc = timeToRootCause(current);

  return (
    <form className="case-fields" aria-label="Case record" onSubmit={(e: FormEvent) => e.preventDefault()}>
      <label htmlFor={`${id}-severity`}>
        Severity
        <select
          id={`${id}-severity`}
          value={current.severity}
          disabled={!canRecord}
          onChange={(e) =>
            void record({ action: 'case.updated', payload: { severity: e.target.value as CaseSeverity } })
          }
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-status`}>
        Status
        <select
          id={`${id}-status`}
          value={current.status}
          disabled={!canRecord}
          onChange={(e) => void record({ action: 'case.updated', payload: { status: e.target.value as CaseStatus } })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s} disabled={s === 'root-cause-confirmed' && !current.rootCause}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-owner`}>
        Owner
        <input
          id={`${id}-owner`}
          value={draft ?? current.owner}
          disabled={!canRecord}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          onBlur={saveOwner}
        />
      </label>
      {ttrc !== undefined && <span className="case-ttrc">Root cause in {formatDuration(ttrc)}</span>}
    </form>
  );
}
