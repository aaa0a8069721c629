/**
 * A decision log read in place whose rows repeat decisions — a batch of the sample's decisions loaded twice, and the
 * investigated decision logged again an hour later with another action (a correction run) — counts each decision
 * once: the investigation (scope, onset, suspects) and the Monitor's counts are those of the same log without the
 * repeats, and say why they did not grow: the connection test and the investigation's notes count the rows that repeat
 * a (model, decision id) already logged, and name the investigated decision's two rows with the column that differs.
 * Read as one Parquet file by DuckDB and as a table on a real PostgreSQL server; a log without repeats says nothing
 * and is read as it is (its queries are not the once-per-decision ones).
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineResult } from '../../shared/analysis/engine.js';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { runVerifyCommand } from '../cli/verify-command.js';
import { createConnectionHandlers } from '../services/connection-services.js';
import { createConnectionInvestigationHandlers } from '../services/connection-investigation-services.js';
import { connectionStore } from './connection-store.js';
import { keptUnique, openDecisionSource } from './decision-source.js';
import { answers, FLAT_MAPPING, flatRows, investigateWith, truth, type FlatRow } from './flat-sample.fixture.js';
import { bagSources, bundleWith, workDir } from './flat-report.fixture.js';
import { createRowTable, writeRowFiles } from './flat-table.fixture.js';
import { openConnections, type OpenConnections } from './open-connections.js';
import { sqlWatchReader } from './watch-reader.js';

const { dir, mappingFile } = workDir('li-repeated-rows-');
const caseId = truth.caseDecisionId as string;
const feature = truth.feature.name as string;
const n = (x: number) => x.toLocaleString('en-US');
const HOUR_MS = 3_600_000;

/**
 * The sample's rows; then the batch of 500 logged just before the case decision loaded again; then the case decision
 * logged again an hour later with another action.
 */
function loggedTwice() {
  const rows = flatRows();
  const at = rows.findIndex((r) => r.id === caseId);
  const batch = rows.slice(Math.max(0, at - 500), at);
  const own = rows[at] as FlatRow;
  const other = rows.find((r) => r.action_taken !== own.action_taken)?.action_taken as string;
  const relogged: FlatRow = {
    ...own,
    ts: new Date(Date.parse(String(own.ts)) + HOUR_MS).toISOString(),
    action_taken: other,
  };
  return { rows: [...rows, ...batch, relogged], batch, own, relogged };
}

/** What an investigator reads of an investigation: its scope (notes apart), onset and ranked changes. */
function read(result: EngineResult | undefined) {
  if (!result) throw new Error('no investigation');
  const { notes, ...scope } = result.scope;
  return {
    answers: { scope, onset: result.suspects.onset, suspects: result.suspects.suspects.map((s) => s.id) },
    notes: notes ?? [],
  };
}

/** The case decision's investigation on the saved connection `id`, as the app asks it. */
async function investigateOn(open: OpenConnections, id: string) {
  const answer = await createConnectionInvestigationHandlers(open)['connections:investigate']({
    id,
    decisionId: caseId,
    featureName: feature,
    options: {},
    evidence: [],
  });
  expect(answer.refused).toBeUndefined();
  return read(answer.result);
}

/** The connection test and the case decision's investigation over `location`. */
async function testAndInvestigate(location: string) {
  const store = connectionStore(join(dir, 'data', String(Math.random()).slice(2)));
  const saved = await store.save({ name: 'Offer decisions', location, mapping: JSON.stringify(FLAT_MAPPING) });
  const open = openConnections(store);
  try {
    const tested = await createConnectionHandlers(store)['connections:test']({ id: saved.id });
    return { tested, ...(await investigateOn(open, saved.id)) };
  } finally {
    await open.closeAll();
  }
}

/** The Monitor's counts of `location` (by model, version, day and outcome), and the decisions since the onset. */
async function monitorCounts(location: string) {
  const opened = await openDecisionSource(location, FLAT_MAPPING);
  try {
    const watch = sqlWatchReader(opened);
    const byDay = (await watch.counts('day')).map((c) => JSON.stringify(c)).sort();
    const model = flatRows().find((r) => r.id === caseId)?.model_name as string;
    return { byDay, since: await watch.since(model, undefined, truth.onset.timestamp) };
  } finally {
    await opened.close();
  }
}

