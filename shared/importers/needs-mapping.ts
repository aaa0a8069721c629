/**
 * A table no importer reads without a column mapping — a CSV, or JSON records of fields no importer knows
 * (json-table.ts) — and has a field that could be a record's time (else it is skipped: record-table.ts). Nothing of
 * it is imported: the summary names it (`needsMapping`, which `inspect` counts apart) and lists it as one rejection
 * at line 1, which the app's Sources screen shows and its mapping dialog answers.
 */
import { MAPPING_TARGETS } from './column-mapping-targets';
import type { JsonTableFormat } from './json-table';

/** The start of the rejection of a table read without a mapping (the UI offers the mapping dialog on it). */
export const NEEDS_MAPPING = 'needs a column mapping';

/** What an import says of a table it read nothing of for want of a column mapping. */
export interface NeedsMapping {
  readonly format: 'csv' | JsonTableFormat;
  /** Its columns: a CSV's headers, or JSON records' fields (nested objects' as dotted paths). */
  readonly columns: ReadonlyArray<string>;
  /** Its rows or records. */
  readonly records: number;
  /** The rejection's reason, as listed. */
  readonly reason: string;
}

const CONTAINERS: Readonly<Record<NeedsMapping['format'], [string, string, string]>> = {
  csv: ['a CSV of', 'rows', 'columns'],
  'json-array': ['a JSON array of', 'records', 'fields'],
  'json-lines': ['JSON lines of', 'records', 'fields'],
  'json-object': ['a JSON object of', 'record', 'fields'],
};

/** "a CSV of 8 rows with the columns a, b, …" */
export function tableWhat(format: NeedsMapping['format'], columns: ReadonlyArray<string>, records: number): string {
  const [container, rows, named] = CONTAINERS[format];
  const shown = columns.slice(0, 12).join(', ') + (columns.length > 12 ? ', …' : '');
  return `${container} ${records.toLocaleString('en')} ${rows} with the ${named} ${shown}`;
}

/** The table's `needsMapping`, its reason naming what it is and how to map it. */
export function needsMapping(
  format: NeedsMapping['format'],
  columns: ReadonlyArray<string>,
  records: number,
): NeedsMapping {
  const kinds = MAPPING_TARGETS.map((t) => t.label.toLowerCase()).join(', ');
  const named = format === 'csv' ? 'columns' : 'fields';
  const reason =
    `${NEEDS_MAPPING}: ${tableWhat(format, columns, records)}; none imported. ` +
    `Map its ${named} to a kind (${kinds}) in the Sources screen, or with inspect --mapping FILE.`;
  return { format, columns, records, reason };
}
