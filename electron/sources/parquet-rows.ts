/**
 * A Parquet file whose columns are an identity graph's (RudderStack's ID graph view, Segment's Profiles Sync tables —
 * identity-graph-importer.ts), read through DuckDB (@duckdb/node-api, as decision logs in Parquet are read in place)
 * and handed to the importers as JSON lines: row N of the file (from 1) is line N, so a rejected row is named by it.
 * Values are given as the warehouse wrote them: a `TIMESTAMP WITH TIME ZONE` as an RFC 3339 time in UTC, a
 * `TIMESTAMP` without a zone as its wall-clock time without an offset (the importer says how it reads that), anything
 * else as its text; a NULL as null (an empty cell). Any other Parquet file is left to the importers, which skip it
 * naming why. The app's import (in the renderer, without DuckDB) does not read Parquet: export the table as CSV there.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { identityGraphShape } from '../../shared/importers/identity-graph-importer.js';
import { quoteIdent, quoteText } from '../../shared/warehouse/sql-dialect.js';

/** The text a column's values are read as, by its DuckDB type. */
function textOf(column: string, type: string): string {
  const c = quoteIdent(column);
  if (type.startsWith('TIMESTAMP WITH TIME ZONE')) return `strftime(${c}, '%Y-%m-%dT%H:%M:%S.%fZ')`;
  if (type.startsWith('TIMESTAMP')) return `strftime(CAST(${c} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%f')`;
  return `CAST(${c} AS VARCHAR)`;
}

/**
 * The rows of the Parquet file at `path` as JSON lines, in batches (each ending in a newline), when its columns are an
 * identity graph's; undefined for any other Parquet file. Throws, naming the file, when DuckDB cannot read it.
 */
export async function parquetIdentityGraph(path: string): Promise<AsyncIterable<string> | undefined> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const relation = `read_parquet(${quoteText(path)})`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
    const columns = described
      .getRowObjectsJS()
      .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    if (identityGraphShape(columns.map((c) => c.name)) === undefined) {
      close();
      return undefined;
    }
    const select = columns.map((c) => `${textOf(c.name, c.type)} AS ${quoteIdent(c.name)}`).join(', ');
    const result = await connection.stream(`SELECT ${select} FROM ${relation}`);
    return (async function* () {
      try {
        for await (const rows of result.yieldRowObjectJs()) {
          yield rows.map((row) => `${JSON.stringify(row)}\n`).join('');
        }
      } finally {
        close();
      }
    })();
  } catch (error) {
    close();
    throw new Error(`${path}: not readable as Parquet (${error instanceof Error ? error.message : String(error)})`);
  }
}
