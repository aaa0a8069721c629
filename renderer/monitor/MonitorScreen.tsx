import { useEffect, useState } from 'react';
import { Time } from '../components/Time';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { loadEvidence } from '../db/load-evidence';
import { db } from '../db/instance';
import { listCompleteSources } from '../db/staged-import';
import { selectCloseMonitor, useMonitorRoute } from './monitor-route';
import { monitorAlerts, type MonitorAlert } from './monitor-view';
import { openAlertCase } from './open-alert-case';
import { AlertCard, alertKey } from './AlertCard';
import { ConnectionsWatched } from './ConnectionsWatched';
import './monitor.css';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly reason: string }
  | {
      readonly state: 'ready';
      readonly alerts: MonitorAlert[];
      readonly sourceIds: string[];
      readonly decisions: number;
    };

/** The Monitor: the outcome rate per model and version over the imported decisions, each upward shift an alert. */
export function MonitorScreen() {
  const close = useMonitorRoute(selectCloseMonitor);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    (async () => {
      const sourceIds = (await listCompleteSources(db)).map((s) => s.id);
      const set = await loadEvidence(db, sourceIds);
      return {
        state: 'ready' as const,
        alerts: monitorAlerts(set.decisions),
        sourceIds,
        decisions: set.decisions.length,
      };
    })().then(
      (l) => live && setLoaded(l),
      (e: unknown) => live && setLoaded({ state: 'error', reason: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const open = (alert: MonitorAlert, sourceIds: string[]) =>
    openAlertCase(alert, sourceIds).then(close, (e: unknown) =>
      setError(`Could not open a case: ${e instanceof Error ? e.message : String(e)}`),
    );

  return (
    <div className="app-shell">
      <header className="app-header">
        <button type="button" className="ghost" onClick={close}>
          ← Back to cases
        </button>
        <p className="brand">Lineage Investigator</p>
        <span className="spacer" />
        <TimeZoneSwitch />
        <ThemeSwitch />
      </header>
      {/* Focusable: it scrolls, and over connections alone it may hold nothing else to focus. */}
      <main className="page" tabIndex={0}>
        <h1>Monitor</h1>
        <p className="muted">
          The outcome rate per model and model version, by day, over every imported decision log and every saved
          connection (read where it lives), with the change-points the onset uses (the same test and threshold as{' '}
          <code>lineage-investigator watch</code>). Each upward shift of at least one point is an alert.
        </p>
        {error && <p role="alert">{error}</p>}
        <h2>Imported decision logs</h2>
        {loaded.state === 'loading' && <p aria-busy="true">Reading the decisions…</p>}
        {loaded.state === 'error' && <p role="alert">Could not read the decisions: {loaded.reason}</p>}
        {loaded.state === 'ready' && loaded.alerts.length === 0 && <p>No shift in {loaded.decisions} decisions.</p>}
        {loaded.state === 'ready' &&
          loaded.alerts.map((a) => (
            <AlertCard key={alertKey(a)} alert={a} level={3}>
              <p>
                <button type="button" disabled={!a.representative} onClick={() => void open(a, loaded.sourceIds)}>
                  Open a case
                </button>{' '}
                {a.representative && (
                  <span className="muted small">
                    at decision {a.representative.decisionId}, onset preset to{' '}
                    <Time value={a.representative.timestamp} />
                  </span>
                )}
              </p>
            </AlertCard>
          ))}
        <ConnectionsWatched onOpened={close} />
      </main>
    </div>
  );
}
