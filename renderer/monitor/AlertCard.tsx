import type { ReactNode } from 'react';
import { Time } from '../components/Time';
import type { MonitorAlert } from './monitor-view';
import { alertTitle } from './open-alert-case';

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

/**
 * One alert: its title (a heading of `level`), start, size, counts so far and chart; `children` is what can be done
 * with it.
 */
export function AlertCard(props: {
  readonly alert: MonitorAlert;
  readonly level: 3 | 4;
  readonly children: ReactNode;
}) {
  const { alert } = props;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  return (
    <section className="monitor-alert" data-start={alert.start} aria-label={alertTitle(alert)}>
      <Heading>{alertTitle(alert)}</Heading>
      <p>
        Started <Time value={alert.start} />: {pct(alert.rateBefore)} → {pct(alert.rateAfter)} (+
        {(alert.size * 100).toFixed(1)} points, G = {alert.statistic});{' '}
        <span data-testid="alert-counts">
          {alert.decisions} decisions and {alert.subjects} subjects
        </span>{' '}
        so far.
      </p>
      <RateChart alert={alert} />
      {props.children}
    </section>
  );
}

export const alertKey = (a: MonitorAlert) => `${a.model}|${a.version ?? ''}|${a.outcome}|${a.start}`;