/** The CLI's investigation over the sample's other evidence (so a blast radius) and `location`, notes apart. */
async function cliAnswers(location: string) {
  const r = await investigateWith(location, mappingFile);
  expect(r.code, r.err).toBe(0);
  const { scope, ...rest } = answers(r.json) as unknown as { scope: { notes?: string[] } };
  const { notes, ...counts } = scope;
  return {
    answers: { ...rest, scope: counts },
    notes: notes ?? [],
    affected: r.json.scope.affectedDecisions,
    err: r.err,
  };
}

/** The log with repeats counts as the log without them, and says why. */
async function expectCountedOnce(twice: string, clean: string, data: ReturnType<typeof loggedTwice>) {
  const repeats = data.batch.length + 1;
  const [got, reference] = [await testAndInvestigate(twice), await testAndInvestigate(clean)];
  expect(got.tested.ok).toBe(true);
  expect(got.tested.repeated).toEqual({ rows: repeats, decisions: repeats });
  expect(got.answers).toEqual(reference.answers);
  expect(got.answers.scope.affected).toBeGreaterThan(0);
  const logNote = got.notes.find((x) => x.includes('already logged'));
  expect(logNote).toContain(`${n(repeats)} rows repeat a decision (model and decision id) already logged`);
  expect(logNote).toContain('each decision is counted once, as its earliest row');
  const ownNote = got.notes.find((x) => x.includes(`investigated decision ${caseId}`));
  expect(ownNote).toContain(`is logged 2 times`);
  // The columns that differ, with both rows' values (in time order): the action and the time, nothing else.
  expect(ownNote).toContain(`action_taken ("${data.own.action_taken}" / "${data.relogged.action_taken}")`);
  expect(ownNote?.match(/, [a-z_]+ \(/g) ?? []).toHaveLength(1);

  expect(await monitorCounts(twice)).toEqual(await monitorCounts(clean));
  const [cli, cliClean] = [await cliAnswers(twice), await cliAnswers(clean)];
  expect(cli.answers).toEqual(cliClean.answers);
  expect(cli.affected).toBe(truth.decisions.affected);
  expect(cli.notes).toContainEqual(expect.stringContaining(`${n(repeats)} rows repeat a decision`));
  // Said on stderr too, as a folder's copies are, whether or not the engine answers the investigation.
  expect(cli.err).toContain(`${n(repeats)} rows repeat a decision (model and decision id) already logged`);
  expect(cliClean.err).not.toContain('repeat a decision');
}

describe('a Parquet file holding a batch twice and the case decision re-logged', () => {
  it('counts each decision once, as the file without the repeats, and names them', async () => {
    const data = loggedTwice();
    const [twice, clean] = [join(dir, 'twice.parquet'), join(dir, 'clean.parquet')];
    await writeRowFiles(data.rows, join(dir, 'twice.jsonl'), twice);
    await writeRowFiles(flatRows(), join(dir, 'clean.jsonl'), clean);
    await expectCountedOnce(twice, clean, data);
  }, 240_000);

  it("a bundle cites the model's decisions each once, and verify re-runs those queries with the same rows", async () => {
    const data = loggedTwice();
    const twice = join(dir, 'bundle-twice.parquet');
    await writeRowFiles(data.rows, join(dir, 'bundle-twice.jsonl'), twice);
    const bag = join(dir, 'bag');
    const io = (lines: string[]) => ({ out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) });
    const written = await bundleWith(twice, mappingFile, bag, { decision: caseId });
    expect(written.code, written.err).toBe(0);
    const model = data.own.model_name as string;
    const once = flatRows().filter((r) => r.model_name === model).length;
    expect(
      bagSources(bag)
        .find((e) => e.name === twice)
        ?.queries?.map((q) => [q.params, q.rows]),
    ).toEqual([
      [[caseId], 1],
      [[model], once],
    ]);
    const lines: string[] = [];
    expect(await runVerifyCommand([bag], io(lines)), lines.join('\n')).toBe(0);
    expect(lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(2);
  }, 240_000);

  it('a connection kept open while a batch is loaded twice counts it once at the next investigation', async () => {
    const data = loggedTwice();
    const parquet = join(dir, 'reloaded-while-open.parquet');
    await writeRowFiles(flatRows(), join(dir, 'reloaded-while-open.jsonl'), parquet);
    const store = connectionStore(join(dir, 'data', 'kept-open'));
    const saved = await store.save({
      name: 'Offer decisions',
      location: parquet,
      mapping: JSON.stringify(FLAT_MAPPING),
    });
    const open = openConnections(store);
    try {
      const before = await investigateOn(open, saved.id);
      expect((await open.source(saved.id)).sql.oncePerDecision).toBe(false);
      // The export runs again into the same file: the batch and the re-logged decision are in it now.
      await writeRowFiles(data.rows, join(dir, 'reloaded-while-open.jsonl'), parquet);
      const after = await investigateOn(open, saved.id);
      expect(after.answers).toEqual(before.answers);
      expect(after.notes).toContainEqual(expect.stringContaining(`${n(data.batch.length + 1)} rows repeat a decision`));
      expect((await open.source(saved.id)).sql.oncePerDecision).toBe(true);
    } finally {
      await open.closeAll();
    }
  }, 120_000);

  it('says nothing, and reads the rows as they are, where no row repeats a decision', async () => {
    const parquet = join(dir, 'once.parquet');
    await writeRowFiles(flatRows(), join(dir, 'once.jsonl'), parquet);
    const { tested, notes } = await testAndInvestigate(parquet);
    expect(tested.ok).toBe(true);
    expect(tested.repeated).toBeUndefined();
    expect(notes.filter((x) => x.includes('repeat') || x.includes('investigated decision'))).toEqual([]);
    const opened = await openDecisionSource(parquet, FLAT_MAPPING);
    try {
      expect(opened.sql.oncePerDecision).toBe(false);
      expect(opened.sql.from).toBe(opened.sql.relation);
    } finally {
      await opened.close();
    }
  }, 120_000);
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())('a PostgreSQL table into which a batch was loaded twice, on a real server', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('counts each decision once, as the table without the repeats, and names them', async () => {
    const data = loggedTwice();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    const columns = `id text, ts timestamptz, customer text, model_name text, model_version text, env text,
       prediction text, score double precision, action_taken text, "${feature}" boolean, ds_namespace text,
       ds_name text, ds_version text, feat_version text`;
    await createRowTable(admin, 'offers', columns, data.rows);
    await createRowTable(admin, 'offers_clean', columns, flatRows());
    await admin.end();
    const table = (name: string) => {
      const url = new URL(server.adminUrl);
      url.searchParams.set('table', name);
      return url.toString();
    };
    await expectCountedOnce(table('offers'), table('offers_clean'), data);
  }, 240_000);

  it('takes a key the server keeps unique over the decision id (and model) as proof that nothing repeats', async () => {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    const columns = `id text, ts timestamptz, customer text, model_name text, model_version text, env text,
       prediction text, score double precision, action_taken text, "${feature}" boolean, ds_namespace text,
       ds_name text, ds_version text, feat_version text`;
    const some = flatRows().slice(0, 50);
    const keyed = {
      keyed_by_id: 'ALTER TABLE keyed_by_id ADD PRIMARY KEY (id)',
      keyed_by_model_and_id: 'CREATE UNIQUE INDEX ON keyed_by_model_and_id (model_name, id)',
      keyed_by_customer: 'CREATE UNIQUE INDEX ON keyed_by_customer (customer, id, ts)',
      keyed_in_part: `CREATE UNIQUE INDEX ON keyed_in_part (id) WHERE env = 'prod'`,
    };
    for (const [name, key] of Object.entries(keyed)) {
      await createRowTable(admin, name, columns, some);
      await admin.query(key);
    }
    await admin.end();
    const unique: Record<string, boolean> = {};
    for (const name of Object.keys(keyed)) {
      const url = new URL(server.adminUrl);
      url.searchParams.set('table', name);
      const opened = await openDecisionSource(url.toString(), FLAT_MAPPING);
      try {
        unique[name] = await keptUnique(opened.engine, opened.table);
        expect(opened.repeated).toEqual({ rows: 0, decisions: 0 });
        expect(opened.sql.oncePerDecision).toBe(false);
      } finally {
        await opened.close();
      }
    }
    // A key over other columns too, or one that holds only for some rows, proves nothing: the log is asked.
    expect(unique).toEqual({
      keyed_by_id: true,
      keyed_by_model_and_id: true,
      keyed_by_customer: false,
      keyed_in_part: false,
    });
  }, 120_000);
});
