import { selectChain, selectLogError, useCaseLog } from '../stores/case-log-store';
import { countOf } from '../steps/evidence-cite';
import './case.css';

/**
 * Shown under the case header: a broken activity chain (checked when the case is opened), naming the first entry
 * that does not verify, and the reason the last action could not be recorded.
 */
export function ChainAlert() {
  const chain = useCaseLog(selectChain);
  const error = useCaseLog(selectLogError);
  return (
    <>
      {chain && !chain.ok && (
        <div className="notice error case-alert" role="alert">
          <strong>This case&apos;s activity log has been altered.</strong> The first entry that does not verify is entry{' '}
          {chain.seq ?? `#${chain.index + 1}`}: {chain.reason}. Its record can no longer be trusted, and nothing more is
          recorded on it.
        </div>
      )}
      {error && (
        <p className="notice error case-alert" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** The chain's verdict in a few words, for the activity panel. */
export function ChainStatus() {
  const chain = useCaseLog(selectChain);
  if (!chain) return <span className="muted">checking the chain…</span>;
  return chain.ok ? (
    <span className="chain-ok">
      ✓ Chain verified: {countOf(chain.entries, 'entry', 'entries')}, each hash-linked to the one before (SHA-256)
    </span>
  ) : (
    <span className="chain-broken">✗ Chain broken at entry {chain.seq ?? `#${chain.index + 1}`}</span>
  );
}
