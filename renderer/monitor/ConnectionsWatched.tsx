import { useEffect, useState } from 'react';
import { Time } from '../components/Time';
import { AlertCard, alertKey } from './AlertCard';
import { loadConnectionAlerts, type ConnectionAlerts } from './connection-alerts';

/**
 * The Monitor's alerts over saved connections, each labelled by the connection's name. A case opens at an alert's
 * decision once investigation over connections exists in the app; until then the decision and onset are named.
 */
export function ConnectionsWatched() {
  const [watched, setWatched] = useState<ConnectionAlerts[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    loadConnectionAlerts().then(
      (w) => live && setWatched(w),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="monitor-connections">
      <h2 id="monitor-connections">Saved connections</h2>
      {error && <p role="alert">Could not list the connections: {error}</p>}
      {!watched && !error && <p aria-busy="true">Asking each connection for its counts…</p>}
      {watched?.length === 0 && <p className="muted">No saved connections (add one on the Sources screen).</p>}
      {watched?.map((w) => (
        <section key={w.connection.id} aria-label={`Connection ${w.connection.name}`} data-testid="watched-connection">
          <h3>
            {w.connection.name} <code className="small">{w.connection.location}</code>
          </h3>
          {'reason' in w ? (
            <p role="alert">Could not read it: {w.reason}</p>
          ) : w.alerts.length === 0 ? (
            <p>No shift in its outcome rates.</p>
          ) : (
            w.alerts.map((a) => (
              <AlertCard key={alertKey(a)} alert={a} level={4}>
                {a.representative && (
                  <p className="muted small">
                    Investigate decision <code>{a.representative.decisionId}</code> of {w.connection.name}, onset{' '}
                    <Time value={a.representative.timestamp} />: a case opens here once investigation over connections
                    is in the app.
                  </p>
                )}
              </AlertCard>
            ))
          )}
        </section>
      ))}
    </section>
  );
}
