import { useEffect } from 'react';
import { Time } from '../components/Time';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { countOf } from './format-metric';
import { MetricCard } from './MetricCard';
import { selectCloseDashboard, useMetricsRoute } from './metrics-route';
import {
  selectMetricsError,
  selectMetricsStatus,
  selectMetricsView,
  selectRefreshMetrics,
  useMetrics,
} from './metrics-store';
import './metrics.css';

/** The lineage-maturity dashboard: the five metrics over every imported source and every case. */
export function MetricsScreen() {
  const close = useMetricsRoute(selectCloseDashboard);
  const status = useMetrics(selectMetricsStatus);
  const view = useMetrics(selectMetricsView);
  const error = useMetrics(selectMetricsError);
  const refresh = useMetrics(selectRefreshMetrics);

  useEffect(() => {
    void refresh();
  }, [refresh]);

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
      <main className="page metrics-page" aria-busy={status === 'computing'}>
        <div className="page-title">
          <h1>Lineage maturity</h1>
          <div className="actions">
            <button type="button" disabled={status === 'computing'} onClick={() => void refresh()}>
              Recompute
            </button>
          </div>
        </div>
        <p className="lead">
          Five measures of how well the imported lineage explains decisions, computed from every imported source and
          every case on this machine that was not deleted.
        </p>
        {status === 'computing' && (
          <p className="notice" role="status">
            Computing the metrics from everything imported…
          </p>
        )}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {view && (
          <>
            <p className="small muted" data-testid="metrics-basis">
              From {countOf(view.sources, 'source')} ({countOf(view.records, 'record')}) and{' '}
              {countOf(view.cases, 'case')}
              {view.archivedCases > 0 && ` (${view.archivedCases} archived, counted)`}, computed{' '}
              <Time value={view.computedAt} /> in {Math.round(view.loadMs + view.computeMs)} ms. Archived cases count:
              their investigations stand; deleted cases do not.
            </p>
            {view.sources === 0 && (
              <p className="empty">Nothing imported yet: open the sample investigation or import sources first.</p>
            )}
            {view.metrics.map((m) => (
              <MetricCard key={m.id} metric={m} sourceNames={view.sourceNames} caseTitles={view.caseTitles} />
            ))}
          </>
        )}
      </main>
    </div>
  );
}
