/**
 * Which folders are a Parquet decision log read in place: a folder of Parquet files only (a writer's markers aside),
 * not a folder of evidence or a repository's tree that happens to hold a Parquet file among others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { duckdbInput } from './duckdb-engine.js';
import { workDir } from './flat-report.fixture.js';

const { dir } = workDir('li-parquet-folder-');

const spark = join(dir, 'spark-output');
const tree = join(dir, 'repository');

beforeAll(async () => {
  mkdirSync(spark);
  mkdirSync(join(tree, 'tests', 'data'), { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const rows = "SELECT 'd-1' AS decision_id, TIMESTAMP '2026-01-01 00:00:00' AS ts";
  await c.run(`COPY (${rows}) TO '${join(spark, 'part-00000.parquet')}' (FORMAT parquet)`);
  await c.run(`COPY (${rows}) TO '${join(tree, 'tests', 'data', 'sample.parquet')}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
  writeFileSync(join(spark, '_SUCCESS'), '');
  writeFileSync(join(spark, '.part-00000.parquet.crc'), 'crc');
  writeFileSync(join(tree, 'README.md'), '# a project\n');
  writeFileSync(join(tree, 'events.json'), '{"eventTime":"2026-01-01T00:00:00Z"}\n');
}, 60_000);

describe('a folder read in place as a Parquet decision log', () => {
  it('is a folder of Parquet files, with the writer’s _SUCCESS marker and checksums beside them', async () => {
    expect((await duckdbInput(spark))?.parquet).toBe(true);
  });

  it('is not a folder where a Parquet file sits among other files: the importers read that folder', async () => {
    expect(await duckdbInput(tree)).toBeUndefined();
    expect((await duckdbInput(join(tree, 'tests', 'data', 'sample.parquet')))?.parquet).toBe(true);
  });
});
