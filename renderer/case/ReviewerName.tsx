import { useId, useState } from 'react';
import { selectReviewerName, selectSetReviewerName, useReviewer } from './reviewer-store';
import './case.css';

/** "You are …": the reviewer's name, recorded as the actor of every action and the default owner of new cases. */
export function ReviewerName() {
  const name = useReviewer(selectReviewerName);
  const setName = useReviewer(selectSetReviewerName);
  // The name being typed; undefined shows the stored one.
  const [draft, setDraft] = useState<string>();
  const id = useId();
  return (
    <div className="case-fields">
      <label htmlFor={id}>
        Your name (recorded on every action)
        <input
          id={id}
          value={draft ?? name}
          placeholder="e.g. Maria Keller"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          onBlur={() => {
            if (draft !== undefined) setName(draft);
            setDraft(undefined);
          }}
        />
      </label>
    </div>
  );
}
