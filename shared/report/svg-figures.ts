/**
 * Figures as inline SVG (no external resources, print-ready): the scope histogram, the lineage path, and a
 * trend line. Every label from imported data is escaped.
 */
import type { HistogramBin, TraceNode } from '../analysis/types';
import { htmlText } from './html-escape';

const FONT = 'font-family="system-ui, sans-serif" font-size="11"';

/** Bars of decisions per bucket, with the first and last bucket and the peak labelled. */
export function histogramSvg(bins: ReadonlyArray<HistogramBin>, title: string, width = 680, height = 180): string {
  if (bins.length === 0) return `<p class="none">No decisions to chart.</p>`;
  const pad = { left: 40, right: 10, top: 10, bottom: 34 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(...bins.map((b) => b.count), 1);
  const barW = plotW / bins.length;
  const bars = bins
    .map((b, i) => {
      const h = (b.count / max) * plotH;
      const x = pad.left + i * barW;
      return `<rect x="${x.toFixed(1)}" y="${(pad.top + plotH - h).toFixed(1)}" width="${Math.max(barW - 1, 0.5).toFixed(1)}" height="${h.toFixed(1)}" fill="#3b6ea8"><title>${htmlText(`${b.start}: ${b.count}`)}</title></rect>`;
    })
    .join('');
  const axisY = pad.top + plotH;
  const first = bins[0] as HistogramBin;
  const last = bins[bins.length - 1] as HistogramBin;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title>${htmlText(title)}</title>`,
    bars,
    `<line x1="${pad.left}" y1="${axisY}" x2="${width - pad.right}" y2="${axisY}" stroke="#333"/>`,
    `<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end" ${FONT}>${max}</text>`,
    `<text x="${pad.left - 4}" y="${axisY}" text-anchor="end" ${FONT}>0</text>`,
    `<text x="${pad.left}" y="${height - 18}" ${FONT}>${htmlText(first.start)}</text>`,
    `<text x="${width - pad.right}" y="${height - 18}" text-anchor="end" ${FONT}>${htmlText(last.start)}</text>`,
    `<text x="${pad.left + plotW / 2}" y="${height - 4}" text-anchor="middle" ${FONT}>${htmlText(title)}</text>`,
    '</svg>',
  ].join('\n');
}

const KIND_COLOUR: Readonly<Record<string, string>> = {
  decision: '#8a3b3b',
  feature: '#8a6d3b',
  dataset: '#3b6ea8',
  field: '#3b8a8a',
  job: '#5a3b8a',
  source: '#3b8a4a',
  model: '#666',
};

/** The lineage path as a vertical chain of boxes, decision at the top, origin at the bottom. */
export function lineagePathSvg(path: ReadonlyArray<TraceNode>, width = 680): string {
  if (path.length === 0) return `<p class="none">No lineage path was traced.</p>`;
  const boxH = 40;
  const gap = 18;
  const height = path.length * (boxH + gap);
  const parts = path.map((n, i) => {
    const y = i * (boxH + gap);
    const colour = KIND_COLOUR[n.kind] ?? '#666';
    const arrow =
      i < path.length - 1
        ? `<line x1="${width / 2}" y1="${y + boxH + gap - 2}" x2="${width / 2}" y2="${y + boxH + 2}" stroke="#555" marker-end="url(#li-arrow)"/>`
        : '';
    return [
      `<rect x="1" y="${y}" width="${width - 2}" height="${boxH}" rx="4" fill="#fff" stroke="${colour}" stroke-width="1.5"/>`,
      `<text x="10" y="${y + 16}" ${FONT} font-weight="bold" fill="${colour}">${htmlText(n.kind)}</text>`,
      `<text x="80" y="${y + 16}" ${FONT}>${htmlText(truncate(n.id, 90))}</text>`,
      `<text x="80" y="${y + 32}" ${FONT} fill="#555">${htmlText(n.version ? `version ${truncate(n.version, 60)}` : 'no version recorded')}${htmlText(n.time ? ` · ${n.time}` : '')}</text>`,
      arrow,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    '<title>Lineage path, from the decision up to its origin (arrows point downstream)</title>',
    '<defs><marker id="li-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ...parts,
    '</svg>',
  ].join('\n');
}

/** A trend line over weekly points (value may be missing for a week with nothing to measure). */
export function trendSvg(
  points: ReadonlyArray<{ readonly start: string; readonly value: number | null }>,
  title: string,
  width = 480,
  height = 140,
): string {
  const known = points.filter((p): p is { start: string; value: number } => p.value !== null);
  if (known.length === 0) return `<p class="none">No data for a trend.</p>`;
  const pad = { left: 44, right: 10, top: 10, bottom: 28 };
  const max = Math.max(...known.map((p) => p.value), 1e-9);
  const x = (i: number) =>
    pad.left + (points.length < 2 ? 0 : (i / (points.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const dots = points
    .map((p, i) =>
      p.value === null
        ? ''
        : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" fill="#3b6ea8"><title>${htmlText(`${p.start}: ${p.value}`)}</title></circle>`,
    )
    .join('');
  const line = points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title>${htmlText(title)}</title>`,
    `<polyline points="${line}" fill="none" stroke="#3b6ea8"/>`,
    dots,
    `<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end" ${FONT}>${htmlText(round(max))}</text>`,
    `<text x="${pad.left}" y="${height - 8}" ${FONT}>${htmlText(points[0]?.start ?? '')}</text>`,
    `<text x="${width - pad.right}" y="${height - 8}" text-anchor="end" ${FONT}>${htmlText(points[points.length - 1]?.start ?? '')}</text>`,
    '</svg>',
  ].join('\n');
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const round = (v: number) => String(Math.round(v * 1000) / 1000);
