/**
 * The lineage graph as a standalone vector drawing, captioned with what it shows: one rectangle per node (its kind's
 * colour on the left, the kind, the name in full and the version), one path per edge with an arrowhead, the traced
 * path bold. Plain SVG — no HTML, no foreignObject, no scripts, no external fonts — so it stays sharp at any size, in
 * a report, a PDF or an audit document. Every label from imported data is escaped. Pure: positions and paths in, text
 * out.
 */
import { htmlText } from './html-escape';

/** A node placed by the layout (top-left corner, in the drawing's units). */
export interface SvgNode {
  readonly id: string;
  readonly kind: string;
  /** The kind as the investigator names it ("Dataset", "Tracking plan"). */
  readonly kindLabel: string;
  readonly name: string;
  readonly namespace?: string;
  readonly version?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly traced: boolean;
  /** How this node differs at the compared moment. */
  readonly change?: 'changed' | 'added' | 'removed';
  /** Field rows drawn below the card (their rows are FIELD_ROW units high from `fieldsTop`). */
  readonly fields?: ReadonlyArray<{ readonly name: string; readonly type?: string; readonly traced: boolean }>;
  readonly fieldsTop?: number;
  readonly fieldRow?: number;
}

/** An edge as a path in the same coordinates. */
export interface SvgEdge {
  readonly d: string;
  readonly kind: 'table' | 'column';
  readonly traced: boolean;
  readonly change?: 'added' | 'removed';
  readonly label?: string;
}

/** The app's palette (renderer/styles.css), so the drawing reads like the screen. */
export const KIND_COLOURS: Readonly<Record<string, string>> = {
  decision: '#7c3aed',
  model: '#9333ea',
  feature: '#1d5bbf',
  dataset: '#0f766e',
  field: '#0e7490',
  job: '#b45309',
  source: '#4b5563',
  supernode: '#6b7280',
};
const ACCENT = '#1d5bbf';
const CONTEXT = '#9aa3af';
const COLUMN = '#0e7490';
const INK = '#111827';
const MUTED = '#4b5563';
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const MONO = 'font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"';
const MARGIN = 24;

const f = (v: number) => String(Math.round(v * 10) / 10);
/** The corner radius of a node's card, and the width of its kind's colour bar on the left. */
const CORNER = 6;
const BAR = 5;
/** The caption line above the drawing: its type size and the room it takes. */
const CAPTION_SIZE = 13;
const CAPTION_ROOM = 30;

/**
 * The colour bar along a card's left edge as the card's own outline there: the top and bottom left corners follow
 * the card's rounded corners (arcs of its radius), so the bar never shows past them. Coordinates as `x,y` pairs.
 */
function barPath(x: number, y: number, height: number): string {
  // Where the bar's right edge meets the corner's arc, from the corner's top (and bottom).
  const inset = CORNER - Math.sqrt(CORNER * CORNER - (CORNER - BAR) * (CORNER - BAR));
  const arc = `A${CORNER} ${CORNER} 0 0 0`;
  return (
    `M${f(x + BAR)},${f(y + inset)} ${arc} ${f(x)},${f(y + CORNER)} L${f(x)},${f(y + height - CORNER)} ` +
    `${arc} ${f(x + BAR)},${f(y + height - inset)} Z`
  );
}

/**
 * Splits a name into lines of at most `perLine` characters, breaking after dots, slashes, underscores and dashes
 * where it can and anywhere else where it must; nothing is dropped.
 */
