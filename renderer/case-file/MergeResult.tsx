import type { CaseFileMergeResponse } from '../../shared/ipc/case-file-channels';
import { Time } from '../components/Time';
import { describeActivity } from '../case/describe-activity';

const HEADLINE: Record<CaseFileMergeResponse['kind'], string> = {
  merged: 'Merged: the reviewer’s entries are in the activity log and the report.',
  'already-merged': 'Already merged: this review is in the case’s log; nothing was added.',
  conflict: 'Not merged: see why below. The reviewer’s entries are listed so nothing is lost.',
};

/**
 * What merging a reviewer's file did: merged, already merged, or each conflict named (advanced, diverged,
 * unverified, other investigator…) with the reviewer's entries as the file holds them; "Merge after my entries"
 * when the case's log advanced since the export.
 */
export function MergeResult({
  result,
  onRechain,
}: {
  readonly result: CaseFileMergeResponse;
  readonly onRechain?: () => void;
}) {
  const advancedOnly = result.kind === 'conflict' && result.conflicts.every((c) => c.kind === 'advanced');
  return (
    <div className="case-file-merge" data-testid="merge-result" data-kind={result.kind}>
      <p
        className={result.kind === 'conflict' ? 'notice error' : 'export-done'}
        role={result.kind === 'conflict' ? 'alert' : undefined}
      >
        {HEADLINE[result.kind]}
        {result.rechained ? ' The reviewer’s entries were chained anew after your entries added meanwhile.' : ''}
      </p>
      {result.conflicts.length > 0 && result.kind === 'merged' && (
        <p className="small">Resolved by chaining the reviewer’s entries after yours:</p>
      )}
      {result.conflicts.length > 0 && (
        <ul data-testid="merge-conflicts">
          {result.conflicts.map((c, i) => (
            <li key={i} data-kind={c.kind}>
              <strong>{c.kind}</strong>: {c.message}
            </li>
          ))}
        </ul>
      )}
      {advancedOnly && onRechain && (
        <button type="button" onClick={onRechain}>
          Merge after my entries
        </button>
      )}
      <p className="small muted">
        Signatures:{' '}
        {result.verdict.signatures
          .map((s) => `${s.role} ${s.signer} (${s.fingerprint}) ${s.valid ? 'verifies' : 'does not verify'}`)
          .join('; ') || 'none'}
      </p>
      {result.reviewerEntries.length > 0 && (
        <>
          <p className="small">The reviewer’s entries in the file ({result.reviewerEntries.length}):</p>
          <ol className="record-list" aria-label="The reviewer’s entries in the file">
            {result.reviewerEntries.map((e) => (
              <li key={e.seq} data-testid="merge-reviewer-entry">
                <span className="record-meta">
                  #{e.seq} · <Time value={e.time} /> · {e.actor}
                </span>
                <p>{describeActivity(e)}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
