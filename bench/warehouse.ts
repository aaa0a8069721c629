/**
 * Decision logs read in place, at scale: generates N decisions as hive-partitioned Parquet with DuckDB
 * (`WAREHOUSE_ROWS`, default 10 million; the issue's target is 100 million — `WAREHOUSE_ROWS=100000000`, about 3 GB
 * and several minutes to write), then times the queries an investigation and `watch` push down: the investigated
 * decision, its neighbourhood (the first page of its version's decisions), the onset's outcome series, the scope
 * counts, the whole investigation with the engine answering (pushed-investigation.ts), the first chunk of the affected
 * subjects' export, the rows repeating a decision (repeated-rows.ts: of the scope, the decision's own, the whole log —
 * which opening the log asks), and watch's counts by model, version, day and outcome — medians of `runs`, against 5 s
 * each (30 s for watch and the whole log's repeats), with the process's peak resident memory (DuckDB's included).
 * Then the same queries over the log with 1% of one model's rows exported again into another file (a re-run of an
 * export, in other bytes): every query reads each decision once (decision-sql.ts `oncePerDecision`), and what that
 * costs is printed beside the first. With `--postgres` (or
 * WAREHOUSE_POSTGRES=1) and Debian's PostgreSQL installed, the same rows (at most 10 million) are generated in a
 * throwaway server and timed side by side. The data goes to node_modules/.cache/lineage-bench/warehouse-N
 * (`WAREHOUSE_DIR`), kept for reruns. Not run by the tests; `npx tsx bench/warehouse.ts` runs it alone.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import type { ImportMapping } from '../shared/importers/mapping';
import { startPostgres } from '../e2e/throwaway-postgres';
import { findDecision, openDecisionSource, type DecisionSource } from '../electron/warehouse/decision-source';
import { outcomeSeries, versionPage, versionScope } from '../electron/warehouse/decision-queries';
import { pushedInvestigation } from '../electron/warehouse/pushed-investigation';
import { repeatedRows } from '../electron/warehouse/repeated-rows';
import { sqlWatchReader } from '../electron/warehouse/watch-reader';
import { affectedSubjectsQuery } from '../shared/warehouse/affected-selection';
import { ownRowsQuery } from '../shared/warehouse/repeated-decisions';
import { toEvidenceSet } from '../shared/model/evidence-set';
import { report } from './stats';

const ROWS = Number(process.env.WAREHOUSE_ROWS ?? 10_000_000);
const DIR = resolve(process.env.WAREHOUSE_DIR ?? join('node_modules', '.cache', 'lineage-bench', `warehouse-${ROWS}`));
const MODELS = 4;
const DAYS = 90;
const SPAN_S = DAYS * 86_400;
const START = '2026-01-01 00:00:00+00';

const MAPPING: ImportMapping = {
  kind: 'decision-log',
  fields: {
    decision_id: 'id',
    timestamp: 'ts',
    subject_id: 'customer',
    'model.name': 'model_name',
    'model.version': 'model_version',
    action: 'action_taken',
    'features[].feature_version': 'feat_version',
  },
  features: ['eligibility_flag'],
};

/**
 * The generated log's columns as SQL over a row number `i` (the same in DuckDB and PostgreSQL): decisions spread
 * evenly over 90 days and four models; the feature version steps every 10 days; from day 63 (v7) model m-0 rejects
 * 60% instead of 30% — the incident the queries look for.
 */
function columns(hash: (e: string) => string, idiv: (a: string, b: string) => string, n: string): string {
  const day = idiv(`i * ${DAYS}`, n);
  const rejectRate = `(CASE WHEN i % ${MODELS} = 0 AND ${day} >= 63 THEN 60 ELSE 30 END)`;
  return [
    `'d-' || CAST(i AS VARCHAR) AS id`,
    `TIMESTAMPTZ '${START}' + ${idiv(`CAST(i AS BIGINT) * ${SPAN_S}`, n)} * INTERVAL '1 second' AS ts`,
    `'u-' || CAST(${hash('i')} % 2000000 AS VARCHAR) AS customer`,
    `'m-' || CAST(i % ${MODELS} AS VARCHAR) AS model_name`,
    `CASE WHEN ${day} < 45 THEN '1.0' ELSE '1.1' END AS model_version`,
    `CASE WHEN ${hash('i + 7')} % 100 < ${rejectRate} THEN 'reject' ELSE 'approve' END AS action_taken`,
    `${hash('i + 13')} % 2 = 0 AS eligibility_flag`,
    `'v' || CAST(${idiv(day, '10')} AS VARCHAR) AS feat_version`,
  ].join(', ');
}

