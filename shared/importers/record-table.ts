/**
 * Tables — a CSV, or JSON records whose fields no importer knows — that cannot be evidence of any kind imported,
 * even through a column mapping: every kind a mapping fills (decision, deployment, audit entry, enforcement entry)
 * has a time on each row. A table with no column that could be that time — a header a suggested mapping would take
 * for one, or a column whose first values are mostly ISO dates or epoch times — is reference data, configuration or an API
 * response: skipped saying so, not rejected. (Ids are not required: their names vary too much — `ref`, `key`, `no`.)
 * A CSV in a dbt project's `seeds/` folder is reference data `dbt seed` loads into the warehouse, skipped as well.
 * Any other table is still rejected as needing a column mapping (or as an unrecognized input): it could be an
 * export in another format.
 */
import { headerScore, THRESHOLD } from './column-mapping';
import { MAPPING_TARGETS } from './column-mapping-targets';
import { isObject } from './json-input';
import { recordCells, recordColumns } from './json-table';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$/;
const SAMPLE_ROWS = 20;

const TIME_FIELDS = MAPPING_TARGETS.flatMap((t) => t.fields.filter((f) => f.time === true));
const namesTime = (header: string) => TIME_FIELDS.some((f) => headerScore(header, f) >= THRESHOLD);

/** Seconds or milliseconds since 1970 of a time from 2001 to 2286 (10 or 13 digits), as exports write times too. */
const EPOCH = /^1\d{9}(\d{3})?(\.\d+)?$/;

/** True for an ISO date or date-time, or a number that reads as epoch seconds or milliseconds. */
const looksLikeTime = (v: unknown): boolean =>
  (typeof v === 'string' && (ISO_DATE.test(v.trim()) || EPOCH.test(v.trim()))) ||
  (typeof v === 'number' && EPOCH.test(String(v)));

/**
 * True when most of the column's first non-empty values are ISO dates or date-times, or epoch seconds or
 * milliseconds (one bad cell is a bad row). A column of ten-digit ids is taken for a time too: it then asks for a
 * mapping rather than being skipped, the safe side.
 */
function holdsDates(header: string, rows: ReadonlyArray<Readonly<Record<string, unknown>>>): boolean {
  const values = rows
    .slice(0, SAMPLE_ROWS)
    .map((row) => row[header])
    .filter((v) => v !== undefined && v !== null && v !== '');
  const dates = values.filter(looksLikeTime).length;
  return dates > 0 && dates * 2 > values.length;
}

/**
 * Why a table of these headers (and first rows, each by header) cannot be evidence of a kind imported, or
 * undefined when a column could be a record's time. `what` opens the reason ("a CSV of 3 rows with the columns a,
 * b"); `column` is what a JSON record's keys are called in it ("field").
 */
export function tableNotEvidence(
  what: string,
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>> = [],
  column: 'column' | 'field' = 'column',
): string | undefined {
  if (headers.some((h) => namesTime(h) || holdsDates(h, rows))) return undefined;
  return (
    `${what}: no ${column} could be a record's time, which every decision, deployment, audit and enforcement ` +
    'entry has — reference data or configuration, not evidence'
  );
}

/**
 * Why a CSV is a dbt seed — a file under a `seeds/` folder, or in the seed folders of the project `seedOf` names
 * (dbt-seeds.ts) — or undefined.
 */
export function dbtSeedReason(name: string, seedOf?: string): string | undefined {
  if (seedOf !== undefined && /\.csv$/i.test(name)) {
    return `a dbt seed (a CSV in the seed-paths of ${seedOf}, which \`dbt seed\` loads into the warehouse): the project's reference data, not evidence`;
  }
  const parts = name.split(/[\\/]/);
  if (!/\.csv$/i.test(name) || !parts.slice(0, -1).includes('seeds')) return undefined;
  return "a dbt seed (a CSV under seeds/ that `dbt seed` loads into the warehouse): the project's reference data, not evidence";
}

/** True when one of the object's lists holds records with a field that could be a time (a page of records). */
export function listsTimedRecords(value: Readonly<Record<string, unknown>>): boolean {
  const lists = Object.values(value).filter((v): v is unknown[] => Array.isArray(v));
  return lists.some((list) => {
    const records = list.slice(0, SAMPLE_ROWS).filter(isObject);
    return records.length > 0 && tableNotEvidence('', recordColumns(records), records.map(recordCells)) === undefined;
  });
}

/**
 * Why one JSON object of fields no importer knows, holding nested objects or lists, is not evidence: a document
 * (settings, an API response, a usage-ping sample, a test fixture), not records a column mapping could read — or
 * undefined when one of its lists holds records with a field that could be a time (a page of an export in a format
 * not supported yet, rejected as unrecognized). Evidence comes as records, many to a file; one object is one thing.
 */
export function nestedDocumentReason(value: Readonly<Record<string, unknown>>): string | undefined {
  if (listsTimedRecords(value)) return undefined;
  const keys = Object.keys(value);
  const nested = keys.filter((k) => value[k] !== null && typeof value[k] === 'object');
  return (
    `one JSON object of fields no importer knows (${shown(keys)}), nesting ${shown(nested)}: a document — ` +
    'settings, an API response, a sample — not records. A column mapping reads records given as a JSON array, ' +
    'JSON lines or one flat object'
  );
}

const shown = (names: ReadonlyArray<string>) => names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : '');
