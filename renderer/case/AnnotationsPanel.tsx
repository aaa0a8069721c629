import { useId } from 'react';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, useCaseLog } from '../stores/case-log-store';
import { AnnotationBody } from './AnnotationBody';
import { targetText } from './describe-activity';
import { useAnnotationDraft } from './useAnnotationDraft';
import { removeAnnotation } from '../undo/removals';
import './case.css';

/**
 * Every annotation on the case, newest first: what it is on, its author and time, its tags and text; and a note on
 * the case as a whole (an annotation on the case's own finding, as earlier versions' notes became). Each can be
 * removed (logged, with an undo).
 */
export function AnnotationsPanel() {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const draft = useAnnotationDraft();
  const id = useId();
  const annotations = [...(current?.annotations ?? [])].reverse();
  const caseTarget = current ? ({ kind: 'finding', id: current.id } as const) : undefined;

  return (
    <section aria-labelledby="annotations-heading" className="card">
      <h3 id="annotations-heading">Annotations ({annotations.length})</h3>
      {annotations.length === 0 ? (
        <p className="muted">
          No annotations yet. Use “Annotate” on a graph node (Trace), a change or a finding to add one.
        </p>
      ) : (
        <ul className="record-list" aria-label="Annotations, newest first">
          {annotations.map((a) => (
            <li key={a.id} data-testid="annotation">
              <span className="record-meta">
                on <span className="mono">{targetText(a.target)}</span> · {a.author} · <Time value={a.time} />{' '}
                <button
                  type="button"
                  className="small"
                  disabled={!canRecord}
                  aria-label={`Remove the annotation “${a.text}”`}
                  onClick={() => void removeAnnotation(a)}
                >
                  Remove
                </button>
              </span>
              <AnnotationBody annotation={a} />
            </li>
          ))}
        </ul>
      )}
      <form className="record-form" onSubmit={draft.submit(caseTarget)}>
        <label htmlFor={`${id}-text`}>Note on the case</label>
        <textarea id={`${id}-text`} rows={2} value={draft.text} onChange={(e) => draft.setText(e.target.value)} />
        <label htmlFor={`${id}-tags`}>Tags (comma-separated)</label>
        <input id={`${id}-tags`} value={draft.tags} onChange={(e) => draft.setTags(e.target.value)} />
        <div>
          <button type="submit" disabled={!canRecord || !draft.hasText}>
            Add note
          </button>
        </div>
      </form>
    </section>
  );
}