async function generateParquet(): Promise<void> {
  if (existsSync(join(DIR, 'done'))) return;
  console.log(`      writing ${ROWS.toLocaleString('en-US')} decisions as Parquet into ${DIR} (once)…`);
  const t0 = performance.now();
  mkdirSync(DIR, { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run("SET TimeZone = 'UTC'");
  await c.run(
    `COPY (SELECT ${columns(
      (e) => `(hash(${e}) % 1000000007)`,
      (a, b) => `((${a}) // (${b}))`,
      String(ROWS),
    )} FROM range(${ROWS}) t(i)) ` +
      `TO '${join(DIR, 'log')}' (FORMAT parquet, PARTITION_BY (model_name), OVERWRITE_OR_IGNORE)`,
  );
  await c.run(`COPY (SELECT 1) TO '${join(DIR, 'done')}' (FORMAT csv)`);
  c.closeSync();
  db.closeSync();
  console.log(`      written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/**
 * The log again, with 1% of model m-0's rows (every hundredth) written a second time into another file of its
 * partition: a re-run of an export, its bytes not the original's.
 */
async function generateRepeats(): Promise<string> {
  const again = join(DIR, 'log-again');
  if (existsSync(`${again}.done`)) return again;
  cpSync(join(DIR, 'log'), again, { recursive: true });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * EXCLUDE (model_name) FROM read_parquet('${join(DIR, 'log', 'model_name=m-0', '*.parquet')}') ` +
      `WHERE CAST(substr(id, 3) AS BIGINT) % 400 = 0 ORDER BY ts DESC) ` +
      `TO '${join(again, 'model_name=m-0', 'rerun.parquet')}' (FORMAT parquet)`,
  );
  await c.run(`COPY (SELECT 1) TO '${again}.done' (FORMAT csv)`);
  c.closeSync();
  db.closeSync();
  return again;
}

async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await f();
    times.push(performance.now() - t0);
  }
  return { times, last: last as T };
}

/** Times each pushed-down query on one source; returns whether every median met its target. */
async function benchSource(name: string, source: DecisionSource, runs: number): Promise<boolean> {
  const id = `d-${Math.floor(ROWS * 0.8) - (Math.floor(ROWS * 0.8) % MODELS)}`;
  let ok = true;
  const found = await timed(runs, () => findDecision(source, id));
  ok = report(`${name}: the investigated decision by id`, found.times, 5000) && ok;
  const d = found.last.decisions[0];
  if (!d) throw new Error(`${source.label}: no decision ${id}`);
  const version = d.features[0]?.featureVersion ?? '';
  const page = await timed(runs, () =>
    versionPage(source, d.model.name, 'feature_version', version, { limit: 100, offset: 0 }),
  );
  ok = report(`${name}: neighbourhood (first page of its version's decisions)`, page.times, 5000) && ok;
  const series = await timed(runs, () =>
    outcomeSeries(source, { model: d.model.name, outcome: d.action ?? '', until: d.timestamp, by: 'feature_version' }),
  );
  ok = report(`${name}: onset series (${series.last.length} feature versions)`, series.times, 5000) && ok;
  const scope = await timed(runs, () => versionScope(source, d.model.name, 'feature_version', version));
  ok =
    report(`${name}: scope counts (${scope.last.decisions.toLocaleString('en-US')} decisions)`, scope.times, 5000) &&
    ok;
  // The whole investigation with the engine answering (pushed-investigation.ts): onset series and its finer look,
  // the cited decisions, the scope counts and tallies; the log has no lineage and no change, so nothing falls back.
  const feature = d.features[0]?.name ?? '';
  const investigated = await timed(runs, () => pushedInvestigation(source, toEvidenceSet([d]), d, feature, {}));
  if (!('result' in investigated.last))
    throw new Error(`${source.label}: not pushed down: ${investigated.last.refused}`);
  const { scope: s, suspects } = investigated.last.result;
  ok =
    report(
      `${name}: investigate, pushed down (onset ${suspects.onset.key ?? suspects.onset.onset}, ${s.affected.toLocaleString('en-US')} affected, ${investigated.last.cited.length} decisions read)`,
      investigated.times,
      5000,
    ) && ok;
  // The affected subjects' export of a case read in place: its first chunk of 20,000 subjects, grouped by the engine.
  const selection = {
    by: 'versions',
    model: d.model.name,
    versionKind: 'feature_version',
    versions: [version],
  } as const;
  const subjects = await timed(runs, () =>
    source.engine.query(affectedSubjectsQuery(source.sql, selection, { limit: 20_000, offset: 0 })),
  );
  ok = report(`${name}: affected subjects, first chunk (${subjects.last.length})`, subjects.times, 5000) && ok;
  // What the log repeats (repeated-rows.ts), asked apart from the counts: once per investigation (its scope's affected
  // rows and the decision's own) and per connection test (the whole log). The investigation's time above includes the first two.
  const repeated = await timed(runs, () => repeatedRows(source, selection));
  report(`${name}: affected rows repeating a decision (${repeated.last.rows})`, repeated.times, 5000);
  const own = await timed(runs, () => source.engine.query(ownRowsQuery(source.sql, d.model.name, d.decisionId)));
  report(`${name}: the decision's own rows (${own.last.length})`, own.times, 5000);
  const whole = await timed(Math.min(runs, 3), () => repeatedRows(source));
  report(`${name}: rows repeating a decision, whole log (connection test)`, whole.times, 30_000);
  const watch = await timed(Math.min(runs, 3), () => sqlWatchReader(source).counts('day'));
  ok = report(`${name}: watch counts (${watch.last.length} model/version/day/outcome rows)`, watch.times, 30_000) && ok;
  return ok;
}

/** Generates (once) and times; returns whether every median met its target. */
export async function benchWarehouse(runs = 5, withPostgres = false): Promise<boolean> {
  await generateParquet();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const rows = ROWS.toLocaleString('en-US');
  // Opening asks the whole log whether any row repeats a decision (decision-source.ts).
  const opening = await timed(Math.min(runs, 3), async () =>
    (await openDecisionSource(join(DIR, 'log'), MAPPING)).close(),
  );
  report(
    `DuckDB, ${rows} decisions in Parquet: opening the log (whether rows repeat a decision)`,
    opening.times,
    30_000,
  );
  const parquet = await openDecisionSource(join(DIR, 'log'), MAPPING);
  let ok: boolean;
  try {
    ok = await benchSource(`DuckDB, ${rows} decisions in Parquet`, parquet, runs);
  } finally {
    await parquet.close();
  }
  const repeating = await openDecisionSource(await generateRepeats(), MAPPING);
  try {
    const repeated = repeating.repeated.rows.toLocaleString('en-US');
    ok =
      (await benchSource(`DuckDB, ${rows} in Parquet + ${repeated} rows again, each decision once`, repeating, runs)) &&
      ok;
  } finally {
    await repeating.close();
  }
  clearInterval(sample);
  const gb = (bytes: number) => (bytes / 2 ** 30).toFixed(2);
  console.log(
    `      peak resident memory: ${gb(peakRss)} GB, ${gb(peakRss - baseRss)} GB more than before the queries ` +
      `(target < 2 GB)`,
  );
  ok = peakRss - baseRss < 2 * 2 ** 30 && ok;
  if (withPostgres) ok = (await benchPostgres(runs)) && ok;
  return ok;
}

async function benchPostgres(runs: number): Promise<boolean> {
  const rows = Math.min(ROWS, 10_000_000);
  const server = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    console.log(`      generating ${rows.toLocaleString('en-US')} decisions in PostgreSQL…`);
    const t0 = performance.now();
    const hash = (e: string) => `(CAST(hashint8(CAST(${e} AS BIGINT)) AS BIGINT) & 2147483647)`;
    await admin.query(
      `CREATE TABLE decisions AS SELECT ${columns(hash, (a, b) => `div(${a}, ${b})`, String(rows)).replace(/VARCHAR/g, 'TEXT')} ` +
        `FROM generate_series(0, ${rows - 1}) AS t(i)`,
    );
    await admin.query('CREATE INDEX ON decisions (id); CREATE INDEX ON decisions (model_name, feat_version)');
    await admin.query('ANALYZE decisions');
    await admin.end();
    console.log(`      generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const url = new URL(server.adminUrl);
    url.searchParams.set('table', 'decisions');
    const source = await openDecisionSource(url.toString(), MAPPING);
    try {
      return await benchSource(`PostgreSQL, ${rows.toLocaleString('en-US')} decisions`, source, runs);
    } finally {
      await source.close();
    }
  } finally {
    server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const withPostgres = process.argv.includes('--postgres') || process.env.WAREHOUSE_POSTGRES === '1';
  benchWarehouse(Number(process.env.BENCH_RUNS ?? 5), withPostgres).then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
