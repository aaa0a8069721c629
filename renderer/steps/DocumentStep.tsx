import { type FormEvent, useId, useState } from 'react';
import { renderCaseMarkdown } from '../../shared/report/case-markdown';
import { Time } from '../components/Time';
import { downloadText } from '../export/download';
import {
  selectAddNote,
  selectCaseRecord,
  selectDecision,
  selectFeatureName,
  selectMarkStep,
  selectNotes,
  selectResults,
  useInvestigation,
} from '../stores/investigation-store';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { STEP_IDS, STEP_LABELS } from './step-ids';

/** Step 7: notes, step progress, and the case exported as Markdown. */
export function DocumentStep() {
  const caseRecord = useInvestigation(selectCaseRecord);
  const decision = useInvestigation(selectDecision);
  const featureName = useInvestigation(selectFeatureName);
  const results = useInvestigation(selectResults);
  const notes = useInvestigation(selectNotes);
  const addNote = useInvestigation(selectAddNote);
  const markStep = useInvestigation(selectMarkStep);
  const timeZone = useSettings(selectTimeZone);
  const [text, setText] = useState('');
  const noteId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void addNote(text).then(() => setText(''));
  };

  const { scope, trace, changes, governance, remediation } = results;
  const exportable = caseRecord && decision && featureName && scope && trace && changes && governance && remediation;
  const exportCase = () => {
    if (!exportable) return;
    const markdown = renderCaseMarkdown({
      title: caseRecord.title,
      generatedAt: new Date().toISOString(),
      timeZone,
      decision,
      featureName,
      scope,
      trace,
      changes,
      governance,
      remediation,
      notes: notes.map((n) => ({ text: n.text, createdAt: n.createdAt })),
    });
    downloadText(`${caseRecord.title}.md`, markdown);
  };

  return (
    <div className="stack">
      <section aria-labelledby="notes-heading" className="card">
        <h3 id="notes-heading">Notes</h3>
        <form onSubmit={submit} className="note-form">
          <label htmlFor={noteId}>New note</label>
          <textarea
            id={noteId}
            rows={3}
            value={text}
            placeholder="Root cause, annotations, preventive actions…"
            onChange={(e) => setText(e.target.value)}
          />
          <div>
            <button type="submit" className="primary" disabled={!text.trim()}>
              Add note
            </button>
          </div>
        </form>
        {notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <ol className="notes">
            {notes.map((n) => (
              <li key={n.id}>
                <Time value={n.createdAt} />
                <p>{n.text}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="export-heading" className="card">
        <h3 id="export-heading">Case file</h3>
        <p className="muted">
          A Markdown file with the decision, its scope, the trace, the ranked changes, governance verdicts, the rollback
          plan and your notes, with times in {timeZone === 'UTC' ? 'UTC' : 'local time'}.
        </p>
        <button type="button" className="primary" disabled={!exportable} onClick={exportCase}>
          Export case as Markdown
        </button>
        {!exportable && (
          <p className="muted small">Export needs a decision, a suspect feature and all analysis results.</p>
        )}
      </section>
      <section aria-labelledby="progress-heading" className="card">
        <h3 id="progress-heading">Step progress</h3>
        <ul className="plain progress">
          {STEP_IDS.map((step) => {
            const done = caseRecord?.steps[step]?.completedAt;
            return (
              <li key={step}>
                <span className="progress-name">{STEP_LABELS[step]}</span>
                <span className="muted small">
                  {done ? (
                    <>
                      completed <Time value={done} />
                    </>
                  ) : (
                    'open'
                  )}
                </span>
                <button type="button" aria-pressed={Boolean(done)} onClick={() => void markStep(step, !done)}>
                  {done ? `Reopen ${STEP_LABELS[step]}` : `Mark ${STEP_LABELS[step]} complete`}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
