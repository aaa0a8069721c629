import { useId } from 'react';
import type { HistogramBin } from '../../shared/analysis/types';
import { formatBucket, formatTime, zoneLabel } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';

interface Props {
  readonly bins: ReadonlyArray<HistogramBin>;
  readonly bucket: 'hour' | 'day';
  readonly title: string;
}

const W = 720;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 44 };

/** Evenly spaced tick indexes (first and last always included). */
function ticks(count: number, wanted: number): number[] {
  if (count <= wanted) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (wanted - 1);
  return Array.from({ length: wanted }, (_, i) => Math.round(i * step));
}

/** Decisions per bucket as plain SVG bars with axis labels, and the same numbers as a table. */
export function Histogram({ bins, bucket, title }: Props) {
  const zone = useSettings(selectTimeZone);
  const titleId = useId();
  const max = Math.max(1, ...bins.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, bins.length);
  const barW = Math.max(1, slot * 0.8);
  const y = (count: number) => PAD.top + plotH - (count / max) * plotH;

  return (
    <figure className="histogram">
      <figcaption id={titleId}>
        {title} — per {bucket}, {zoneLabel(zone)}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} className="axis" />
        {[0, Math.round(max / 2), max].map((v) => (
          <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">
            {v}
          </text>
        ))}
        {bins.map((b, i) => (
          <rect
            key={b.start}
            x={PAD.left + i * slot + (slot - barW) / 2}
            y={y(b.count)}
            width={barW}
            height={PAD.top + plotH - y(b.count)}
            className="bar"
          >
            <title>{`${formatTime(b.start, zone)}: ${b.count}`}</title>
          </rect>
        ))}
        {ticks(bins.length, 5).map((i) => (
          <text key={i} x={PAD.left + i * slot + slot / 2} y={H - PAD.bottom + 16} textAnchor="middle" className="tick">
            {formatBucket(bins[i]!.start, bucket, zone)}
          </text>
        ))}
        <text x={PAD.left + plotW / 2} y={H - 6} textAnchor="middle" className="axis-title">
          {bucket === 'hour' ? 'Hour' : 'Day'} ({zoneLabel(zone)})
        </text>
      </svg>
      <details className="table-alternative">
        <summary>Show the numbers as a table</summary>
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{bucket === 'hour' ? 'Hour starting' : 'Day starting'}</th>
              <th scope="col">Decisions</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.start}>
                <td>{formatTime(b.start, zone)}</td>
                <td className="num">{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
