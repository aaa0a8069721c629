import { useId } from 'react';
import type { Metric, TrendPoint } from '../../shared/metrics/metric-types';
import { formatBucket, formatTime } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { formatFigure, unitTitle } from './format-metric';

interface Props {
  readonly trend: ReadonlyArray<TrendPoint>;
  readonly unit: Metric['unit'];
  readonly title: string;
}

const W = 520;
const H = 180;
const PAD = { left: 52, right: 12, top: 12, bottom: 36 };

/** The week's figure as plotted: shares in percent. */
const plotted = (v: number, unit: Metric['unit']) => (unit === 'share' ? v * 100 : v);

/** A metric per week as an SVG line with points (gaps where a week has nothing to measure), and as a table. */
export function TrendChart({ trend, unit, title }: Props) {
  const zone = useSettings(selectTimeZone);
  const titleId = useId();
  const values = trend.flatMap((p) => (p.value === null ? [] : [plotted(p.value, unit)]));
  const max = unit === 'share' ? 100 : Math.max(1, ...values);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (trend.length <= 1 ? plotW / 2 : (i / (trend.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  // Consecutive measured weeks form one segment; a week without a figure breaks the line.
  const segments: string[] = [];
  let current: string[] = [];
  trend.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(plotted(p.value, unit)).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const labelled =
    trend.length <= 2 ? trend.map((_, i) => i) : [0, Math.floor((trend.length - 1) / 2), trend.length - 1];

  return (
    <figure className="trend">
      <figcaption id={titleId}>{title} per week (weeks start on Monday 00:00 UTC)</figcaption>
      {trend.length === 0 ? (
        <p className="empty">Nothing to measure in any week yet.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
          <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} className="axis" />
          <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} className="axis" />
          {[0, max / 2, max].map((v) => (
            <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">
              {Math.round(v * 10) / 10}
            </text>
          ))}
          <text
            x={12}
            y={PAD.top + plotH / 2}
            textAnchor="middle"
            className="axis-title"
            transform={`rotate(-90 12 ${PAD.top + plotH / 2})`}
          >
            {unitTitle(unit)}
          </text>
          {segments.map((points) => (
            <polyline key={points} points={points} className="trend-line" />
          ))}
          {trend.map((p, i) =>
            p.value === null ? null : (
              <circle key={p.start} cx={x(i)} cy={y(plotted(p.value, unit))} r={3} className="trend-point">
                <title>{`Week of ${formatBucket(p.start, 'day', 'UTC')}: ${formatFigure(p.value, unit)} (from ${p.n})`}</title>
              </circle>
            ),
          )}
          {labelled.map((i) => (
            <text
              key={i}
              x={x(i)}
              y={H - PAD.bottom + 16}
              textAnchor={
                i === 0 && trend.length > 1 ? 'start' : i === trend.length - 1 && trend.length > 1 ? 'end' : 'middle'
              }
              className="tick"
            >
              {formatBucket(trend[i]!.start, 'day', 'UTC')}
            </text>
          ))}
        </svg>
      )}
      {trend.length > 0 && (
        <details className="table-alternative">
          <summary>Show the weeks as a table</summary>
          <table className="data-table">
            <caption className="visually-hidden">{title} per week</caption>
            <thead>
              <tr>
                <th scope="col">Week starting</th>
                <th scope="col">Figure</th>
                <th scope="col">Measured from</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.start}>
                  <td>{formatTime(p.start, zone)}</td>
                  <td className="num">{formatFigure(p.value, unit)}</td>
                  <td className="num">{p.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
