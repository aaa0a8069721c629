import { useId, useState } from 'react';
import type { AnnotationTarget } from '../../shared/case/case-types';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, useCaseLog } from '../stores/case-log-store';
import { AnnotationBody } from './AnnotationBody';
import { targetText } from './describe-activity';
import { useAnnotationDraft } from './useAnnotationDraft';
import './case.css';

interface Props {
  readonly target: AnnotationTarget;
  /** Shows the annotations already on this target under the button (default true). */
  readonly showExisting?: boolean;
}

/**
 * "Annotate" for anything a reviewer can point at — a graph node or edge, a change, a finding. Self-contained: it
 * records on the open case (its author and time come from the activity log) and lists what is already said there.
 */
export function AnnotateButton({ target, showExisting = true }: Props) {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const [open, setOpen] = useState(false);
  const draft = useAnnotationDraft(() => setOpen(false));
  const id = useId();
  const existing = (current?.annotations ?? []).filter(
    (a) => a.target.kind === target.kind && a.target.id === target.id,
  );

  return (
    <div className="annotate">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        disabled={!canRecord}
        title={`Annotate ${targetText(target)}`}
        onClick={() => setOpen(!open)}
      >
        Annotate
      </button>
      {open && (
        <form id={`${id}-form`} className="annotate-form" onSubmit={draft.submit(target)}>
          <label htmlFor={`${id}-text`}>Annotation on {targetText(target)}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            value={draft.text}
            autoFocus
            onChange={(e) => draft.setText(e.target.value)}
          />
          <label htmlFor={`${id}-tags`}>Tags (comma-separated)</label>
          <input
            id={`${id}-tags`}
            value={draft.tags}
            placeholder="suspect, threshold"
            onChange={(e) => draft.setTags(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={!draft.hasText}>
              Save annotation
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {showExisting && existing.length > 0 && (
        <ul className="record-list" aria-label={`Annotations on ${targetText(target)}`}>
          {existing.map((a) => (
            <li key={a.id}>
              <span className="record-meta">
                {a.author} · <Time value={a.time} />
              </span>
              <AnnotationBody annotation={a} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
