/**
 * DuckDB (embedded, @duckdb/node-api) over a Parquet file or a folder of Parquet, CSV or JSON-lines files, hive
 * partitions (`model=…/date=…/part-*.parquet`) read as columns. The files are queried in place: nothing is copied.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DUCKDB, quoteText } from '../../shared/warehouse/sql-dialect.js';
import type { DuplicateInput } from '../sources/list-inputs.js';
import { distinctFiles } from './folder-copies.js';
import { plainRows } from './duckdb-rows.js';
import type { SqlEngine } from './sql-engine.js';

const READERS: Readonly<Record<string, string>> = {
  '.parquet': 'read_parquet',
  '.csv': 'read_csv',
  '.jsonl': 'read_json',
  '.ndjson': 'read_json',
};

/** The files of a folder (recursively) by extension, and whether its folders are hive partitions (`key=value`). */
async function survey(dir: string, found = new Map<string, string[]>(), hive = { any: false }) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Hidden files and a writer's markers and checksums (Spark's _SUCCESS, _metadata, .crc) are not data.
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name.toLowerCase().endsWith('.crc')) continue;
    if (entry.isDirectory()) {
      if (/^[^=]+=/.test(entry.name)) hive.any = true;
      await survey(join(dir, entry.name), found, hive);
    } else {
      const ext = extname(entry.name).toLowerCase();
      const files = found.get(ext);
      if (files) files.push(join(dir, entry.name));
      else found.set(ext, [join(dir, entry.name)]);
    }
  }
  return { found, hive: hive.any };
}

export interface DuckdbInput {
  /** The DuckDB table function over the file or the folder's files. */
  readonly relation: string;
  readonly parquet: boolean;
  /** The folder's files not read because each repeats the bytes of one that is. */
  readonly copies: ReadonlyArray<DuplicateInput>;
}

/**
 * The DuckDB table function reading `path` when it is a decision source DuckDB reads in place: a Parquet file, or a
 * folder holding only Parquet files (hidden files and writers' markers aside) or hive partitions of Parquet, CSV or
 * JSON lines (`parquet` false for the last two). Undefined for anything else (a single CSV or JSONL file, a folder of
 * other evidence, Parquet files among other files), which the importers read. A folder's file that repeats another's
 * bytes (an export run again under another name) is left out and listed in `copies`: the function then reads the
 * list of the distinct files instead of the folder's glob (which it reads, the same text as ever, when there is none).
 */
export async function duckdbInput(path: string): Promise<DuckdbInput | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  const at = resolve(path);
  if (info.isFile())
    return extname(at).toLowerCase() === '.parquet'
      ? { relation: `read_parquet(${quoteText(at)})`, parquet: true, copies: [] }
      : undefined;
  if (!info.isDirectory()) return undefined;
  const { found, hive } = await survey(at);
  // A folder of Parquet holds nothing else: a Parquet file among other files (a repository's tree, a folder of
  // evidence) is one file of that folder, which the importers read.
  const ext =
    found.has('.parquet') && found.size === 1
      ? '.parquet'
      : hive
        ? ['.csv', '.jsonl', '.ndjson'].find((e) => found.has(e))
        : undefined;
  if (!ext) return undefined;
  const fn = READERS[ext] as string;
  const options = [
    'hive_partitioning = true',
    'union_by_name = true',
    ...(fn === 'read_json' ? ["format = 'newline_delimited'"] : []),
  ];
  const { files, copies } = await distinctFiles((found.get(ext) ?? []).filter((f) => f.endsWith(ext)).sort());
  const read = copies.length > 0 ? `[${files.map(quoteText).join(', ')}]` : quoteText(join(at, '**', `*${ext}`));
  return { relation: `${fn}(${read}, ${options.join(', ')})`, parquet: ext === '.parquet', copies };
}

/** Opens an in-memory DuckDB over `relation` (from duckdbRelation), in UTC. */
export async function openDuckdb(relation: string, label: string): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return {
    dialect: DUCKDB,
    from: relation,
    label,
    columns: async () => (await connection.runAndReadAll(`SELECT * FROM ${relation} LIMIT 0`)).columnNames(),
    query: async (q) => plainRows(await connection.run(q.text, q.params as DuckDBValue[])),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
