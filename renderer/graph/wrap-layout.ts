/**
 * Wraps a left-to-right layered layout into bands, the way text wraps into lines: a long chain of ranks becomes
 * a few rows read left to right and top to bottom (the origin top left, the decision bottom right), so the graph
 * fills a screen-shaped box instead of a thin strip. Pure: positions in, positions out.
 */
import type { LayoutNodeInput, Position } from './layout';

/** The vertical gap between two bands; the edges that wrap run along it (EdgeLayer.tsx). */
export const BAND_GAP = 72;

interface Column {
  readonly x: number;
  readonly ids: string[];
  top: number;
  bottom: number;
}

/** Columns (nodes sharing a left edge), left to right, with their vertical extent. */
function columnsOf(nodes: ReadonlyArray<LayoutNodeInput>, at: ReadonlyMap<string, Position>): Column[] {
  const byX = new Map<number, Column>();
  for (const n of nodes) {
    const p = at.get(n.id);
    if (!p) continue;
    const x = Math.round(p.x);
    const column = byX.get(x) ?? { x, ids: [], top: Infinity, bottom: -Infinity };
    column.ids.push(n.id);
    column.top = Math.min(column.top, p.y);
    column.bottom = Math.max(column.bottom, p.y + n.height);
    byX.set(x, column);
  }
  return [...byX.values()].sort((a, b) => a.x - b.x);
}

/** Splits `count` columns into `bands` consecutive runs as even as possible (earlier runs take the extra one). */
function split(count: number, bands: number): number[] {
  const base = Math.floor(count / bands);
  const extra = count % bands;
  return Array.from({ length: bands }, (_, i) => base + (i < extra ? 1 : 0));
}

interface Wrapped {
  readonly sizes: number[];
  readonly width: number;
  readonly height: number;
}

function measure(columns: ReadonlyArray<Column>, widest: number, bands: number): Wrapped {
  const sizes = split(columns.length, bands);
  let start = 0;
  let width = 0;
  let height = BAND_GAP * (bands - 1);
  for (const size of sizes) {
    const run = columns.slice(start, start + size);
    const first = run[0] as Column;
    const last = run[run.length - 1] as Column;
    width = Math.max(width, last.x - first.x + widest);
    height += Math.max(...run.map((c) => c.bottom)) - Math.min(...run.map((c) => c.top));
    start += size;
  }
  return { sizes, width, height };
}

/**
 * The number of bands whose bounding box, fitted into a pane of the given aspect ratio (width / height), is drawn
 * largest; one band when wrapping does not help.
 */
function bandCount(columns: ReadonlyArray<Column>, widest: number, aspectRatio: number): Wrapped {
  let best = measure(columns, widest, 1);
  const scale = (w: Wrapped) => Math.min(aspectRatio / w.width, 1 / w.height);
  for (let bands = 2; bands <= Math.ceil(columns.length / 2); bands++) {
    const candidate = measure(columns, widest, bands);
    if (scale(candidate) > scale(best) * 1.05) best = candidate;
  }
  return best;
}

/**
 * Positions wrapped into bands: each band's columns keep their order and spacing, start at x = 0, and sit below the
 * previous band with BAND_GAP between.
 */
export function wrapIntoBands(
  nodes: ReadonlyArray<LayoutNodeInput>,
  at: ReadonlyMap<string, Position>,
  aspectRatio: number,
): Map<string, Position> {
  const columns = columnsOf(nodes, at);
  const widest = Math.max(0, ...nodes.map((n) => n.width));
  const { sizes } = columns.length < 4 ? { sizes: [columns.length] } : bandCount(columns, widest, aspectRatio);
  const moved = new Map<string, Position>();
  let start = 0;
  let top = 0;
  for (const size of sizes) {
    const run = columns.slice(start, start + size);
    const left = (run[0] as Column).x;
    const runTop = Math.min(...run.map((c) => c.top));
    for (const column of run) {
      for (const id of column.ids) {
        const p = at.get(id) as Position;
        moved.set(id, { x: p.x - left, y: p.y - runTop + top });
      }
    }
    top += Math.max(...run.map((c) => c.bottom)) - runTop + BAND_GAP;
    start += size;
  }
  return new Map(nodes.map((n) => [n.id, moved.get(n.id) ?? (at.get(n.id) as Position)]));
}
