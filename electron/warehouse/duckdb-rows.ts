/**
 * A DuckDB result as plain row objects (sql-engine.ts `plainValue`). Where every column is a number, text or a
 * boolean (the counts and groups the pushed-down queries return, hundreds of thousands of rows for the groups by write
 * time), the values are read off the result's vectors: the library's row conversion and `plainValue` cost about half
 * a microsecond a value each, 2.3 s of a 5M-row investigation for its 694,443 groups. Any other column (times,
 * lists, structs) goes through the library's conversion and `plainValue`, as every row did before.
 */
import { DuckDBTypeId, type DuckDBResult } from '@duckdb/node-api';
import { plainValue, type SqlRow } from './sql-engine.js';

/** Column types whose values the vectors hold as a JS number, bigint, string or boolean. */
const PLAIN_TYPES: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.VARCHAR,
]);

/** A vector value as `plainValue` gives its JS value: a bigint within 2^53 as a number, past it as its digits. */
function plainItem(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v ?? null;
}

/** Every row of `result` (not yet read) as a plain object keyed by its (deduplicated) column names. */
export async function plainRows(result: DuckDBResult): Promise<SqlRow[]> {
  const types = result.columnTypes();
  if (!types.every((t) => PLAIN_TYPES.has(t.typeId)))
    return (await result.getRowObjectsJS()).map((row) => plainValue(row) as SqlRow);
  const names = result.deduplicatedColumnNames();
  const rows: Record<string, unknown>[] = [];
  for (const chunk of await result.fetchAllChunks()) {
    const count = chunk.rowCount;
    const vectors = names.map((_, c) => chunk.getColumnVector(c));
    for (let r = 0; r < count; r++) {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) row[names[c] as string] = plainItem(vectors[c]?.getItem(r));
      rows.push(row);
    }
  }
  return rows;
}
