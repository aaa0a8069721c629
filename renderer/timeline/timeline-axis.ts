/**
 * The timeline's axis, as numbers to draw: one lane per kind of record, each entry a mark at its time (entries that
 * fall on the same few pixels drawn as one mark with their count, so 100k entries cost at most a mark per pixel
 * column and lane), the engine's marks (last good decision, onset, investigated decision, recovery) as lines across
 * the lanes with the good-to-bad interval between the first two, and the outcome rate as a step line. Pure.
 */
import type { TimelineEntry, TimelineKind } from '../../shared/timeline/evidence-timeline';

/** Kinds drawn as lines across every lane, not as a lane of their own. */
export const MARK_KINDS: ReadonlySet<TimelineKind> = new Set(['last-good', 'onset', 'decision', 'recovery']);

export interface AxisMark {
  /** Left edge in pixels from the plot's start. */
  readonly x: number;
  readonly count: number;
  /** The first entry the mark stands for (what a click selects). */
  readonly id: string;
  /** The best suspect rank among its entries. */
  readonly rank?: number;
}

export interface AxisLane {
  readonly kind: TimelineKind;
  readonly marks: ReadonlyArray<AxisMark>;
}

export interface AxisLine {
  readonly kind: TimelineKind;
  readonly x: number;
  readonly id: string;
}

export interface TimelineAxis {
  readonly from: number;
  readonly to: number;
  readonly lanes: ReadonlyArray<AxisLane>;
  readonly lines: ReadonlyArray<AxisLine>;
  /** The good-to-bad interval: from the last good decision to the onset, in pixels. */
  readonly interval?: { readonly x1: number; readonly x2: number };
  /** The outcome rate over time: [x, rate] steps, from each bin's start. */
  readonly rate: ReadonlyArray<readonly [number, number]>;
}

/** How many pixels one mark covers. */
const MARK_PX = 3;

/** The chart's margins around the plot: the lanes' labels on the left, room on the right. */
export const AXIS_LABEL_W = 128;
const AXIS_RIGHT = 16;

/** The plot's width in a chart `width` pixels wide. */
export const plotWidth = (width: number) => Math.max(100, width - AXIS_LABEL_W - AXIS_RIGHT);

/**
 * The axis of `entries` (in time order) drawn `width` pixels wide: lanes in `kinds` order for the kinds present,
 * time scaled linearly over `range` (the zoom; entries outside it are left out), else from the first entry to the last.
 */
export function timelineAxis(
  entries: ReadonlyArray<TimelineEntry>,
  kinds: ReadonlyArray<TimelineKind>,
  width: number,
  range?: { readonly from: number; readonly to: number },
): TimelineAxis {
  const from = range?.from ?? entries[0]?.at ?? 0;
  const to = range?.to ?? entries.at(-1)?.at ?? from;
  const span = Math.max(1, to - from);
  const x = (at: number) => ((at - from) / span) * width;
  const columns = Math.floor(width / MARK_PX) + 1;
  // Per kind, a slot per column of the axis: one pass, no lookups by key (a large case has 200k entries).
  const buckets = new Map<TimelineKind, Array<{ count: number; id: string; rank?: number } | undefined>>();
  const lines: AxisLine[] = [];
  const rate: Array<readonly [number, number]> = [];
  let lastGood: number | undefined;
  let onset: number | undefined;
  let laneKind: TimelineKind | undefined;
  let lane: Array<{ count: number; id: string; rank?: number } | undefined> = [];
  for (const e of entries) {
    if (e.at < from || e.at > to) continue;
    if (MARK_KINDS.has(e.kind)) {
      lines.push({ kind: e.kind, x: x(e.at), id: e.id });
      if (e.kind === 'last-good') lastGood = x(e.at);
      if (e.kind === 'onset') onset = x(e.at);
      continue;
    }
    if (e.rate !== undefined) rate.push([x(e.at), e.rate]);
    if (e.kind !== laneKind) {
      laneKind = e.kind;
      lane = buckets.get(e.kind) ?? [];
      if (!buckets.has(e.kind)) buckets.set(e.kind, lane);
      if (lane.length === 0) lane.length = columns;
    }
    const column = Math.min(Math.floor(x(e.at) / MARK_PX), columns - 1);
    const mark = lane[column];
    if (!mark) lane[column] = { count: 1, id: e.id, rank: e.rank };
    else {
      mark.count++;
      if (e.rank !== undefined && (mark.rank === undefined || e.rank < mark.rank)) {
        mark.rank = e.rank;
        mark.id = e.id;
      }
    }
  }
  const lanes = kinds
    .filter((k) => buckets.has(k))
    .map((kind) => {
      const marks: AxisMark[] = [];
      buckets.get(kind)!.forEach((m, column) => m && marks.push({ x: column * MARK_PX, ...m }));
      return { kind, marks };
    });
  const interval = lastGood !== undefined && onset !== undefined ? { x1: lastGood, x2: onset } : undefined;
  return { from, to, lanes, lines, interval, rate };
}

/** The mark (marks in `x` order) nearest to `x` pixels from the plot's start; undefined when there are none. */
export function nearestMark(marks: ReadonlyArray<AxisMark>, x: number): AxisMark | undefined {
  let best: AxisMark | undefined;
  for (const m of marks) if (!best || Math.abs(m.x + MARK_PX / 2 - x) < Math.abs(best.x + MARK_PX / 2 - x)) best = m;
  return best;
}

/**
 * The row (0, 1, 2…) to print each line's label on, lines in `x` order: the first row where the label clears the
 * previous one's end, given each label's width in pixels.
 */
export function labelRows(lines: ReadonlyArray<{ readonly x: number; readonly width: number }>): number[] {
  const ends: number[] = [];
  return lines.map(({ x, width }) => {
    let row = ends.findIndex((end) => end <= x);
    if (row < 0) row = ends.length;
    ends[row] = x + width + 4;
    return row;
  });
}

/** About `count` evenly spaced instants from `from` to `to` to label the axis with. */
export function axisTicks(from: number, to: number, count: number): number[] {
  if (to <= from || count < 2) return [from];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}
