/**
 * A hive-partitioned Parquet decision log where an export job ran again and wrote a day's file a second time under
 * another name: each decision is counted once all the same, and the copy is named with the file it repeats.
 */
import { copyFileSync, cpSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInspectCommand } from '../cli/inspect-command.js';
import { runVerifyCommand } from '../cli/verify-command.js';
import { runWatchCommand } from '../cli/watch-command.js';
import { duckdbInput, openDuckdb } from './duckdb-engine.js';
import { answers, FLAT_MAPPING, flatRows, investigateWith, truth, writeFlatFiles } from './flat-sample.fixture.js';
import { bagSources, bundleWith, workDir } from './flat-report.fixture.js';

const { dir, mappingFile } = workDir('li-folder-copies-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');

const flat = join(dir, 'decisions-flat.jsonl');
const hive = join(dir, 'hive');
const rerun = join(dir, 'hive-rerun');
let original = '';
let copy = '';

/** Runs `query` on an in-memory DuckDB; its rows. */
async function duck(query: string): Promise<Array<Record<string, unknown>>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(query)).getRowObjectsJS() as Array<Record<string, unknown>>;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  await writeFlatFiles(flat, join(dir, 'decisions.parquet'));
  const read = `read_json('${flat}', format = 'newline_delimited')`;
  await duck(
    `COPY (SELECT *, strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%d') AS date FROM ${read}) TO '${hive}' ` +
      `(FORMAT parquet, PARTITION_BY (model_name, date))`,
  );
  cpSync(hive, rerun, { recursive: true });
  // The day of the investigated decision, exported again: the same bytes under the next part's name.
  const [row] = await duck(
    `SELECT filename FROM read_parquet('${join(rerun, '**', '*.parquet')}', filename = true) ` +
      `WHERE "${FLAT_MAPPING.fields.decision_id}" = '${truth.caseDecisionId}'`,
  );
  original = String(row?.filename);
  copy = join(dirname(original), `rerun-${basename(original)}`);
  copyFileSync(original, copy);
}, 60_000);

const count = async (relation: string) => {
  const engine = await openDuckdb(relation, 'test');
  try {
    const [row] = await engine.query({ text: `SELECT count(*) AS n FROM ${relation}`, params: [] });
    return Number(row?.n);
  } finally {
    await engine.close();
  }
};

async function run(command: typeof runWatchCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a folder read in place where a day’s file was written twice', () => {
  it('holds the copy: read as files, that day’s decisions would count twice', async () => {
    const glob = `read_parquet('${join(rerun, '**', '*.parquet')}', hive_partitioning = true)`;
    const day = await count(`read_parquet('${original}')`);
    expect(day).toBeGreaterThan(0);
    expect(await count(glob)).toBe(flatRows().length + day);
    expect(await count((await duckdbInput(rerun))?.relation as string)).toBe(flatRows().length);
  });

  it('gives the same affected count, onset and answers as the folder without the copy', async () => {
    const without = await investigateWith(hive, mappingFile);
    const withCopy = await investigateWith(rerun, mappingFile);
    expect(without.code).toBe(0);
    expect(withCopy.code).toBe(0);
    expect(withCopy.json.scope.affectedDecisions).toBe(without.json.scope.affectedDecisions);
    expect(withCopy.json.onset.onset).toBe(without.json.onset.onset);
    expect(answers(withCopy.json)).toEqual(answers(without.json));
    // The investigator is told which file was read once, and which file it repeats.
    expect(without.err).toBe('');
    expect(withCopy.err).toContain(`${copy}: duplicate of ${original} (the same bytes, SHA-256 `);
  }, 120_000);

  it('gives the Monitor the same counts and alerts (watch)', async () => {
    const args = (folder: string) => ['--source', folder, '--mapping', mappingFile, '--json'];
    const without = await run(runWatchCommand, args(hive));
    const withCopy = await run(runWatchCommand, args(rerun));
    expect(withCopy.code).toBe(without.code);
    const { sources: _a, ...counted } = JSON.parse(withCopy.out);
    const { sources: _b, ...reference } = JSON.parse(without.out);
    expect(reference.alerts.length).toBeGreaterThan(0);
    expect(counted).toEqual(reference);
    expect(withCopy.err).toContain(`${copy}: duplicate of ${original}`);
  }, 120_000);

  it('inspect names the copy and the file it repeats, in text and in --json', async () => {
    const json = await run(runInspectCommand, [rerun, '--mapping', mappingFile, '--json']);
    expect(json.code).toBe(0);
    const [source] = JSON.parse(json.out).inPlace;
    expect(source.decisions).toBe(flatRows().length);
    expect(source.copies).toEqual([
      { path: copy, duplicateOf: original, reason: expect.stringMatching(/^the same bytes, SHA-256 [0-9a-f]{64}$/) },
    ]);
    const text = await run(runInspectCommand, [rerun, '--mapping', mappingFile]);
    expect(text.out).toContain(`${copy}: duplicate of ${original} (the same bytes, SHA-256 `);
    const plain = await run(runInspectCommand, [hive, '--mapping', mappingFile, '--json']);
    expect(JSON.parse(plain.out).inPlace[0].copies).toEqual([]);
  }, 60_000);

  it('cites the distinct files in a bundle, and verify re-runs its queries: the same rows', async () => {
    const bag = join(dir, 'bag');
    const report = await bundleWith(rerun, mappingFile, bag, { signed: true });
    expect(report.code).toBe(0);
    expect(report.err).toContain(`${copy}: duplicate of ${original}`);
    const queries = bagSources(bag).find((s) => s.name === rerun)?.queries ?? [];
    const rows = flatRows();
    const model = rows.find((r) => r.id === truth.caseDecisionId)?.model_name;
    expect(queries.map((q) => q.rows)).toEqual([1, rows.filter((r) => r.model_name === model).length]);
    expect(queries[1]?.text).toContain(original);
    expect(queries[1]?.text).not.toContain(copy);
    const verify = await run(runVerifyCommand, [bag]);
    expect(verify.code).toBe(0);
    expect(verify.out.split('\n').filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
  }, 300_000);

  it('reads the glob as ever when no file repeats another (the query text a bundle cites is unchanged)', async () => {
    expect((await duckdbInput(hive))?.relation).toBe(
      `read_parquet('${join(hive, '**', '*.parquet')}', hive_partitioning = true, union_by_name = true)`,
    );
  });

  it('reads both of two different files of the same size', async () => {
    const folder = join(dir, 'same-size', 'date=2026-01-01');
    mkdirSync(folder, { recursive: true });
    for (const id of ['d-1', 'd-2'])
      await duck(
        `COPY (SELECT '${id}' AS decision_id, TIMESTAMP '2026-01-01 00:00:00' AS ts) ` +
          `TO '${join(folder, `part-${id}.parquet`)}' (FORMAT parquet)`,
      );
    expect(statSync(join(folder, 'part-d-1.parquet')).size).toBe(statSync(join(folder, 'part-d-2.parquet')).size);
    const input = await duckdbInput(dirname(folder));
    expect(input?.copies).toEqual([]);
    expect(await count(input?.relation as string)).toBe(2);
  });
});
