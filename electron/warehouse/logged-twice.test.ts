/**
 * A decision log read in place that holds decisions twice counts each once: a hive-partitioned Parquet folder where a
 * re-run of the export wrote one day's file again under another name, a PostgreSQL table where a batch was loaded
 * twice. The investigation (scope, onset, suspects) and the Monitor's counts are those of the log without the copy,
 * and of the same rows imported; a decision logged again with other contents is named, in the investigation's notes
 * and in `inspect`.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { runInspectCommand } from '../cli/inspect-command.js';
import { openDecisionSource } from './decision-source.js';
import { answers, FLAT_MAPPING, flatRows, investigateWith, truth, type FlatRow } from './flat-sample.fixture.js';
import { createRowTable } from './flat-table.fixture.js';
import { sqlWatchReader } from './watch-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'li-logged-twice-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mappingFile = join(dir, 'mapping.json');

const rows = flatRows();
const caseRow = rows.find((r) => r.id === truth.caseDecisionId) as FlatRow;
const dayOf = (r: FlatRow) => String(r.ts).slice(0, 10);
/** The case decision's model and day: the day whose file the export's re-run wrote again. */
const model = String(caseRow.model_name);
const day = dayOf(caseRow);
const copied = rows.filter((r) => r.model_name === model && dayOf(r) === day);
/** Another decision of that model, re-logged an hour later with the other action: a conflict. */
const relogged = rows.filter((r) => r.model_name === model && r.id !== caseRow.id).at(-1) as FlatRow;
const otherAction = rows.find((r) => r.action_taken !== relogged.action_taken)?.action_taken as string;
const conflicting: FlatRow = {
  ...relogged,
  ts: new Date(Date.parse(String(relogged.ts)) + 3_600_000).toISOString(),
  action_taken: otherAction,
};

