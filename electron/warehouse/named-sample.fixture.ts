/**
 * The sample's decisions as a warehouse keeps them with columns named as the app's fields are (`subject_id`,
 * `action`, `feature_version`, `dataset_version`, `dataset_namespace`, `dataset_name`): a saved connection reads them through
 * the mapping suggested from those names. Written by DuckDB as a hive-partitioned Parquet folder
 * (`model_name=…/date=…/*.parquet`), or as a view on a PostgreSQL table of the flat rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { flatRows } from './flat-sample.fixture.js';

/** The flat rows' columns renamed. */
const NAMED: Readonly<Record<string, string>> = {
  customer: 'subject_id',
  action_taken: 'action',
  feat_version: 'feature_version',
  ds_version: 'dataset_version',
  ds_namespace: 'dataset_namespace',
  ds_name: 'dataset_name',
};

/** `customer AS subject_id, …`. */
const RENAMED = Object.entries(NAMED)
  .map(([from, to]) => `${from} AS ${to}`)
  .join(', ');

/** Writes the named rows as a hive-partitioned Parquet folder at `folder` (a JSON-lines copy beside it in `work`). */
export async function writeNamedParquet(work: string, folder: string): Promise<void> {
  const flat = join(work, 'flat.jsonl');
  writeFileSync(
    flat,
    flatRows()
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const read = `read_json('${flat}', format = 'newline_delimited')`;
  await c.run(
    `COPY (SELECT * EXCLUDE (${Object.keys(NAMED).join(', ')}), ${RENAMED}, ` +
      `strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%d') AS date FROM ${read}) TO '${folder}' ` +
      `(FORMAT parquet, PARTITION_BY (model_name, date))`,
  );
  c.closeSync();
  db.closeSync();
}

/** Creates the view ml.named over ml.decisions (createFlatTable) that the role `reader` may read too. */
export async function createNamedView(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE VIEW ml.named AS SELECT *, ${RENAMED} FROM ml.decisions`);
  await admin.query(`GRANT SELECT ON ml.named TO reader`);
  await admin.end();
}
