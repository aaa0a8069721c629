import { useEffect, useState } from 'react';
import { Time } from '../components/Time';
import { AlertCard, alertKey } from './AlertCard';
import { loadConnectionAlerts, type ConnectionAlerts } from './connection-alerts';
import { openConnectionAlertCase } from './open-connection-alert';

/**
 * The Monitor's alerts over saved connections, each labelled by the connection's name; "Open a case" opens one on the
 * alert's representative decision where the connection's log lives, then `onOpened`.
 */
export function ConnectionsWatched({ onOpened }: { readonly onOpened: () => void }) {
  const [watched, setWatched] = useState<ConnectionAlerts[]>();
  const [error, setError] = useState<string>();
  const [opening, setOpening] = useState<string>();
  useEffect(() => {
    let live = true;
    loadConnectionAlerts().then(
      (w) => live && setWatched(w),
      (e: unknown) => live && setError(`Could not list the connections: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="monitor-connections">
      <h2 id="monitor-connections">Saved connections</h2>
      {error && <p role="alert">{error}</p>}
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
                <p>
                  <button
                    type="button"
                    disabled={!a.representative || opening !== undefined}
                    onClick={() => {
                      setOpening(alertKey(a));
                      openConnectionAlertCase(w.connection, a).then(onOpened, (e: unknown) => {
                        setOpening(undefined);
                        setError(`Could not open a case: ${e instanceof Error ? e.message : String(e)}`);
                      });
                    }}
                  >
                    {opening === alertKey(a) ? 'Opening…' : 'Open a case'}
                  </button>{' '}
                  {a.representative && (
                    <span className="muted small">
                      at decision {a.representative.decisionId} in {w.connection.name} (the shift’s first with “
                      {a.outcome}”, <Time value={a.representative.timestamp} />
                      ), its onset estimated where the log lives
                    </span>
                  )}
                </p>
              </AlertCard>
            ))
          )}
        </section>
      ))}
    </section>
  );
}
