import { type FormEvent, useId, useState } from 'react';
import { timeToRootCause } from '../../shared/case/case-actions';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';
import { selectResults, useInvestigation } from '../stores/investigation-store';
import { parseIds } from './case-labels';
import { changeSuggestions } from './change-suggestions';
import { formatDuration } from './format-duration';
import './case.css';

/** The root-cause statement naming the changes that caused it; confirming it sets the status and time-to-root-cause. */
export function RootCausePanel() {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const results = useInvestigation(selectResults);
  const [statement, setStatement] = useState('');
  const [ids, setIds] = useState('');
  const id = useId();
  const rootCause = current?.rootCause;
  const suggestions = changeSuggestions(results);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!statement.trim()) return;
    const payload = { statement: statement.trim(), changeIds: parseIds(ids) };
    void record({ action: 'root-cause.confirmed', payload }).then((ok) => ok && setStatement(''));
  };

  const form = (
    <form className="record-form" onSubmit={submit}>
      <label htmlFor={`${id}-statement`}>{rootCause ? 'Revised statement' : 'Root-cause statement'}</label>
      <textarea
        id={`${id}-statement`}
        rows={3}
        value={statement}
        placeholder="What caused the wrong decisions, in a sentence or two"
        onChange={(e) => setStatement(e.target.value)}
      />
      <label htmlFor={`${id}-ids`}>Change ids it names (commit SHA, audit entry or deployment id)</label>
      <input
        id={`${id}-ids`}
        className="mono"
        list={`${id}-suggestions`}
        value={ids}
        onChange={(e) => setIds(e.target.value)}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.summary}
          </option>
        ))}
      </datalist>
      {suggestions.length > 0 && (
        <p className="muted small">
          Top-ranked change: <span className="mono">{suggestions[0]!.id}</span> — {suggestions[0]!.summary}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={!canRecord || !statement.trim()}>
          Confirm root cause
        </button>
      </div>
    </form>
  );

  return (
    <section aria-labelledby="root-cause-heading" className="card root-cause">
      <h3 id="root-cause-heading">Root cause</h3>
      {rootCause && current && (
        <div data-testid="root-cause">
          <blockquote>{rootCause.statement}</blockquote>
          <p className="small">
            Changes: <span className="mono wrap">{rootCause.changeIds.join(', ') || 'none named'}</span>
          </p>
          <p className="record-meta">
            Confirmed by {rootCause.author} · <Time value={rootCause.confirmedAt} /> · time to root cause{' '}
            <strong>{formatDuration(timeToRootCause(current))}</strong>
          </p>
        </div>
      )}
      {rootCause ? (
        <details>
          <summary>Revise the root cause</summary>
          {form}
        </details>
      ) : (
        form
      )}
    </section>
  );
}
