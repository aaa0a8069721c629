import { ScrollRegion } from '../components/ScrollRegion';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { selectResults, useInvestigation } from '../stores/investigation-store';

const VERDICT_LABEL = {
  compliant: 'Compliant',
  violation: 'Violation',
  'insufficient-evidence': 'Insufficient evidence',
} as const;

/** Step 5: for each suspect change, its approval, its deployments per environment, and the verdict. */
export function GovernanceStep() {
  const { governance, changes } = useInvestigation(selectResults);
  if (!governance) return null;
  if (governance.length === 0) return <p className="empty">There are no changes to check.</p>;
  const summaries = new Map(changes?.changes.map((c) => [c.id, c.summary]));

  return (
    <ScrollRegion label="Governance checks">
      <table className="data-table">
        <caption>Approval and deployment evidence per change</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Pull request</th>
            <th scope="col">Approved</th>
            <th scope="col">Approvers</th>
            <th scope="col">Deployments</th>
            <th scope="col">Verdict</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {governance.map((g) => (
            <tr key={g.changeId}>
              <td>
                <span className="mono" title={g.changeId}>
                  {shortId(g.changeId)}
                </span>
                {summaries.get(g.changeId) && <div className="small muted">{summaries.get(g.changeId)}</div>}
              </td>
              <td className="num">{g.pullRequest !== undefined ? `#${g.pullRequest}` : '—'}</td>
              <td>{g.approved ? 'Yes' : <strong className="danger-text">No</strong>}</td>
              <td>{g.approvers.length ? g.approvers.join(', ') : '—'}</td>
              <td>
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
              </td>
              <td>
                <span className={`verdict verdict-${g.verdict}`}>{VERDICT_LABEL[g.verdict]}</span>
              </td>
              <td>
                <ul className="plain small findings">
                  {g.findings.map((f, i) => (
                    <li key={i} className={f.ok ? 'ok' : 'bad'}>
                      <span aria-hidden="true">{f.ok ? '✓' : '✗'}</span>
                      <span className="visually-hidden">{f.ok ? 'Passed: ' : 'Failed: '}</span> {f.text}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
