import { useMemo } from 'react';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { selectResults, selectSources, useInvestigation } from '../stores/investigation-store';
import { FileDiff } from './FileDiff';

/** Step 6: per changed job, the last known-good commit, the rollback, and what the suspect change did. */
export function RemediateStep() {
  const remediation = useInvestigation(selectResults).remediation;
  const sources = useInvestigation(selectSources);
  const storedRepositories = useMemo(() => sources.map((s) => s.repository), [sources]);
  if (!remediation) return null;
  if (remediation.length === 0) return <p className="empty">No change needs a rollback plan.</p>;

  return (
    <div className="stack">
      {remediation.map((plan, index) => (
        <section key={`${plan.changeId}:${plan.path ?? index}`} className="card" aria-labelledby={`plan-${index}`}>
          <h3 id={`plan-${index}`}>
            {plan.jobId ? <span className="mono">{plan.jobId}</span> : 'Change'}{' '}
            <span className="muted small">
              for change{' '}
              <span className="mono" title={plan.changeId}>
                {shortId(plan.changeId)}
              </span>
            </span>
          </h3>
          <dl className="facts">
            <dt>Path</dt>
            <dd className="mono wrap">{plan.path ?? '—'}</dd>
            <dt>Suspect commit</dt>
            <dd className="mono wrap">{plan.suspectCommit ?? '—'}</dd>
            <dt>Last known-good</dt>
            <dd className="mono wrap">
              {plan.previousCommit ?? '—'}
              {plan.previousCommitDate && (
                <>
                  {' '}
                  <span className="muted">
                    (<Time value={plan.previousCommitDate} />)
                  </span>
                </>
              )}
            </dd>
            <dt>Rollback</dt>
            <dd>
              <code className="wrap">{plan.rollback}</code>
            </dd>
          </dl>
          {plan.path && plan.suspectCommit ? (
            <FileDiff
              path={plan.path}
              previousCommit={plan.previousCommit}
              suspectCommit={plan.suspectCommit}
              repository={plan.repository}
              storedRepositories={storedRepositories}
            />
          ) : (
            <p className="muted">This change is not a file in a repository; its prior state is described above.</p>
          )}
        </section>
      ))}
    </div>
  );
}
