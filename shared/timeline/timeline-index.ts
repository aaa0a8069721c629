/**
 * The evidence timeline indexed for its filter: per entry, its time and the codes of its kind, source, job and
 * environment in typed arrays, made once when the timeline is built. A filter change then tests small numbers in one
 * tight pass over the time range it keeps (found by binary search), reading an entry's text only when words are
 * sought — instead of comparing strings in sets for every entry. The arrays are plain data: a worker builds them and
 * sends them to the window with the entries. Pure.
 */
import type { EvidenceSet } from '../model/evidence-set';
import {
  buildTimeline,
  TIMELINE_KINDS,
  type Timeline,
  type TimelineAnalysis,
  type TimelineEntry,
  type TimelineFacets,
  type TimelineFilter,
  type TimelineKind,
} from './evidence-timeline';
import { searchText } from './lazy-entry';

export interface TimelineIndex {
  /** Each entry's time (epoch ms), in the entries' (time) order. */
  readonly at: Float64Array;
  /** Each entry's kind, as its index in `TIMELINE_KINDS`. */
  readonly kind: Uint8Array;
  /** Each entry's source, job and environment as an index into `values` (-1: the entry has none). */
  readonly source: Int32Array;
  readonly job: Int32Array;
  readonly environment: Int32Array;
  /** The distinct sources, jobs and environments, by code. */
  readonly values: {
    readonly sources: ReadonlyArray<string>;
    readonly jobs: ReadonlyArray<string>;
    readonly environments: ReadonlyArray<string>;
  };
  /** How many entries have each kind, source, job and environment: the filter's choices. */
  readonly facets: TimelineFacets;
}

/** Codes distinct strings in order of first sight, counting them. */
export function coder() {
  const codes = new Map<string, number>();
  const counts: number[] = [];
  const values: string[] = [];
  return {
    code(value: string | undefined): number {
      if (value === undefined) return -1;
      let c = codes.get(value);
      if (c === undefined) {
        codes.set(value, (c = values.length));
        values.push(value);
        counts.push(0);
      }
      counts[c]!++;
      return c;
    },
    values,
    counts: () => new Map(values.map((v, i) => [v, counts[i]!])),
  };
}

/** Indexes a timeline's entries (in time order) for `filterIndexed`. */
export function indexTimeline(entries: ReadonlyArray<TimelineEntry>): TimelineIndex {
  const n = entries.length;
  const at = new Float64Array(n);
  const kind = new Uint8Array(n);
  const source = new Int32Array(n);
  const job = new Int32Array(n);
  const environment = new Int32Array(n);
  const kindOf = new Map(TIMELINE_KINDS.map((k, i) => [k, i]));
  const kindCounts = new Array<number>(TIMELINE_KINDS.length).fill(0);
  const sources = coder();
  const jobs = coder();
  const environments = coder();
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    at[i] = e.at;
    const k = kindOf.get(e.kind)!;
    kind[i] = k;
    kindCounts[k]!++;
    source[i] = sources.code(e.evidence?.sourceId);
    job[i] = jobs.code(e.job);
    environment[i] = environments.code(e.environment);
  }
  const kinds = new Map<TimelineKind, number>();
  TIMELINE_KINDS.forEach((k, i) => kindCounts[i] && kinds.set(k, kindCounts[i]));
  return {
    at,
    kind,
    source,
    job,
    environment,
    values: { sources: sources.values, jobs: jobs.values, environments: environments.values },
    facets: { kinds, sources: sources.counts(), jobs: jobs.counts(), environments: environments.counts() },
  };
}

/** A timeline with its index: what the engine's worker sends the window. */
export interface IndexedTimeline extends Timeline {
  readonly index: TimelineIndex;
}

/** Builds the timeline of an evidence set (and the engine's analysis, where it ran) and indexes it. */
export function buildIndexedTimeline(set: EvidenceSet, analysis: TimelineAnalysis = {}): IndexedTimeline {
  const timeline = buildTimeline(set, analysis);
  return { ...timeline, index: indexTimeline(timeline.entries) };
}

/** A table by code of the values a filter keeps, or undefined where it keeps every value (absent or empty). */
function keptCodes(values: ReadonlyArray<string>, wanted: ReadonlySet<string> | undefined): Uint8Array | undefined {
  if (!wanted || wanted.size === 0) return undefined;
  const table = new Uint8Array(values.length);
  values.forEach((v, i) => (table[i] = wanted.has(v) ? 1 : 0));
  return table;
}

/** The first index whose time is at least `t` (`strict`: more than `t`). */
function firstAt(at: Float64Array, t: number, strict: boolean): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < t || (strict && at[mid] === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entries `filter` keeps, in timeline order: what `filterTimeline` keeps, from the index. The time range is cut
 * by binary search; kind, source, job and environment are tested by code.
 */
export function filterIndexed(
  entries: ReadonlyArray<TimelineEntry>,
  index: TimelineIndex,
  filter: TimelineFilter,
): ReadonlyArray<TimelineEntry> {
  const start = filter.from === undefined ? 0 : firstAt(index.at, filter.from, false);
  const end = filter.to === undefined ? entries.length : firstAt(index.at, filter.to, true);
  const kinds = keptCodes(TIMELINE_KINDS, filter.kinds);
  const sources = keptCodes(index.values.sources, filter.sources);
  const jobs = keptCodes(index.values.jobs, filter.jobs);
  const environments = keptCodes(index.values.environments, filter.environments);
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  // Only a time range, or nothing, to keep: the entries themselves (the timeline when it opens), no pass over them.
  if (!kinds && !sources && !jobs && !environments && words.length === 0)
    return start === 0 && end === entries.length ? entries : entries.slice(start, end);
  const keeps = (table: Uint8Array | undefined, code: number) => !table || (code >= 0 && table[code] === 1);
  const kept: TimelineEntry[] = [];
  for (let i = start; i < end; i++) {
    if (kinds && kinds[index.kind[i]!] === 0) continue;
    if (!keeps(sources, index.source[i]!) || !keeps(jobs, index.job[i]!)) continue;
    if (!keeps(environments, index.environment[i]!)) continue;
    const e = entries[i]!;
    if (words.length > 0) {
      const text = searchText(e);
      if (!words.every((w) => text.includes(w))) continue;
    }
    kept.push(e);
  }
  return kept;
}