const jsonl = (list: ReadonlyArray<FlatRow>) => list.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** `inspect` of `source` through the mapping: its printed lines. */
async function inspect(source: string): Promise<string> {
  const out: string[] = [];
  const code = await runInspectCommand([source, '--mapping', mappingFile], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  expect(code).toBe(0);
  return out.join('\n');
}

/** An investigation's answers apart from its notes, and its notes. */
const split = (json: Record<string, unknown>) => {
  const { scope, ...rest } = answers(json) as unknown as { scope: { notes: string[] } };
  const { notes, ...counts } = scope;
  return { answers: { ...rest, scope: counts }, notes };
};

/** The Monitor's counts of `source` (by model, version, day and outcome), and its decisions since the onset. */
async function monitorCounts(source: string) {
  const opened = await openDecisionSource(source, FLAT_MAPPING);
  try {
    const watch = sqlWatchReader(opened);
    // In no order within a day: the Monitor sums them.
    const byDay = (await watch.counts('day')).map((c) => JSON.stringify(c)).sort();
    return {
      byDay,
      since: await watch.since(model, undefined, truth.onset.timestamp),
    };
  } finally {
    await opened.close();
  }
}

beforeAll(() => writeFileSync(mappingFile, JSON.stringify(FLAT_MAPPING)));

describe('a Parquet folder where an export re-run wrote a day’s file again', () => {
  const clean = join(dir, 'clean');
  const rerun = join(dir, 'rerun');
  const conflicted = join(dir, 'conflicted');
  let reference: ReturnType<typeof split>;

  beforeAll(async () => {
    const flat = join(dir, 'flat.jsonl');
    writeFileSync(flat, jsonl(rows));
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT *, strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%d') AS date FROM read_json('${flat}', ` +
        `format = 'newline_delimited')) TO '${clean}' (FORMAT parquet, PARTITION_BY (model_name, date))`,
    );
    cpSync(clean, rerun, { recursive: true });
    const folder = join(rerun, `model_name=${model}`, `date=${day}`);
    const [file] = readdirSync(folder);
    cpSync(join(folder, file as string), join(folder, `rerun-${file}`));
    cpSync(rerun, conflicted, { recursive: true });
    const one = join(dir, 'conflicting.jsonl');
    writeFileSync(one, jsonl([conflicting]));
    const at = join(conflicted, `model_name=${model}`, `date=${dayOf(relogged)}`, 'correction.parquet');
    await c.run(
      `COPY (SELECT * EXCLUDE (model_name) FROM read_json('${one}', format = 'newline_delimited')) TO '${at}' ` +
        `(FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const r = await investigateWith(clean, mappingFile);
    expect(r.code).toBe(0);
    reference = split(r.json);
  }, 120_000);

  it('counts the copied day once: the same scope, onset and suspects as the folder without the copy', async () => {
    expect(copied.length).toBeGreaterThan(0);
    const r = await investigateWith(rerun, mappingFile);
    expect(r.code).toBe(0);
    expect(r.json.scope.affectedDecisions).toBe(truth.decisions.affected);
    expect(r.json.onset.onset).toBe(new Date(truth.onset.timestamp).toISOString());
    const got = split(r.json);
    expect(got.answers).toEqual(reference.answers);
    expect(got.notes).toContainEqual(
      expect.stringContaining(`${copied.length} rows log a decision (model and decision id) already logged`),
    );
  }, 120_000);

  it('gives the Monitor the counts of the folder without the copy', async () => {
    const [withCopy, without] = [await monitorCounts(rerun), await monitorCounts(clean)];
    expect(withCopy).toEqual(without);
    expect(without.since.decisions).toBeGreaterThan(0);
  }, 60_000);

  it('agrees with the same rows imported, the day given twice', async () => {
    const twice = join(dir, 'twice.jsonl');
    writeFileSync(twice, jsonl([...rows, ...copied]));
    const imported = await investigateWith(twice, mappingFile);
    expect(imported.code).toBe(0);
    expect(split(imported.json).answers).toEqual(reference.answers);
  }, 120_000);

  it('inspect counts each decision once and says how many rows repeat one', async () => {
    const text = await inspect(rerun);
    expect(text).toContain(`${rows.length.toLocaleString('en-US')} decisions`);
    expect(text).toContain(`${copied.length} rows log a decision (model and decision id) already logged`);
    expect(await inspect(clean)).not.toContain('already logged');
  }, 60_000);

  it('names a decision logged again with other contents, in inspect and in the investigation', async () => {
    const named = `1 decision is logged twice with different contents (${relogged.id} of ${model})`;
    expect(await inspect(conflicted)).toContain(named);
    const r = await investigateWith(conflicted, mappingFile);
    expect(r.code).toBe(0);
    const got = split(r.json);
    expect(got.notes).toContainEqual(expect.stringContaining(named));
    // Its first row is the one counted: the answers stand.
    expect(got.answers).toEqual(reference.answers);
  }, 120_000);
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())('a PostgreSQL table where a batch was loaded twice', () => {
  let server: ThrowawayPostgres;
  const table = (name: string) => {
    const url = new URL(server.adminUrl);
    url.searchParams.set('table', `ml.${name}`);
    return url.toString();
  };
  // The batch of 1,000 rows (in the log's order) that holds the case decision, loaded again by a retried job.
  const start = Math.floor(rows.indexOf(caseRow) / 1000) * 1000;
  const batch = rows.slice(start, start + 1000);

  beforeAll(async () => {
    server = await startPostgres();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('CREATE SCHEMA ml');
    const columns = `id text, ts timestamptz NOT NULL, customer text, model_name text, model_version text, env text,
      prediction text, score double precision, action_taken text, "${truth.feature.name}" boolean,
      ds_namespace text, ds_name text, ds_version text, feat_version text`;
    await createRowTable(admin, 'ml.clean', columns, rows);
    await createRowTable(admin, 'ml.reloaded', columns, [...rows, ...batch]);
    const outside = batch.includes(relogged) ? [] : [conflicting];
    await createRowTable(admin, 'ml.corrected', columns, [...rows, ...batch, ...outside]);
    await admin.end();
  }, 120_000);

  afterAll(() => server?.stop());

  it('counts the batch once: the same scope, onset and suspects, and Monitor counts, as the table without it', async () => {
    const [clean, reloaded] = [
      await investigateWith(table('clean'), mappingFile),
      await investigateWith(table('reloaded'), mappingFile),
    ];
    expect(reloaded.code).toBe(0);
    expect(reloaded.json.scope.affectedDecisions).toBe(truth.decisions.affected);
    expect(split(reloaded.json).answers).toEqual(split(clean.json).answers);
    expect(split(reloaded.json).notes).toContainEqual(
      expect.stringContaining(`${batch.length.toLocaleString('en-US')} rows log a decision`),
    );
    expect(await monitorCounts(table('reloaded'))).toEqual(await monitorCounts(table('clean')));
  }, 180_000);

  it('names a decision logged again with other contents, in inspect and in the investigation', async () => {
    expect(batch).not.toContain(relogged);
    const named = `1 decision is logged twice with different contents (${relogged.id} of ${model})`;
    const text = await inspect(table('corrected'));
    expect(text).toContain(named);
    expect(text).toContain(`${(batch.length + 1).toLocaleString('en-US')} rows log a decision`);
    const r = await investigateWith(table('corrected'), mappingFile);
    expect(r.code).toBe(0);
    expect(split(r.json).notes).toContainEqual(expect.stringContaining(named));
  }, 120_000);
});
