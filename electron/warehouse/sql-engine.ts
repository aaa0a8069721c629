/**
 * An engine that runs the decision queries where the rows live (DuckDB over files, PostgreSQL). Rows come back as
 * plain values: whole numbers past 2^53 as text, times as Date; nothing else of the engine leaks out.
 */
import type { SqlQuery } from '../../shared/warehouse/decision-sql.js';
import type { SqlDialect } from '../../shared/warehouse/sql-dialect.js';

export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlEngine {
  readonly dialect: SqlDialect;
  /** The relation the decision log is (a table name, or a table function over files). */
  readonly from: string;
  /** What the source is, for messages and citations: a path, or a URL without its password. */
  readonly label: string;
  /** The relation's column names. */
  columns(): Promise<ReadonlyArray<string>>;
  query(query: SqlQuery): Promise<ReadonlyArray<SqlRow>>;
  /**
   * The column sets the engine itself keeps unique in the relation (a primary key, a unique index without a condition),
   * where it keeps any: a table keyed by its decision id cannot repeat a decision, so no query need ask.
   */
  uniqueKeys?(): Promise<ReadonlyArray<ReadonlyArray<string>>>;
  close(): Promise<void>;
}

/** A value as JavaScript reads it: bigints within 2^53 as numbers, past it as their digits. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plainValue);
  if (v instanceof Date) return v;
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
  return v;
}

/** A number from a count or epoch the engine returned (bigint, number or digits). */
export const numberOf = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
