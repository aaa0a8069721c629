import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { CaseSeverity } from '../../shared/case/case-types';
import { SEVERITIES, SEVERITY_LABELS } from '../case/case-labels';
import { selectReviewerName, useReviewer } from '../case/reviewer-store';
import { selectCreateCase, useCases } from '../stores/cases-store';

/** A modal dialog asking for the new investigation's title, severity, owner and (optional) description. */
export function NewCaseDialog({ onClose }: { readonly onClose: () => void }) {
  const createCase = useCases(selectCreateCase);
  const reviewer = useReviewer(selectReviewerName);
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<CaseSeverity>('medium');
  const [owner, setOwner] = useState(reviewer);
  const [description, setDescription] = useState('');
  const id = useId();
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const ready = Boolean(title.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const input = {
      title: title.trim(),
      severity,
      owner: owner.trim() || 'unassigned',
      description: description.trim(),
    };
    void createCase(input).then(onClose);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={headingId}>New investigation</h2>
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={title}
          required
          autoFocus
          placeholder="e.g. Eligible customer rejected on 20 November"
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={`${id}-severity`}>Severity</label>
        <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value as CaseSeverity)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input id={`${id}-owner`} value={owner} placeholder="unassigned" onChange={(e) => setOwner(e.target.value)} />
        <label htmlFor={`${id}-d`}>Description (optional)</label>
        <textarea id={`${id}-d`} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        <p className="muted small">
          The investigation starts without evidence: next, import its lineage, Git, deployment, audit and decision files
          on its Sources screen, then choose the decision to investigate. Opening it is the first entry of its activity
          log.
        </p>
        <div className="actions end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            Create investigation
          </button>
        </div>
      </form>
    </dialog>
  );
}
