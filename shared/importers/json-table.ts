/**
 * JSON records read as a table, as a CSV is: a JSON array of objects (or a wrapper's list), JSON lines of objects, or
 * one flat object. Its columns are the records' keys, a nested object's fields as dotted paths (`user.id`, down to
 * MAX_NESTING levels; deeper, the object is one column) and a list as one column holding the whole list — the paths
 * a column mapping reads (mapping.ts). A single object with nested objects or lists is a document (settings, an API
 * response, a usage-ping sample), not a table of records.
 */
import { framingOf, InputFraming, type RawItem } from './input-framing';
import { isObject, tryParse } from './json-input';

/** How deep nested objects are cut into dotted columns. */
const MAX_NESTING = 3;

/** How a table of JSON records is given, for messages ("a JSON array of 12 records…"). */
export type JsonTableFormat = 'json-array' | 'json-lines' | 'json-object';

/** The record's cells by column: nested objects' fields at their dotted paths, lists and deeper objects whole. */
export function recordCells(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  const walk = (value: Readonly<Record<string, unknown>>, prefix: string, depth: number) => {
    for (const [key, v] of Object.entries(value)) {
      const path = prefix + key;
      if (isObject(v) && depth < MAX_NESTING && Object.keys(v).length > 0) walk(v, `${path}.`, depth + 1);
      else cells[path] = v;
    }
  };
  walk(record, '', 1);
  return cells;
}

/** The columns of records, in the order they first appear. */
export function recordColumns(records: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(recordCells(r))))];
}

/** True when no field of the object is an object or a list: one record, not a document. */
export const isFlatRecord = (value: Readonly<Record<string, unknown>>): boolean =>
  Object.values(value).every((v) => v === null || typeof v !== 'object');

/**
 * The format and records of items framed from an input (input-framing.ts; an array's or wrapper's elements, or
 * lines), when they are a table: all objects, and either several (a list, JSON lines) or one flat object. Undefined
 * for anything else (a document, a list of numbers).
 */
export function jsonTableOf(
  items: ReadonlyArray<RawItem>,
): { readonly format: JsonTableFormat; readonly records: ReadonlyArray<Record<string, unknown>> } | undefined {
  const read = items.filter((i) => i.value !== undefined);
  const records = read.map((i) => i.value).filter(isObject);
  if (records.length === 0 || records.length !== read.length) return undefined;
  if (read.some((i) => !i.top)) return { format: 'json-array', records };
  if (records.length > 1) return { format: 'json-lines', records };
  const only = records[0] as Record<string, unknown>;
  return isFlatRecord(only) ? { format: 'json-object', records } : undefined;
}

/** The framed items of a file's first characters, expanded as the importer expands them (a list stands for its elements). */
export function headItems(head: string, max: number): RawItem[] {
  const { framing, wrapperKey } = framingOf(head);
  const items: RawItem[] = [];
  const framer = new InputFraming(framing, wrapperKey, (item) => {
    if (items.length < max) items.push(item);
  });
  framer.push(head);
  const text = framer.end();
  if (framing !== 'document') return items.filter((i) => i.value !== undefined);
  const whole = tryParse(text);
  if (!whole.ok) return [];
  if (Array.isArray(whole.value)) return whole.value.slice(0, max).map((value) => ({ value, top: false }));
  return [{ value: whole.value, top: true }];
}
