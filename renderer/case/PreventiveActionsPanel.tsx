import { type FormEvent, useId, useState } from 'react';
import type { PreventiveAction } from '../../shared/case/case-types';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';
import { newId, PREVENTIVE_KINDS } from './case-labels';
import './case.css';

type Kind = PreventiveAction['kind'];

/** The controls that would have caught the cause — tests, enforcement rules, review requirements — and who added them. */
export function PreventiveActionsPanel() {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const [kind, setKind] = useState<Kind>('test');
  const [text, setText] = useState('');
  const id = useId();
  const actions = current?.preventiveActions ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const payload = { id: newId('preventive'), kind, text: text.trim() };
    void record({ action: 'preventive-action.added', payload }).then((ok) => ok && setText(''));
  };

  return (
    <section aria-labelledby="preventive-heading" className="card">
      <h3 id="preventive-heading">Preventive actions ({actions.length})</h3>
      {actions.length > 0 && (
        <ul className="record-list">
          {actions.map((a) => (
            <li key={a.id}>
              <span className="tag">{PREVENTIVE_KINDS[a.kind]}</span> {a.text}
              <div className="record-meta">
                {a.author} · <Time value={a.time} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="record-form" onSubmit={submit}>
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {Object.entries(PREVENTIVE_KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-text`}>What would have caught it</label>
        <textarea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        <div>
          <button type="submit" disabled={!canRecord || !text.trim()}>
            Add preventive action
          </button>
        </div>
      </form>
    </section>
  );
}
