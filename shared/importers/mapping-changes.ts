/**
 * What changed between two column mappings of the same source, field by field, in the words of the mapping dialog:
 * which column (or fixed value) an app field is read from, before and after. A case's log records a changed mapping
 * (`mapping.changed`) because every finding over that source is read through it; this is how the entry reads.
 */
import type { ImportMapping } from './mapping';

/** One part of a mapping that differs: an app field, the feature columns, the record kind or the time hints. */
export interface MappingChange {
  /** The app field (`decision_id`, `model.name`), or `features`, `kind`, `time format`, `time offset`. */
  readonly what: string;
  /** How it was read before / after: `column "id"`, `fixed value "offer"`, `MedInc, HouseAge`; absent: not at all. */
  readonly before?: string;
  readonly after?: string;
  /** For the feature columns: those read only after, and only before. */
  readonly added?: ReadonlyArray<string>;
  readonly removed?: ReadonlyArray<string>;
}

/** How `mapping` reads `field`: a column, a fixed value, or not at all. */
function readFrom(mapping: ImportMapping | undefined, field: string): string | undefined {
  const column = mapping?.fields[field];
  if (column !== undefined) return `column “${column}”`;
  const constant = mapping?.constants?.[field];
  return constant !== undefined ? `fixed value “${constant}”` : undefined;
}

/** Every part that differs between `before` and `after` (absent: no mapping), app fields in a stable order. */
export function mappingChanges(before: ImportMapping | undefined, after: ImportMapping | undefined): MappingChange[] {
  const changes: MappingChange[] = [];
  const add = (what: string, b: string | undefined, a: string | undefined) => {
    if (b !== a) changes.push({ what, ...(b !== undefined && { before: b }), ...(a !== undefined && { after: a }) });
  };
  // The record kind is named only when both sides have one: a first mapping is read by its fields.
  if (before && after) add('kind', before.kind, after.kind);
  const fields = new Set(
    [before, after].flatMap((m) => (m ? [...Object.keys(m.fields), ...Object.keys(m.constants ?? {})] : [])),
  );
  for (const field of [...fields].sort()) add(field, readFrom(before, field), readFrom(after, field));
  const [was, now] = [before?.features ?? [], after?.features ?? []];
  const added = now.filter((f) => !was.includes(f));
  const removed = was.filter((f) => !now.includes(f));
  if (added.length || removed.length)
    changes.push({
      what: 'features',
      ...(was.length && { before: was.join(', ') }),
      ...(now.length && { after: now.join(', ') }),
      added,
      removed,
    });
  add('time format', before?.timeFormat, after?.timeFormat);
  add('time offset', before?.timeOffset, after?.timeOffset);
  return changes;
}

/**
 * `decision_id: column “uid” (was column “id”)`, `score: column “p” (was none)`, `features: + a; − b, c`; `none`
 * names a side without the part (a connection's: `suggested`, read as its column names suggest).
 */
export function mappingChangeText(change: MappingChange, none = 'none'): string {
  if (change.added || change.removed) {
    const parts = [
      change.added?.length ? `+ ${change.added.join(', ')}` : '',
      change.removed?.length ? `− ${change.removed.join(', ')}` : '',
    ];
    return `${change.what}: ${parts.filter(Boolean).join('; ')}`;
  }
  return `${change.what}: ${change.after ?? none} (was ${change.before ?? none})`;
}
