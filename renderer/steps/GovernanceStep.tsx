import { governanceControls } from '../../shared/analysis/governance-controls';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { selectResults, useInvestigation } from '../stores/investigation-store';
import { countOf, SUSPECT_KIND_LABEL, useSourceName } from './evidence-cite';
import { ParityTable, RuleFindings } from './RuleFindings';

const VERDICT_LABEL = {
  compliant: 'Compliant',
  violation: 'Violation',
  'insufficient-evidence': 'Insufficient evidence',
} as const;

/**
 * Step 5: for each suspect, in rank order, its verdict — compliant, violation(s), or insufficient evidence — and
 * every rule finding with the records behind it, and the environments' parity at the decision's time.
 */
export function GovernanceStep() {
  const engine = useInvestigation(selectResults).engine;
  const sourceName = useSourceName();
  if (!engine) return null;
  const { governance } = engine;
  if (governance.length === 0) return <p className="empty">There are no suspect changes to check.</p>;
  const suspects = new Map(engine.suspects.suspects.map((s, i) => [s.id, { s, rank: i + 1 }]));
  const count = (v: keyof typeof VERDICT_LABEL) => governance.filter((g) => g.verdict === v).length;

  return (
    <div className="stack">
      <p className="notice" role="note">
        <strong>The verdict is not the ranking.</strong> A verdict says whether a change went through the required
        controls (review, staging, parity, enforcement); the rank in Changes says how likely it caused the wrong
        decisions. A compliant change can still be the cause, and a violation can be harmless.
      </p>
      <p>
        {countOf(governance.length, 'suspect')} checked: <strong>{countOf(count('violation'), 'violation')}</strong>,{' '}
        {count('compliant')} compliant, {count('insufficient-evidence')} with insufficient evidence.
      </p>
      <ul className="plain stack" aria-label="Governance verdicts by suspect">
        {governance.map((g) => {
          const entry = suspects.get(g.changeId);
          const failed = governanceControls(g.findings).controls.filter((c) => c.verdict === 'fail');
          const headingId = `gov-${g.changeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
          return (
            <li key={g.changeId}>
              <article
                className="card stack"
                aria-labelledby={headingId}
                data-testid="governance"
                data-change-id={g.changeId}
              >
                <h3 id={headingId}>
                  {entry && <span className="badge">#{entry.rank}</span>}{' '}
                  {entry ? SUSPECT_KIND_LABEL[entry.s.kind] : 'Change'}{' '}
                  <span className="mono" title={g.changeId}>
                    {shortId(g.changeId)}
                  </span>
                  {entry && <> — {entry.s.summary}</>}{' '}
                  <span className={`verdict verdict-${g.verdict}`}>{VERDICT_LABEL[g.verdict]}</span>
                </h3>
                {g.verdict === 'violation' && failed.length > 0 && (
                  <p className="danger-text">Violated: {failed.map((c) => c.label).join('; ')}.</p>
                )}
                <dl className="facts">
                  <dt>Pull request</dt>
                  <dd>{g.pullRequest !== undefined ? `#${g.pullRequest}` : '—'}</dd>
                  <dt>Approved by</dt>
                  <dd>
                    {g.approvers.length ? g.approvers.join(', ') : <strong className="danger-text">nobody</strong>}
                  </dd>
                  <dt>Deployments</dt>
                  <dd>
                    {g.deployments.length === 0 ? (
                      <span className="muted">none recorded</span>
                    ) : (
                      <ul className="plain small">
                        {g.deployments.map((d) => (
                          <li key={d.id}>
                            <strong>{d.environment}</strong> <span className="mono">{d.id}</span>{' '}
                            <Time value={d.timestamp} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
                <RuleFindings findings={g.findings} sourceName={sourceName} changeId={g.changeId} />
                {g.parity && <ParityTable parity={g.parity} sourceName={sourceName} />}
              </article>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
