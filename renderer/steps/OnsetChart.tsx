import { useId } from 'react';
import type { OnsetEstimate, OutcomeBin } from '../../shared/analysis/engine-types';
import { formatTime } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';

const W = 720;
const H = 230;
const PAD = { left: 48, right: 12, top: 18, bottom: 44 };
/** The palette's onset colour (styles.css), light or dark with the theme. */
const ONSET_FILL = 'var(--chart-onset)';

const SERIES_LABEL: Readonly<Record<OnsetEstimate['seriesBy'], string>> = {
  feature_version: 'feature version',
  dataset_version: 'dataset version (one write)',
  run: 'run of the producing job (the data read as of each decision)',
  day: 'day',
};

/** The bin the onset falls in: the one it names, else the one whose decisions span its time, else the next one. */
export function onsetBinIndex(onset: OnsetEstimate): number {
  if (onset.key !== undefined) {
    const at = onset.series.findIndex((b) => b.key === onset.key);
    if (at >= 0) return at;
  }
  const t = Date.parse(onset.onset);
  const within = onset.series.findIndex((b) => Date.parse(b.from) <= t && t <= Date.parse(b.to));
  return within >= 0 ? within : onset.series.findIndex((b) => Date.parse(b.from) >= t);
}

const label = (b: OutcomeBin) => (b.key.length > 12 ? `${b.key.slice(0, 11)}…` : b.key);

/** The widest bin label (`label` keeps 12 characters) at the tick font, in the chart's units, with a gap. */
const LABEL_W = 12 * 6.5 + 8;

/**
 * Evenly spaced bin indexes to label (all of them when few), always including `keep` (the onset's bin), and none
 * closer than `minGap` bins to a label kept before it or to `keep`: labels never print over each other.
 */
export function labelledBins(count: number, keep: number, minGap = 1): Set<number> {
  const wanted = 8;
  const even: number[] = [];
  if (count <= wanted) for (let i = 0; i < count; i++) even.push(i);
  else for (let i = 0; i < wanted; i++) even.push(Math.round((i * (count - 1)) / (wanted - 1)));
  const out = keep >= 0 ? [keep] : [];
  for (const i of even) if (out.every((j) => Math.abs(i - j) >= minGap)) out.push(i);
  return new Set(out.sort((a, b) => a - b));
}

/** The rate of the investigated outcome per bin, the onset's bin marked, and the same numbers as a table. */
export function OnsetChart({ onset }: { onset: OnsetEstimate }) {
  const zone = useSettings(selectTimeZone);
  const titleId = useId();
  const bins = onset.series;
  const at = onsetBinIndex(onset);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, bins.length);
  const barW = Math.max(1, slot * 0.8);
  const y = (rate: number) => PAD.top + plotH - rate * plotH;
  const x = (i: number) => PAD.left + i * slot;
  const ticks = labelledBins(bins.length, at, Math.ceil(LABEL_W / slot));
  const line = (rate: number | undefined, from: number, to: number, name: string) =>
    rate === undefined || to <= from ? null : (
      <line
        x1={x(from)}
        x2={x(to)}
        y1={y(rate)}
        y2={y(rate)}
        style={{ stroke: 'var(--chart-axis)' }}
        strokeDasharray="5 4"
      >
        <title>{`${name}: ${rate}`}</title>
      </line>
    );

  return (
    <figure className="histogram">
      <figcaption id={titleId}>
        {/* The outcome named as one: a model whose outcomes are numbers read "Rate of 0 per day". */}
        Rate of{' '}
        {onset.outcome ? (
          <>
            outcome “<span className="mono">{onset.outcome}</span>”
          </>
        ) : (
          'the outcome'
        )}{' '}
        per {SERIES_LABEL[onset.seriesBy]} of <span className="mono">{onset.featureName}</span>
        {at >= 0 && (
          <>
            {' '}
            — onset at <strong className="mono">{bins[at]!.key}</strong> (red)
          </>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} className="axis" />
        {[0, 0.5, 1].map((v) => (
          <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">
            {v}
          </text>
        ))}
        {bins.map((b, i) => (
          <rect
            key={b.key}
            x={x(i) + (slot - barW) / 2}
            y={y(b.rate)}
            width={barW}
            height={Math.max(0, PAD.top + plotH - y(b.rate))}
            {...(i === at ? { style: { fill: ONSET_FILL } } : { className: 'bar' })}
          >
            <title>{`${b.key}: ${b.outcomes} of ${b.decisions} (${b.rate})${i === at ? ' — onset' : ''}`}</title>
          </rect>
        ))}
        {at >= 0 && (
          <>
            <line
              x1={x(at)}
              x2={x(at)}
              y1={PAD.top - 8}
              y2={PAD.top + plotH}
              style={{ stroke: ONSET_FILL }}
              strokeWidth={2}
            />
            <text x={x(at) + 4} y={PAD.top - 2} className="tick">
              onset
            </text>
          </>
        )}
        {at > 0 && line(onset.rateBefore, 0, at, 'rate before the onset')}
        {at >= 0 && line(onset.rateAfter, at, bins.length, 'rate from the onset')}
        {[...ticks].map((i) => (
          <text key={i} x={x(i) + slot / 2} y={H - PAD.bottom + 16} textAnchor="middle" className="tick">
            {label(bins[i]!)}
          </text>
        ))}
        <text x={PAD.left + plotW / 2} y={H - 6} textAnchor="middle" className="axis-title">
          {SERIES_LABEL[onset.seriesBy]}, in order of first use
        </text>
      </svg>
      <details className="table-alternative">
        <summary>Show the numbers as a table</summary>
        <table className="data-table">
          <caption className="visually-hidden">Outcome rate per {SERIES_LABEL[onset.seriesBy]}</caption>
          <thead>
            <tr>
              <th scope="col">{SERIES_LABEL[onset.seriesBy]}</th>
              <th scope="col">First decision</th>
              <th scope="col">Last decision</th>
              <th scope="col">Decisions</th>
              <th scope="col">{onset.outcome || 'Outcome'}</th>
              <th scope="col">Rate</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={b.key}>
                <td className="mono">
                  {b.key}
                  {i === at && <strong> (onset)</strong>}
                </td>
                <td>{formatTime(b.from, zone)}</td>
                <td>{formatTime(b.to, zone)}</td>
                <td className="num">{b.decisions}</td>
                <td className="num">{b.outcomes}</td>
                <td className="num">{b.rate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
