/**
 * The evidence timeline kept where it was built (the engine's worker) and looked at through a window: the window asks
 * for what it shows — the kept entries' count, the axis's marks at its width, the rows in view and the selected
 * entry — and receives only that, so opening, filtering and scrolling never move the 200k entries across threads.
 * The last filter's entries and axis are kept, so a scroll cuts rows from them. The rows and the selected entry are
 * sent as plain data (their ids and titles made then: lazy-entry.ts). Pure (no DOM, no React).
 */
import { TIMELINE_KINDS, type TimelineFacets, type TimelineFilter } from '../../shared/timeline/evidence-timeline';
import type { TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { plainEntry } from '../../shared/timeline/lazy-entry';
import { filterIndexed, type IndexedTimeline } from '../../shared/timeline/timeline-index';
import { type TimelineAxis, timelineAxis } from './timeline-axis';
import type { TimeRange } from './timeline-zoom';

/** What the window shows of a timeline before any filter: its chips' counts, its range and the records without time. */
export interface TimelineSummary {
  readonly entries: number;
  readonly facets: TimelineFacets;
  /** From the first entry to the last (absent: no dated entry). */
  readonly whole?: TimeRange;
  readonly undated: { readonly count: number; readonly titles: ReadonlyArray<string> };
}

/** What the window asks for: the filter (the zoom's range in it), the axis's width, the rows in view, the selection. */
export interface TimelineQuery {
  readonly filter: TimelineFilter;
  /** The axis's plot width in pixels. */
  readonly width: number;
  /** The first row wanted and how many, in the kept entries' order. */
  readonly start: number;
  readonly count: number;
  readonly selectedId?: string;
  /** The key of the axis the window holds: the same axis is not sent again. */
  readonly axisKey?: string;
}

export interface TimelineSlice {
  /** How many entries the filter keeps. */
  readonly total: number;
  readonly start: number;
  readonly rows: ReadonlyArray<TimelineEntry>;
  /** The axis for this filter and width, named by `axisKey`; absent where the query's `axisKey` already names it. */
  readonly axis?: TimelineAxis;
  readonly axisKey: string;
  /** The selected entry and its row among the kept ones (-1: the filter hides it). */
  readonly selected?: { readonly index: number; readonly entry: TimelineEntry };
}

/** How many undated records' titles the summary names. */
const UNDATED_NAMED = 3;

/** The timeline's summary: counts per kind, source, job and environment, its range, its undated records. */
export function summarizeTimeline(t: IndexedTimeline): TimelineSummary {
  const at = t.index.at;
  return {
    entries: t.entries.length,
    facets: t.index.facets,
    whole: at.length > 0 ? { from: at[0]!, to: at[at.length - 1]! } : undefined,
    undated: { count: t.undated.length, titles: t.undated.slice(0, UNDATED_NAMED).map((e) => e.title) },
  };
}

const sorted = (values: ReadonlySet<string> | undefined) => (values ? [...values].sort() : null);

/** A filter as a string: two filters keeping the same entries have the same key. */
export function filterKey(f: TimelineFilter): string {
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return JSON.stringify([
    sorted(f.kinds),
    sorted(f.sources),
    sorted(f.jobs),
    sorted(f.environments),
    f.from ?? null,
    f.to ?? null,
    words,
  ]);
}

/**
 * A viewer of `t`: answers a query from the kept entries of the last filter (filtered again only when the filter
 * changes) and the last axis (drawn again only when the filter or the width changes).
 */
export function timelineViewer(t: IndexedTimeline): (q: TimelineQuery) => TimelineSlice {
  let kept: { key: string; entries: ReadonlyArray<TimelineEntry> } | undefined;
  let axis: { key: string; axis: TimelineAxis } | undefined;
  // The entries sent as rows, by id: what the window selects (a click, the arrow keys) is found there without making
  // every entry's id; an id never sent (a starred entry's, from an earlier opening) is looked up among them all.
  const shown = new Map<string, TimelineEntry>();
  let byId: Map<string, TimelineEntry> | undefined;
  return (q) => {
    const key = filterKey(q.filter);
    if (kept?.key !== key) kept = { key, entries: filterIndexed(t.entries, t.index, q.filter) };
    const entries = kept.entries;
    const axisKey = `${key}@${q.width}`;
    if (axis?.key !== axisKey)
      axis = { key: axisKey, axis: timelineAxis(entries, TIMELINE_KINDS, q.width, rangeOf(q.filter)) };
    let selected: TimelineSlice['selected'];
    if (q.selectedId !== undefined) {
      let entry = shown.get(q.selectedId);
      if (!entry) {
        byId ??= new Map(t.entries.map((e) => [e.id, e]));
        entry = byId.get(q.selectedId);
      }
      if (entry) selected = { index: entries.indexOf(entry), entry: plainEntry(entry) };
    }
    const start = Math.max(0, Math.min(q.start, entries.length));
    const rows = entries.slice(start, start + Math.max(0, q.count));
    for (const e of rows) shown.set(e.id, e);
    return {
      total: entries.length,
      start,
      rows: rows.map(plainEntry),
      axis: q.axisKey === axisKey ? undefined : axis.axis,
      axisKey,
      selected,
    };
  };
}

const rangeOf = (f: TimelineFilter): TimeRange | undefined =>
  f.from !== undefined && f.to !== undefined ? { from: f.from, to: f.to } : undefined;
