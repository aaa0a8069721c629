/**
 * Ids made from a record's place, for entries that carry none of their own (an audit log's line without its
 * `eventID`, say): the same file always gives the same id, and another file — a re-encoded copy of the same log —
 * another one, so such an entry is known again by its content (repeated-records.ts).
 */
import type { Provenance } from './records';

const placeOf = (p: Provenance) =>
  `${p.sourceId.slice(0, 12)}:${p.line !== undefined ? `L${p.line}` : ''}${p.pointer ?? ''}`;

/** An id made from the file and the record's place in it, after `prefix` (the producer). */
export const idFromProvenance = (prefix: string, provenance: Provenance): string => `${prefix}:${placeOf(provenance)}`;

/** True when `id` was made from `provenance` by idFromProvenance (whatever the prefix). */
export const isIdFromPlace = (id: string, provenance: Provenance): boolean => id.endsWith(`:${placeOf(provenance)}`);
