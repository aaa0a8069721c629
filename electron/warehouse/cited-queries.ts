/**
 * What an evidence bundle cites of a decision log read in place: the engine, where the log is (a path, or a
 * PostgreSQL URL without its password), the relation and column mapping the queries were built over, and each query
 * the case's decisions came from — its text, its parameters, how many rows it returned and the SHA-256 of those rows
 * (shared/warehouse/row-encoding.ts). `verify` builds the same queries again and compares (rerun-queries.ts).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/case/canonical-json.js';
import { sha256Hex } from '../bundle/hashing.js';
import type { ImportMapping } from '../../shared/importers/mapping.js';
import type { QueryDigest } from '../../shared/report/report-anchors.js';
import type { SqlQuery } from '../../shared/warehouse/decision-sql.js';
import { encodedRows } from '../../shared/warehouse/row-encoding.js';
import type { DialectName } from '../../shared/warehouse/sql-dialect.js';
import type { SqlEngine, SqlRow } from './sql-engine.js';

export interface CitedQuery {
  readonly text: string;
  readonly params: ReadonlyArray<string | number>;
  readonly rows: number;
  /** SHA-256 (lowercase hex) of the rows' canonical encoding. */
  readonly sha256: string;
}

export interface WarehouseCitation {
  readonly engine: DialectName;
  /** The path or password-less URL the log was opened from (its source id is this text's SHA-256). */
  readonly location: string;
  /** The relation the queries read (a table name, or a DuckDB table function over the files). */
  readonly relation: string;
  readonly mapping: ImportMapping;
  readonly queries: ReadonlyArray<CitedQuery>;
}

/** How many rows, and the SHA-256 of their canonical encoding. */
export function digestRows(rows: ReadonlyArray<SqlRow>): { readonly rows: number; readonly sha256: string } {
  const hash = createHash('sha256');
  for (const line of encodedRows(rows)) hash.update(`${line}\n`, 'utf8');
  return { rows: rows.length, sha256: hash.digest('hex') };
}

/** `engine`, recording into `into` each query it answers with the digest of the rows it returned. */
export function citingEngine(engine: SqlEngine, into: CitedQuery[]): SqlEngine {
  return {
    ...engine,
    query: async (q: SqlQuery) => {
      const rows = await engine.query(q);
      into.push({ text: q.text, params: [...q.params], ...digestRows(rows) });
      return rows;
    },
  };
}

/**
 * What a report anchors of a citation's queries (report-anchors.ts): the source (the SHA-256 of the location), the
 * SHA-256 of each query's canonical JSON `{params, text}`, its row count and its rows' SHA-256.
 */
export function queryDigests(citation: WarehouseCitation): QueryDigest[] {
  const source = sha256Hex(citation.location);
  return citation.queries.map((q) => ({
    source,
    query: sha256Hex(canonicalJson({ params: q.params, text: q.text })),
    rows: q.rows,
    sha256: q.sha256,
  }));
}
