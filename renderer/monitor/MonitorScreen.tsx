import { useEffect, useState } from 'react';
import { Time } from '../components/Time';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { loadEvidence } from '../db/load-evidence';
import { db } from '../db/instance';
import { listCompleteSources } from '../db/staged-import';
import { selectCloseMonitor, useMonitorRoute } from './monitor-route';
import { monitorAlerts, type MonitorAlert } from './monitor-view';
import { alertTitle, openAlertCase } from './open-alert-case';
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

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The alert's outcome rate per day, the shift's start marked. */
function RateChart({ alert }: { readonly alert: MonitorAlert }) {
  const bins = alert.series.bins;
  const w = 480;
  const h = 90;
  const rates = bins.map((b) => (b.outcomes[alert.outcome] ?? 0) / b.decisions);
  const top = Math.max(...rates, 0.01);
  const x = (i: number) => (bins.length < 2 ? w / 2 : (i / (bins.length - 1)) * (w - 8) + 4);
  const y = (r: number) => h - 4 - (r / top) * (h - 8);
  const at = bins.findIndex((b) => b.start === alert.start);
  return (
    <svg
      role="img"
      aria-label={`“${alert.outcome}” rate per day of ${alert.model}${alert.version ? ` ${alert.version}` : ''}: ${pct(alert.rateBefore)} before, ${pct(alert.rateAfter)} from ${alert.start.slice(0, 10)}`}
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      className="monitor-chart"
    >
      {at >= 0 && (
        <line x1={x(at)} x2={x(at)} y1={0} y2={h} stroke="currentColor" strokeDasharray="4 3" opacity={0.6} />
      )}
      <polyline
        fill="none"
        style={{ stroke: 'var(--chart-alert)' }}
        strokeWidth={2}
        points={rates.map((r, i) => `${x(i)},${y(r)}`).join(' ')}
      />
    </svg>
  );
}

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
      <main className="page">
        <h1>Monitor</h1>
        <p className="muted">
          The outcome rate per model and model version, by day, over every imported decision log, with the change-points
          the onset uses (the same test and threshold as <code>lineage-investigator watch</code>). Each upward shift of
          at least one point is an alert.
        </p>
        {error && <p role="alert">{error}</p>}
        {loaded.state === 'loading' && <p aria-busy="true">Reading the decisions…</p>}
        {loaded.state === 'error' && <p role="alert">Could not read the decisions: {loaded.reason}</p>}
        {loaded.state === 'ready' && loaded.alerts.length === 0 && <p>No shift in {loaded.decisions} decisions.</p>}
        {loaded.state === 'ready' &&
          loaded.alerts.map((a) => (
            <section
              key={`${a.model}|${a.version ?? ''}|${a.outcome}|${a.start}`}
              className="monitor-alert"
              data-start={a.start}
              aria-label={alertTitle(a)}
            >
              <h2>{alertTitle(a)}</h2>
              <p>
                Started <Time value={a.start} />: {pct(a.rateBefore)} → {pct(a.rateAfter)} (+{(a.size * 100).toFixed(1)}{' '}
                points, G = {a.statistic});{' '}
                <span data-testid="alert-counts">
                  {a.decisions} decisions and {a.subjects} subjects
                </span>{' '}
                so far.
              </p>
              <RateChart alert={a} />
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
            </section>
          ))}
      </main>
    </div>
  );
}
