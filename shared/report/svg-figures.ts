/**
 * Figures as inline SVG (no external resources, print-ready): the scope histogram, the lineage path, and a
 * trend line. Every label from imported data is escaped.
 */
import type { HistogramBin, TraceNode } from '../analysis/types';
import { htmlText } from './html-escape';
import { lineageGraphSvg, roundedPath, type SvgEdge, type SvgNode } from './lineage-graph-svg';

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

const KIND_NAMES: Readonly<Record<string, string>> = {
  decision: 'Decision',
  model: 'Model',
  feature: 'Feature',
  dataset: 'Dataset',
  field: 'Field',
  job: 'Job',
  source: 'Source event',
};
/** A job that runs a tracking plan or an identity configuration is named as what it runs (as the app does). */
function configName(n: TraceNode): string | undefined {
  const config = (n as { readonly configKind?: string }).configKind;
  return config === 'tracking-plan' ? 'Tracking plan' : config === 'identity-config' ? 'Identity config' : undefined;
}
/**
 * The report's cards, sized so that three to a row with the lanes of the edges that wrap and the drawing's margins
 * (lineage-graph-svg.ts) come to 702 units: within an A4 page's printable width (186 mm, 703 CSS px), so printed the
 * drawing is not scaled down and its smallest type (the kind, 9.5 px) stays above 7 pt.
 */
const CARD = { width: 188, height: 92, gap: 30, bandGap: 56, perRow: 3 } as const;

/**
 * The lineage path drawn as the app draws its graph (lineage-graph-svg.ts): from the origin to the decision, left to
 * right in rows of three read like text, arrows pointing downstream, every name and version in full.
 */
export function lineagePathSvg(path: ReadonlyArray<TraceNode>): string {
  if (path.length === 0) return `<p class="none">No lineage path was traced.</p>`;
  const chain = [...path].reverse();
  const nodes: SvgNode[] = chain.map((n, i) => {
    const at = n.label.indexOf(':');
    const split = at > 0 && n.kind !== 'decision' && n.kind !== 'feature' && n.kind !== 'model';
    return {
      id: n.id,
      kind: n.kind,
      kindLabel: configName(n) ?? KIND_NAMES[n.kind] ?? n.kind,
      name: split ? n.label.slice(at + 1) : n.label,
      namespace: split ? n.label.slice(0, at) : undefined,
      version: n.version,
      x: (i % CARD.perRow) * (CARD.width + CARD.gap),
      y: Math.floor(i / CARD.perRow) * (CARD.height + CARD.bandGap),
      width: CARD.width,
      height: CARD.height,
      traced: true,
    };
  });
  const edges: SvgEdge[] = nodes.slice(1).map((t, i) => {
    const s = nodes[i] as SvgNode;
    const sx = s.x + s.width;
    const sy = s.y + s.height / 2;
    const ty = t.y + t.height / 2;
    const d =
      t.y === s.y
        ? `M${sx},${sy} L${t.x},${ty}`
        : roundedPath([
            [sx, sy],
            [sx + CARD.gap / 2, sy],
            [sx + CARD.gap / 2, t.y - CARD.bandGap / 2],
            [t.x - CARD.gap / 2, t.y - CARD.bandGap / 2],
            [t.x - CARD.gap / 2, ty],
            [t.x, ty],
          ]);
    return { d, kind: 'table', traced: true };
  });
  return lineageGraphSvg({
    nodes,
    edges,
    title: 'Lineage path, from the origin to the decision (arrows point downstream)',
  });
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

const round = (v: number) => String(Math.round(v * 1000) / 1000);
