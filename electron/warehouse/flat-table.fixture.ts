/**
 * Decision rows as a warehouse keeps them (one flat row each), written for the tests that read them in place: as JSON
 * lines and Parquet files, and as a table on a real PostgreSQL server.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type pg from 'pg';

/** Writes `rows` as JSON lines at `jsonl` and, with DuckDB's COPY, as Parquet at `parquet`. */
export async function writeRowFiles(rows: ReadonlyArray<object>, jsonl: string, parquet: string): Promise<void> {
  writeFileSync(jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
}

/** Creates the table `name` (`columns`: its column definitions) and inserts `rows` into it, 1,000 at a time. */
export async function createRowTable(
  admin: pg.Client,
  name: string,
  columns: string,
  rows: ReadonlyArray<object>,
): Promise<void> {
  await admin.query(`CREATE TABLE ${name} (${columns})`);
  for (let i = 0; i < rows.length; i += 1000)
    await admin.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1)`, [
      JSON.stringify(rows.slice(i, i + 1000)),
    ]);
}
