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
}

/** What joins the items of a `textList` parameter: the unit separator, a control character no id holds. */
export const LIST_SEPARATOR = '\u001f';

/** `"name"`, with embedded quotes doubled: the same in both engines (and in Snowflake and Databricks SQL). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A text literal, quotes doubled. */
export const quoteText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

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
};
