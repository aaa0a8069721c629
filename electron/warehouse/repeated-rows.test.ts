/**
 * A decision log read in place whose rows repeat decisions — a batch of the sample's decisions loaded twice, and the
 * investigated decision logged again with another action — says so instead of counting them silently: the connection
 * test counts the rows that repeat a (model, decision id) already logged, and the investigation's scope notes name
 * them and the investigated decision's two rows with the column that differs. Read as one Parquet file by DuckDB and
 * as a table on a real PostgreSQL server; a log without repeats says nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { createConnectionHandlers } from '../services/connection-services.js';
import { createConnectionInvestigationHandlers } from '../services/connection-investigation-services.js';
import { connectionStore } from './connection-store.js';
import { FLAT_MAPPING, flatRows, truth, type FlatRow } from './flat-sample.fixture.js';
import { createRowTable, writeRowFiles } from './flat-table.fixture.js';
import { openConnections } from './open-connections.js';

const dir = mkdtempSync(join(tmpdir(), 'li-repeated-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const caseId = truth.caseDecisionId as string;
const feature = truth.feature.name as string;
const n = (x: number) => x.toLocaleString('en-US');

/**
 * The sample's rows; then the batch of 500 logged just before the case decision loaded again; then the case decision
 * with another action.
 */
function loggedTwice() {
  const rows = flatRows();
  const at = rows.findIndex((r) => r.id === caseId);
  const batch = rows.slice(Math.max(0, at - 500), at);
  const own = rows[at] as FlatRow;
  const other = rows.find((r) => r.action_taken !== own.action_taken)?.action_taken as string;
  const relogged: FlatRow = { ...own, action_taken: other };
  return { rows: [...rows, ...batch, relogged], batch, own, relogged };
}

/** The connection test and the case decision's investigation over `location`. */
async function testAndInvestigate(location: string) {
  const store = connectionStore(join(dir, 'data', String(Math.random()).slice(2)));
  const saved = await store.save({ name: 'Offer decisions', location, mapping: JSON.stringify(FLAT_MAPPING) });
  const open = openConnections(store);
  try {
    const tested = await createConnectionHandlers(store)['connections:test']({ id: saved.id });
    const answer = await createConnectionInvestigationHandlers(open)['connections:investigate']({
      id: saved.id,
      decisionId: caseId,
      featureName: feature,
      options: {},
      evidence: [],
    });
    expect(answer.refused).toBeUndefined();
    return { tested, notes: answer.result?.scope.notes ?? [], affected: answer.affected };
  } finally {
    await open.closeAll();
  }
}

/** What a user reads of a log with a batch loaded twice and the case decision re-logged. */
function expectNamed(got: Awaited<ReturnType<typeof testAndInvestigate>>, data: ReturnType<typeof loggedTwice>) {
  const repeats = data.batch.length + 1;
  expect(got.tested.ok).toBe(true);
  expect(got.tested.repeated).toEqual({ rows: repeats, decisions: repeats });
  // Of those, the rows the scope counted: the suspect versions' (no other evidence here, so no blast radius).
  const selection = got.affected;
  if (selection?.by !== 'versions') throw new Error(`expected the suspect versions, got ${JSON.stringify(selection)}`);
  const counted = [...data.batch, data.relogged].filter(
    (r) => r.model_name === selection.model && selection.versions.includes(r.feat_version as string),
  ).length;
  expect(counted).toBeGreaterThan(1);
  const scopeNote = got.notes.find((x) => x.includes('repeat a decision'));
  expect(scopeNote).toContain(
    `${n(counted)} of the rows counted as affected repeat a decision (model and decision id)`,
  );
  expect(scopeNote).toContain(`(${n(counted)} decisions logged more than once)`);
  const ownNote = got.notes.find((x) => x.includes(`investigated decision ${caseId}`));
  expect(ownNote).toContain(`is logged 2 times`);
  // The one column that differs, with both rows' values; no other column is named.
  expect(ownNote).toContain(`differ in action_taken ("${data.own.action_taken}" / "${data.relogged.action_taken}")`);
  expect(ownNote).not.toMatch(/, [a-z_]+ \(/);
}

describe('a Parquet file holding a batch twice and the case decision re-logged', () => {
  it('is named by the connection test and in the investigation, the differing column too', async () => {
    const data = loggedTwice();
    const parquet = join(dir, 'twice.parquet');
    await writeRowFiles(data.rows, join(dir, 'twice.jsonl'), parquet);
    expectNamed(await testAndInvestigate(parquet), data);
  }, 120_000);

  it('says nothing where no row repeats a decision', async () => {
    const parquet = join(dir, 'once.parquet');
    await writeRowFiles(flatRows(), join(dir, 'once.jsonl'), parquet);
    const { tested, notes } = await testAndInvestigate(parquet);
    expect(tested.ok).toBe(true);
    expect(tested.repeated).toBeUndefined();
    expect(notes.filter((x) => x.includes('repeat') || x.includes('investigated decision'))).toEqual([]);
  }, 120_000);
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())('a PostgreSQL table into which a batch was loaded twice, on a real server', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('is named by the connection test and in the investigation, the differing column too', async () => {
    const data = loggedTwice();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await createRowTable(
      admin,
      'offers',
      `id text, ts timestamptz, customer text, model_name text, model_version text, env text, prediction text,
       score double precision, action_taken text, "${feature}" boolean, ds_namespace text, ds_name text,
       ds_version text, feat_version text`,
      data.rows,
    );
    await admin.end();
    expectNamed(await testAndInvestigate(`${server.adminUrl}?table=offers`), data);
  }, 120_000);
});
