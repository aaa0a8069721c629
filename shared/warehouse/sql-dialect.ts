/**
 * What differs between the SQL engines the decision queries run on. The builder (decision-sql.ts) writes one query
 * per question; a dialect renders the few expressions each engine spells its own way: casts, time parsing, epoch
 * milliseconds, calendar buckets and parameters. DuckDB and PostgreSQL are the two tested here; docs/warehouses.md
 * says how Snowflake, BigQuery and Databricks would fill the same interface.
 */
import type { TimeFormat } from '../importers/mapping';

export type DialectName = 'duckdb' | 'postgresql';

export interface SqlDialect {
  readonly name: DialectName;
  /** The n-th (1-based) query parameter. */
  param(n: number): string;
  /** A value as text. */
  text(expr: string): string;
  /** A column holding a time (RFC 3339 text, a timestamp type, or epoch seconds/milliseconds) as a UTC timestamp. */
  time(expr: string, format: TimeFormat | undefined): string;
  /** A timestamp parameter given as RFC 3339 text. */
  timeParam(n: number): string;
  /** Milliseconds since 1970 of a timestamp, as a whole number. */
  epochMs(t: string): string;
  /** The start of the UTC hour or day holding a timestamp, as milliseconds since 1970. */
  bucketMs(t: string, bucket: 'hour' | 'day'): string;
  /**
   * The rows of a list of texts given as one text parameter, the items joined by LIST_SEPARATOR (`x IN (…)`): one
   * parameter whatever the list's length, where PostgreSQL takes at most 65,535.
   */
  textList(n: number): string;
  /**
   * The rows of `relation` with one row per value of `keys` (expressions over its columns), the first by `order`, then
   * by the whole row (its hash in DuckDB, its text in PostgreSQL: rows logged at the same time with other contents are
   * taken in one order, run after run): a relation (a subquery with its alias) the other queries read in its place.
   */
  firstPer(relation: string, keys: ReadonlyArray<string>, order: string): string;
}

/** What joins the items of a `textList` parameter: the unit separator, a control character no id holds. */
export const LIST_SEPARATOR = '\u001f';

/** `"name"`, with embedded quotes doubled: the same in both engines (and in Snowflake and Databricks SQL). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A text literal, quotes doubled. */
export const quoteText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The alias of the decisions' relation, each decision once (DecisionSql `from`), and of a row within it. */
const DECISIONS = '__li_decisions';
const ROW = '__li_row';

const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;

export const DUCKDB: SqlDialect = {
  name: 'duckdb',
  param: (n) => `$${n}`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  time: (e, format) =>
    format === 'epoch-seconds'
      ? `to_timestamp(CAST(${e} AS DOUBLE))`
      : format === 'epoch-milliseconds'
        ? `to_timestamp(CAST(${e} AS DOUBLE) / 1000)`
        : `CAST(${e} AS TIMESTAMPTZ)`,
  timeParam: (n) => `CAST($${n} AS TIMESTAMPTZ)`,
  epochMs: (t) => `epoch_ms(${t})`,
  // Whole-number arithmetic on epoch milliseconds: UTC buckets without the time-zone calendar (ICU) per row.
  bucketMs: (t, bucket) => `(epoch_ms(${t}) // ${BUCKET_MS[bucket]}) * ${BUCKET_MS[bucket]}`,
  textList: (n) => `SELECT unnest(string_split(CAST($${n} AS VARCHAR), chr(31)))`,
  // A window over the keys: DuckDB pushes a filter on them (the model, the id) below it; DISTINCT ON with an order
  // sorts the whole relation first (44 s against 0.7 s for one decision of 5 million, bench/warehouse.ts). The row's
  // hash breaks ties at a third of the cost of its text.
  firstPer: (relation, keys, order) =>
    `(SELECT * FROM ${relation} AS ${ROW} QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')} ` +
    `ORDER BY ${order}, hash(${ROW})) = 1) AS ${DECISIONS}`,
};

export const POSTGRESQL: SqlDialect = {
  name: 'postgresql',
  param: (n) => `$${n}`,
  text: (e) => `CAST(${e} AS TEXT)`,
  time: (e, format) =>
    format === 'epoch-seconds'
      ? `to_timestamp(CAST(${e} AS DOUBLE PRECISION))`
      : format === 'epoch-milliseconds'
        ? `to_timestamp(CAST(${e} AS DOUBLE PRECISION) / 1000)`
        : `CAST(${e} AS TIMESTAMPTZ)`,
  timeParam: (n) => `CAST($${n} AS TIMESTAMPTZ)`,
  epochMs: (t) => `CAST(floor(extract(epoch FROM ${t}) * 1000) AS BIGINT)`,
  bucketMs: (t, bucket) =>
    `CAST(floor(extract(epoch FROM ${t}) * 1000 / ${BUCKET_MS[bucket]}) AS BIGINT) * ${BUCKET_MS[bucket]}`,
  textList: (n) => `SELECT unnest(string_to_array(CAST($${n} AS TEXT), chr(31)))`,
  // PostgreSQL pushes a condition on the DISTINCT ON columns (the model, the id) into the subquery, to their index.
  firstPer: (relation, keys, order) =>
    `(SELECT DISTINCT ON (${keys.join(', ')}) ${ROW}.* FROM ${relation} AS ${ROW} ` +
    `ORDER BY ${keys.join(', ')}, ${order}, CAST(${ROW} AS TEXT)) AS ${DECISIONS}`,
};
