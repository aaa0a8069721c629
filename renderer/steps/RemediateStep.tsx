import { useMemo } from 'react';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { selectResults, selectSources, useInvestigation } from '../stores/investigation-store';
import { SUSPECT_KIND_LABEL } from './evidence-cite';
import { FileDiff } from './FileDiff';
import { ReplayPlanView } from './ReplayPlan';

/**
 * Step 6: for the confirmed cause (the top suspect), the last known-good version with the evidence that decisions
 * under it were right, the rollback with its expected duration, the diff it undoes, and the replay plan.
 */
export function RemediateStep() {
  const engine = useInvestigation(selectResults).engine;
  const sources = useInvestigation(selectSources);
  const storedRepositories = useMemo(() => sources.map((s) => s.repository), [sources]);
  if (!engine) return null;
  const { rollback, lastKnownGood, replay } = engine.remediation;
  if (rollback.length === 0) return <p className="empty">No suspect change: there is nothing to roll back.</p>;
  const suspects = new Map(engine.suspects.suspects.map((s, i) => [s.id, { s, rank: i + 1 }]));

  return (
    <div className="stack">
      {rollback.map((plan, index) => {
        const entry = suspects.get(plan.changeId);
        const good = lastKnownGood.find((g) => g.changeId === plan.changeId);
        const command = plan.rollback.split(' — ')[0] ?? plan.rollback;
        return (
          <section key={plan.changeId} className="card stack" aria-labelledby={`plan-${index}`}>
            <h3 id={`plan-${index}`}>
              Cause {entry && <span className="badge">#{entry.rank}</span>}{' '}
              {entry ? SUSPECT_KIND_LABEL[entry.s.kind] : 'Change'}{' '}
              <span className="mono" title={plan.changeId}>
                {shortId(plan.changeId)}
              </span>
              {entry && <> — {entry.s.summary}</>}
            </h3>
            <dl className="facts">
              <dt>Last known-good</dt>
              <dd>
                {plan.previousCommit ? (
                  <span className="mono wrap">{plan.previousCommit}</span>
                ) : (
                  (good?.version ?? 'the configuration before the change')
                )}
                {plan.previousCommitDate && (
                  <span className="muted">
                    {' '}
                    (<Time value={plan.previousCommitDate} />)
                  </span>
                )}
              </dd>
              {good && good.decisions !== undefined && (
                <>
                  <dt>Evidence it was good</dt>
                  <dd>
                    {good.featureVersion && (
                      <>
                        Feature version <span className="mono badge">{good.featureVersion}</span>:{' '}
                      </>
                    )}
                    {good.decisions.toLocaleString('en')} decisions at an outcome rate of <strong>{good.rate}</strong>
                    {good.rateAfter !== undefined && (
                      <>
                        , against <strong>{good.rateAfter}</strong> after the change
                      </>
                    )}
                    .
                  </dd>
                </>
              )}
              <dt>Rollback</dt>
              <dd>
                <code className="wrap" data-testid="rollback-command">
                  {command}
                </code>
                {command !== plan.rollback && <div className="small">{plan.rollback.slice(command.length + 3)}</div>}
              </dd>
              <dt>Expected duration</dt>
              <dd>{plan.estimate}</dd>
              {plan.jobId && (
                <>
                  <dt>Job</dt>
                  <dd className="mono">{plan.jobId}</dd>
                </>
              )}
            </dl>
            {plan.path && plan.suspectCommit ? (
              <details open>
                <summary>The change the rollback undoes ({plan.path})</summary>
                <FileDiff
                  path={plan.path}
                  previousCommit={plan.previousCommit}
                  suspectCommit={plan.suspectCommit}
                  repository={plan.repository}
                  storedRepositories={storedRepositories}
                />
              </details>
            ) : (
              <p className="muted">This change is not a file in a repository; its prior state is described above.</p>
            )}
          </section>
        );
      })}
      {replay ? (
        <ReplayPlanView plan={replay} />
      ) : (
        <p className="muted">No replay plan: there is no confirmed cause.</p>
      )}
    </div>
  );
}
