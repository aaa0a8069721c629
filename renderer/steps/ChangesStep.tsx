import { ScrollRegion } from '../components/ScrollRegion';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { selectResults, useInvestigation } from '../stores/investigation-store';

const KIND_LABEL = { commit: 'Commit', audit: 'Audit entry', deployment: 'Deployment' } as const;

/** Step 4: the window before the first wrong decision, and the changes in it, ranked as suspects. */
export function ChangesStep() {
  const changes = useInvestigation(selectResults).changes;
  if (!changes) return null;
  return (
    <div className="stack">
      <dl className="stats">
        <div>
          <dt>Window from</dt>
          <dd>
            <Time value={changes.window.from} />
          </dd>
        </div>
        <div>
          <dt>Window to</dt>
          <dd>
            <Time value={changes.window.to} />
          </dd>
        </div>
        <div>
          <dt>Onset (first wrong decision)</dt>
          <dd>
            {changes.firstWrong ? (
              <>
                <span className="mono">{changes.firstWrong.decisionId}</span> at{' '}
                <Time value={changes.firstWrong.timestamp} />
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
      {changes.changes.length === 0 ? (
        <p className="empty">No commit, audit entry or deployment touched the traced lineage in this window.</p>
      ) : (
        <ScrollRegion label="Ranked changes">
          <table className="data-table">
            <caption>Changes ranked as suspects, highest score first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Kind</th>
                <th scope="col">Id</th>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Summary and touched nodes</th>
                <th scope="col">Score and reasons</th>
              </tr>
            </thead>
            <tbody>
              {changes.changes.map((c, i) => (
                <tr key={`${c.kind}:${c.id}`}>
                  <td className="num">{i + 1}</td>
                  <td>{KIND_LABEL[c.kind]}</td>
                  <td className="mono" title={c.id}>
                    {shortId(c.id)}
                  </td>
                  <td className="time-cell">
                    <Time value={c.timestamp} />
                  </td>
                  <td className="actor-cell">{c.actor}</td>
                  <td className="summary-cell">
                    {c.summary}
                    <ul className="plain mono small touched">
                      {c.touches.map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                      {c.paths.map((p) => (
                        <li key={`path:${p}`} className="muted">
                          {p}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="reasons-cell">
                    <strong className="score">{c.score.toFixed(2)}</strong>
                    <ul className="plain small">
                      {c.reasons.map((r) => (
                        <li key={r.term}>
                          <span className="mono">
                            {r.value >= 0 ? '+' : ''}
                            {r.value.toFixed(2)}
                          </span>{' '}
                          {r.note}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
