/**
 * Rows read off DuckDB's vectors are the rows the library's conversion and `plainValue` give: the same keys in the
 * same order and the same values, nulls, whole numbers past 2^53 and repeated column names included.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainRows } from './duckdb-rows.js';
import { plainValue } from './sql-engine.js';

let db: DuckDBInstance;
let c: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
  await c.run("SET TimeZone = 'UTC'");
});
afterAll(() => {
  c.closeSync();
  db.closeSync();
});

/** The rows as the engine read them before: the library's JS row objects through `plainValue`. */
async function libraryRows(sql: string, params: string[] = []) {
  const reader = await c.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((row) => plainValue(row));
}

// More rows than one chunk (2,048), values spread by a hash, a null every seventh row.
const NUMBERS = `SELECT
    CASE WHEN i % 7 = 0 THEN NULL ELSE hash(i) % 1000 END AS n_bigint,
    CAST(hash(i) AS UBIGINT) AS past_2_53,
    CAST(i AS INTEGER) AS n_int, CAST(i % 100 AS TINYINT) AS n_tiny, CAST(i % 30000 AS SMALLINT) AS n_small,
    CAST(i AS UINTEGER) AS n_uint, CAST(i / 3 AS DOUBLE) AS n_double, CAST(i / 7 AS FLOAT) AS n_float,
    CAST(i AS HUGEINT) * 1000000000000 AS n_huge,
    CASE WHEN i % 5 = 0 THEN NULL ELSE 'row ' || CAST(i AS VARCHAR) END AS label,
    i % 2 = 0 AS even, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS third
  FROM range(5000) t(i)`;

describe('plainRows', () => {
  it('reads numbers, text and booleans as the library and plainValue do, over several chunks', async () => {
    const rows = await plainRows(await c.run(NUMBERS));
    const library = await libraryRows(NUMBERS);
    expect(rows).toEqual(library);
    expect(rows).toHaveLength(5000);
    expect(Object.keys(rows[1] ?? {})).toEqual(Object.keys(library[1] ?? {}));
    // A hash past 2^53 comes as its digits, as plainValue gives it.
    expect(rows.some((r) => typeof r.past_2_53 === 'string')).toBe(true);
    expect(rows[0]?.n_bigint).toBeNull();
  });

  it('reads counts grouped by a time, with a parameter, as the library does', async () => {
    const sql = `SELECT epoch_ms(TIMESTAMPTZ '2026-01-01 00:00:00+00' + (i // 3) * INTERVAL '1 second') AS written_ms,
        COUNT(*) AS decisions, SUM(CASE WHEN CAST(hash(i) % 2 AS VARCHAR) = $1 THEN 1 ELSE 0 END) AS outcomes
      FROM range(10000) t(i) GROUP BY 1 ORDER BY 1`;
    const rows = await plainRows(await c.run(sql, ['1']));
    expect(rows).toEqual(await libraryRows(sql, ['1']));
    expect(rows.reduce((s, r) => s + (r.decisions as number), 0)).toBe(10000);
  });

  it('keeps repeated column names apart as the library does', async () => {
    const sql = 'SELECT i AS x, i * 2 AS x, CAST(i AS VARCHAR) AS x FROM range(3) t(i)';
    expect(await plainRows(await c.run(sql))).toEqual(await libraryRows(sql));
  });

  it('reads times, lists and structs through the library, as before', async () => {
    const sql = `SELECT i, TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 hour' AS ts, [i, i + 1] AS pair,
        {'a': i} AS s, CAST(i AS DECIMAL(10, 2)) / 4 AS dec FROM range(3000) t(i)`;
    const rows = await plainRows(await c.run(sql));
    expect(rows).toEqual(await libraryRows(sql));
    expect(rows[1]?.ts).toBeInstanceOf(Date);
  });
});
