import { type FormEvent, useId, useState } from 'react';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';
import { AnnotationBody } from './AnnotationBody';
import { newId, parseTags } from './case-labels';
import { targetText } from './describe-activity';
import './case.css';

/**
 * Every annotation on the case, newest first: what it is on, its author and time, its tags and text; and a note on
 * the case as a whole (an annotation on the case's own finding, as earlier versions' notes became).
 */
export function AnnotationsPanel() {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const id = useId();
  const annotations = [...(current?.annotations ?? [])].reverse();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!current || !text.trim()) return;
    const target = { kind: 'finding', id: current.id } as const;
    const payload = { id: newId('annotation'), target, tags: parseTags(tags), text: text.trim() };
    void record({ action: 'annotation.added', payload }).then((ok) => {
      if (!ok) return;
      setText('');
      setTags('');
    });
  };
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
                on <span className="mono">{targetText(a.target)}</span> · {a.author} · <Time value={a.time} />
              </span>
              <AnnotationBody annotation={a} />
            </li>
          ))}
        </ul>
      )}
      <form className="record-form" onSubmit={submit}>
        <label htmlFor={`${id}-text`}>Note on the case</label>
        <textarea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor={`${id}-tags`}>Tags (comma-separated)</label>
        <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} />
        <div>
          <button type="submit" disabled={!canRecord || !text.trim()}>
            Add note
          </button>
        </div>
      </form>
    </section>
  );
}
