import { useState } from 'react';
import type { CaseSummary } from '../stores/cases-initial';
import { recordLifecycle } from './case-lifecycle';
import './case-list.css';

/**
 * A case-list row's actions: archive (or take out of the archive) and delete, the deletion asked to be confirmed.
 * Both are logged in the case's chain; a failure is said in the row.
 */
export function CaseRowActions({ summary }: { readonly summary: CaseSummary }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const { record, case: c } = summary;
  const title = c?.title ?? record.title;
  const run = (action: Parameters<typeof recordLifecycle>[1]) => async () => {
    setConfirming(false);
    setError(await recordLifecycle(record.id, action));
  };
  if (!c) return null;
  return (
    <div className="case-row-actions">
      {confirming ? (
        <>
          <button type="button" className="danger small" onClick={run('case.deleted')}>
            Delete {title}
          </button>
          <button type="button" className="small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="small"
            aria-label={`${c.archivedAt ? 'Unarchive' : 'Archive'} ${title}`}
            onClick={run(c.archivedAt ? 'case.unarchived' : 'case.archived')}
          >
            {c.archivedAt ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" className="small" aria-label={`Delete ${title}…`} onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </>
      )}
      {error && (
        <span className="danger-text small" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
