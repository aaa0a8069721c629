import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { selectCreateCase, useCases } from '../stores/cases-store';

/** A modal dialog asking for the new investigation's title (and an optional description). */
export function NewCaseDialog({ onClose }: { readonly onClose: () => void }) {
  const createCase = useCases(selectCreateCase);
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const titleId = useId();
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    void createCase(title.trim(), description.trim()).then(onClose);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={headingId}>New investigation</h2>
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          value={title}
          required
          autoFocus
          placeholder="e.g. Eligible customer rejected on 20 November"
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={`${titleId}-d`}>Description (optional)</label>
        <textarea id={`${titleId}-d`} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        <p className="muted small">
          The investigation starts without evidence: next, import its lineage, Git, deployment, audit and decision files
          on its Sources screen, then choose the decision to investigate.
        </p>
        <div className="actions end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!title.trim()}>
            Create investigation
          </button>
        </div>
      </form>
    </dialog>
  );
}
