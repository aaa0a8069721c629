/**
 * A timeline entry whose id and title are made from its record the first time each is read. A timeline of 200k
 * entries shows a few dozen rows at a time: building every title and id up front (strings of strings, kept for as
 * long as the timeline) was most of the CPU its opening took. The sort reads the ids of entries tied in time and
 * kind, the suspects' ranks those of the kinds a suspect can be, a search the titles (and keeps the text it reads),
 * a row shown both. Pure.
 */
import type { TimelineEntry, TimelineKind } from './evidence-timeline';
import type { Provenance } from '../model/records';

/** How the id and the title of one kind of entry are made from its record. */
export interface Describer<R> {
  readonly id: (record: R) => string;
  readonly title: (record: R) => string;
}

/** An entry kept where the timeline was built; `plainEntry` gives what crosses to the window. */
export class LazyEntry<R> implements TimelineEntry {
  time = '';
  // A double (NaN) from the start, as it ends: an integer here would give 200k objects a map to migrate when set.
  at = Number.NaN;
  rank: number | undefined = undefined;
  #id: string | undefined = undefined;
  #title: string | undefined = undefined;
  #text: string | undefined = undefined;
  readonly #record: R;
  readonly #describer: Describer<R>;

  constructor(
    record: R,
    describer: Describer<R>,
    readonly kind: TimelineKind,
    readonly actor?: string,
    readonly job?: string,
    readonly environment?: string,
    readonly evidence?: Provenance,
    readonly rate?: number,
  ) {
    this.#record = record;
    this.#describer = describer;
  }

  get id(): string {
    return (this.#id ??= this.#describer.id(this.#record));
  }

  get title(): string {
    return (this.#title ??= this.#describer.title(this.#record));
  }

  /** What a search for words reads of it (`searchText`), made at the first search and kept for the next ones. */
  get text(): string {
    return (this.#text ??= textOf(this));
  }
}

const textOf = (e: TimelineEntry) => `${e.title} ${e.actor ?? ''} ${e.job ?? ''} ${e.environment ?? ''}`.toLowerCase();

/** What a search for words reads of an entry, lower-cased: its title, actor, job and environment. */
export function searchText(e: TimelineEntry): string {
  return e instanceof LazyEntry ? e.text : textOf(e);
}

/** An entry as plain data, every property present (some undefined): what a row posted to the window is. */
export function plainEntry(e: TimelineEntry): TimelineEntry {
  return {
    id: e.id,
    kind: e.kind,
    time: e.time,
    at: e.at,
    title: e.title,
    actor: e.actor,
    job: e.job,
    environment: e.environment,
    evidence: e.evidence,
    rank: e.rank,
    rate: e.rate,
  };
}

/** The describer of entries whose id and title are given as they are (the engine's few marks). */
export const GIVEN: Describer<{ readonly id: string; readonly title: string }> = {
  id: (r) => r.id,
  title: (r) => r.title,
};