export function wrapName(name: string, perLine: number): string[] {
  const lines: string[] = [];
  let rest = name;
  while (rest.length > perLine) {
    const head = rest.slice(0, perLine);
    const at = Math.max(head.lastIndexOf('.'), head.lastIndexOf('_'), head.lastIndexOf('/'), head.lastIndexOf('-'));
    const cut = at >= perLine / 3 ? at + 1 : perLine;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/** An orthogonal path through the points with rounded corners (the edges that wrap between bands). */
export function roundedPath(points: ReadonlyArray<readonly [number, number]>, corner = 10): string {
  const [x0, y0] = points[0] as readonly [number, number];
  let d = `M${f(x0)},${f(y0)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [px, py] = points[i - 1] as readonly [number, number];
    const [cx, cy] = points[i] as readonly [number, number];
    const [nx, ny] = points[i + 1] as readonly [number, number];
    const r = Math.min(corner, Math.hypot(cx - px, cy - py) / 2, Math.hypot(nx - cx, ny - cy) / 2);
    const inX = cx - Math.sign(cx - px) * r;
    const inY = cy - Math.sign(cy - py) * r;
    const outX = cx + Math.sign(nx - cx) * r;
    const outY = cy + Math.sign(ny - cy) * r;
    d += ` L${f(inX)},${f(inY)} Q${f(cx)},${f(cy)} ${f(outX)},${f(outY)}`;
  }
  const [xn, yn] = points[points.length - 1] as readonly [number, number];
  return `${d} L${f(xn)},${f(yn)}`;
}

function edgeStyle(e: SvgEdge): { stroke: string; width: number; dash?: string; marker: string } {
  if (e.change === 'added') return { stroke: '#15803d', width: 2.5, marker: 'added' };
  if (e.change === 'removed') return { stroke: '#b91c1c', width: 2.5, dash: '6 4', marker: 'removed' };
  if (e.kind === 'column')
    return { stroke: COLUMN, width: e.traced ? 2 : 1.5, dash: e.traced ? undefined : '2 3', marker: 'column' };
  return e.traced ? { stroke: ACCENT, width: 3, marker: 'traced' } : { stroke: CONTEXT, width: 1.5, marker: 'context' };
}

const MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['traced', ACCENT],
  ['context', CONTEXT],
  ['column', COLUMN],
  ['added', '#15803d'],
  ['removed', '#b91c1c'],
];

/** The kind line's type size, and the height of a line of it. */
const KIND_SIZE = 9.5;
const KIND_LINE = 12;

/** About how wide a line of the kind's type is: capitals wider than the rest, and the letter spacing. */
function kindWidth(text: string): number {
  return [...text].reduce((w, c) => w + (c >= 'A' && c <= 'Z' ? 0.68 : 0.57) * KIND_SIZE + 0.4, 0);
}

/**
 * The kind and its namespace (`JOB · data-platform`) on one line where they fit the card; else the kind, then the
 * namespace on lines of its own, wrapped after its separators: in full, never past the card's edge.
 */
function kindText(n: SvgNode, room: number): string[] {
  const kind = n.kindLabel.toUpperCase();
  if (!n.namespace) return [kind];
  const line = `${kind} · ${n.namespace}`;
  if (kindWidth(line) <= room) return [line];
  return [kind, ...wrapName(n.namespace, Math.max(4, Math.floor(room / (0.57 * KIND_SIZE + 0.4))))];
}

function nodeSvg(n: SvgNode): string {
  const colour = KIND_COLOURS[n.kind] ?? MUTED;
  const border =
    n.change === 'changed'
      ? '#b45309'
      : n.change === 'added'
        ? '#15803d'
        : n.change === 'removed'
          ? '#b91c1c'
          : n.traced
            ? '#94a3b8'
            : '#cbd5e1';
  const fill = n.traced || n.change ? '#ffffff' : '#f3f4f6';
  const dash = n.change === 'removed' || (!n.traced && !n.change) ? ' stroke-dasharray="4 3"' : '';
  const x = n.x;
  const y = n.y;
  const head = n.fieldsTop ?? n.height;
  const pad = 10;
  const room = n.width - pad - 8 - 6;
  const kindLines = kindText(n, room);
  const kindRoom = (kindLines.length - 1) * KIND_LINE;
  // The name in full: up to three lines at 12 px, smaller type past that.
  let size = 12;
  let lines = wrapName(n.name, Math.floor(room / (size * 0.58)));
  const versionRoom = n.version ? 18 : 0;
  while (lines.length * size * 1.2 > head - 30 - versionRoom - kindRoom && size > 7) {
    size -= 1;
    lines = wrapName(n.name, Math.floor(room / (size * 0.58)));
  }
  const nameTop = y + 29 + kindRoom;
  // A decision's "version" is the model that made it (name@version), not a version of the decision.
  const versionWord = n.kind === 'decision' ? 'model' : 'version';
  const parts = [
    `<g class="node kind-${htmlText(n.kind)}" data-id="${htmlText(n.id)}">`,
    `<title>${htmlText(`${n.kindLabel}: ${n.namespace ? `${n.namespace}:` : ''}${n.name}${n.version ? `\n${versionWord} ${n.version}` : ''}`)}</title>`,
    `<rect x="${f(x)}" y="${f(y)}" width="${f(n.width)}" height="${f(n.height)}" rx="${CORNER}" fill="${fill}" stroke="${border}" stroke-width="${n.change ? 2 : 1}"${dash}/>`,
    `<path class="bar" d="${barPath(x, y, n.height)}" fill="${colour}"/>`,
    `<text ${FONT} font-size="${KIND_SIZE}" letter-spacing="0.4" fill="${MUTED}">${kindLines
      .map((l, i) => `<tspan x="${f(x + pad + 4)}" y="${f(y + 16 + i * KIND_LINE)}">${htmlText(l)}</tspan>`)
      .join('')}</text>`,
    `<text ${FONT} font-size="${size}" font-weight="600" fill="${INK}">${lines
      .map((l, i) => `<tspan x="${f(x + pad + 4)}" y="${f(nameTop + i * size * 1.2)}">${htmlText(l)}</tspan>`)
      .join('')}</text>`,
  ];
  if (n.version) {
    const short = /^[0-9a-f]{20,}$/i.test(n.version) ? n.version.slice(0, 8) : n.version;
    parts.push(
      `<text x="${f(x + pad + 4)}" y="${f(y + head - 10)}" ${MONO} font-size="10" fill="${MUTED}">${htmlText(short)}</text>`,
    );
  }
  if (n.change) {
    parts.push(
      `<text x="${f(x + n.width - 8)}" y="${f(y + 16)}" text-anchor="end" ${FONT} font-size="9.5" font-weight="600" fill="${border}">${htmlText(n.change)}</text>`,
    );
  }
  const row = n.fieldRow ?? 20;
  (n.fields ?? []).forEach((field, i) => {
    const top = y + head + i * row;
    if (field.traced)
      parts.push(`<rect x="${f(x + 5)}" y="${f(top)}" width="${f(n.width - 5)}" height="${row}" fill="#e6eefb"/>`);
    parts.push(
      `<text x="${f(x + pad + 4)}" y="${f(top + row / 2 + 3.5)}" ${MONO} font-size="10" fill="${INK}"${field.traced ? ' font-weight="600"' : ''}>${htmlText(field.name)}${field.type ? `<tspan fill="${MUTED}"> ${htmlText(field.type)}</tspan>` : ''}</text>`,
    );
  });
  if (n.fields && n.fields.length > 0) {
    parts.push(`<line x1="${f(x)}" y1="${f(y + head)}" x2="${f(x + n.width)}" y2="${f(y + head)}" stroke="#e5e7eb"/>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/**
 * The drawing: nodes over edges, on white, with the title as its accessible name and the caption (what it shows:
 * which decision, as of when) as a line of text above it, so the drawing pasted alone still says what it is.
 */
export function lineageGraphSvg(input: {
  readonly nodes: ReadonlyArray<SvgNode>;
  readonly edges: ReadonlyArray<SvgEdge>;
  readonly title: string;
  readonly caption?: string;
}): string {
  const { nodes, edges, title, caption } = input;
  // The box of every node and every point the edges pass through (a wrapping edge runs outside the nodes).
  const xs = nodes.flatMap((n) => [n.x, n.x + n.width]);
  const ys = nodes.flatMap((n) => [n.y, n.y + n.height]);
  for (const e of edges) {
    for (const [, x, y] of e.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
      xs.push(Number(x));
      ys.push(Number(y));
    }
  }
  const minX = (xs.length ? Math.min(...xs) : 0) - MARGIN;
  const minY = (ys.length ? Math.min(...ys) : 0) - MARGIN - (caption ? CAPTION_ROOM : 0);
  // Wide enough for the caption (about 0.6 em a character) however narrow the graph.
  const captionWidth = caption ? caption.length * CAPTION_SIZE * 0.6 + 2 * MARGIN : 0;
  const maxX = Math.max((xs.length ? Math.max(...xs) : 0) + MARGIN, minX + captionWidth);
  const maxY = (ys.length ? Math.max(...ys) : 0) + MARGIN;
  const width = maxX - minX;
  const height = maxY - minY;
  const markers = MARKERS.map(
    ([id, colour]) =>
      `<marker id="arrow-${id}" viewBox="-10 -6 12 12" refX="0" refY="0" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M-9,-5 L0,0 L-9,5 z" fill="${colour}"/></marker>`,
  ).join('');
  const paths = edges.map((e) => {
    const s = edgeStyle(e);
    const arrow = e.kind === 'column' && !e.change ? '' : ` marker-end="url(#arrow-${s.marker})"`;
    return `<path class="edge" d="${htmlText(e.d)}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}${arrow}>${e.label ? `<title>${htmlText(e.label)}</title>` : ''}</path>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="${f(minX)} ${f(minY)} ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}">`,
    `<title>${htmlText(title)}</title>`,
    `<defs>${markers}</defs>`,
    `<rect x="${f(minX)}" y="${f(minY)}" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`,
    ...(caption
      ? [
          `<text class="caption" x="${f(minX + MARGIN)}" y="${f(minY + MARGIN + CAPTION_SIZE / 2)}" ${FONT} font-size="${CAPTION_SIZE}" font-weight="600" fill="${INK}">${htmlText(caption)}</text>`,
        ]
      : []),
    `<g class="edges">${paths.join('')}</g>`,
    `<g class="nodes">${nodes.map(nodeSvg).join('')}</g>`,
    '</svg>',
  ].join('\n');
}
