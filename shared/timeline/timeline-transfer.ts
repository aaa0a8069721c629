/**
 * The indexed timeline as columns, to post from the engine's worker to the window: a structured clone of 200k entry
 * objects took the window seconds to receive (v8.deserialize of the large sample's timeline: 8.3 s CPU), and even one
 * long string is copied and checked character by character; typed arrays move without a copy. So the ids, times and
 * titles travel as UTF-8 bytes with their offsets, the rest as numbers and codes, and the window rebuilds the entries
 * in one shape. Every string survives as it was (offsets, not separators: imported text may hold any character; a
 * lone surrogate, which UTF-8 cannot hold, arrives as U+FFFD, one code unit too). Pure.
 */
import type { Provenance } from '../model/records';
import { TIMELINE_KINDS, type TimelineEntry } from './evidence-timeline';
import { coder, type IndexedTimeline, type TimelineIndex } from './timeline-index';

export interface PackedTimeline {
  readonly index: TimelineIndex;
  /** Each entry's id, time (as written) and title, one after another, in UTF-8, and where each ends (UTF-16 units). */
  readonly text: Uint8Array;
  readonly ends: Uint32Array;
  /** Each entry's actor and JSON pointer as a code into their values (-1: none). */
  readonly actor: Int32Array;
  readonly actors: ReadonlyArray<string>;
  readonly pointer: Int32Array;
  readonly pointers: ReadonlyArray<string>;
  /** Each entry's line (-1: none), suspect rank (0: none) and rate (NaN: none). */
  readonly line: Int32Array;
  readonly rank: Int32Array;
  readonly rate: Float64Array;
  readonly undated: IndexedTimeline['undated'];
}

const FIELDS = 3;

/** The timeline as columns (in the worker). */
export function packTimeline(timeline: IndexedTimeline): PackedTimeline {
  const { entries, index } = timeline;
  const n = entries.length;
  const parts = new Array<string>(n * FIELDS);
  const ends = new Uint32Array(n * FIELDS);
  const actor = new Int32Array(n);
  const pointer = new Int32Array(n);
  const line = new Int32Array(n);
  const rank = new Int32Array(n);
  const rate = new Float64Array(n);
  const actors = coder();
  const pointers = coder();
  let end = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const fields = [e.id, e.time, e.title];
    for (let f = 0; f < FIELDS; f++) {
      parts[i * FIELDS + f] = fields[f]!;
      ends[i * FIELDS + f] = end += fields[f]!.length;
    }
    actor[i] = actors.code(e.actor);
    pointer[i] = pointers.code(e.evidence?.pointer);
    line[i] = e.evidence?.line ?? -1;
    rank[i] = e.rank ?? 0;
    rate[i] = e.rate ?? Number.NaN;
  }
  return {
    index,
    text: new TextEncoder().encode(parts.join('')),
    ends,
    actor,
    actors: actors.values,
    pointer,
    pointers: pointers.values,
    line,
    rank,
    rate,
    undated: timeline.undated,
  };
}

/** The buffers a packed timeline's typed arrays hold: moved, not copied, when it is posted. */
export function packedBuffers(p: PackedTimeline): ArrayBuffer[] {
  const { at, kind, source, job, environment } = p.index;
  return [at, kind, source, job, environment, p.text, p.ends, p.actor, p.pointer, p.line, p.rank, p.rate].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** The timeline back from its columns (in the window): entries of one shape, as `buildTimeline` makes them. */
export function unpackTimeline(p: PackedTimeline): IndexedTimeline {
  const { index, ends } = p;
  const text = new TextDecoder().decode(p.text);
  const { sources, jobs, environments } = index.values;
  const n = index.at.length;
  const entries = new Array<TimelineEntry>(n);
  const field = (k: number) => text.slice(k === 0 ? 0 : ends[k - 1], ends[k]);
  for (let i = 0; i < n; i++) {
    const s = index.source[i]!;
    const l = p.line[i]!;
    const ptr = p.pointer[i]!;
    let evidence: Provenance | undefined;
    if (s >= 0) {
      if (l >= 0 && ptr >= 0) evidence = { sourceId: sources[s]!, line: l, pointer: p.pointers[ptr]! };
      else if (l >= 0) evidence = { sourceId: sources[s]!, line: l };
      else if (ptr >= 0) evidence = { sourceId: sources[s]!, pointer: p.pointers[ptr]! };
      else evidence = { sourceId: sources[s]! };
    }
    const a = p.actor[i]!;
    const j = index.job[i]!;
    const env = index.environment[i]!;
    const rate = p.rate[i]!;
    entries[i] = {
      id: field(i * FIELDS),
      kind: TIMELINE_KINDS[index.kind[i]!]!,
      time: field(i * FIELDS + 1),
      at: index.at[i]!,
      title: field(i * FIELDS + 2),
      actor: a >= 0 ? p.actors[a] : undefined,
      job: j >= 0 ? jobs[j] : undefined,
      environment: env >= 0 ? environments[env] : undefined,
      evidence,
      rank: p.rank[i]! || undefined,
      rate: Number.isNaN(rate) ? undefined : rate,
    };
  }
  return { entries, undated: p.undated, index };
}
