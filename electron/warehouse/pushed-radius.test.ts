/**
 * The blast radius, the change-point interval and the onset's series by data version, counted by the engine that
 * holds the decision log (Parquet through DuckDB, a table on a real PostgreSQL server), against the in-memory engine
 * over the same rows read whole: generated logs (the sample, and worlds whose radius ends at a recovery), as a
 * warehouse keeps them (one flat row per decision).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { writeWorld } from '../../generators/worlds/write-world.js';
import { blastRadius } from '../../shared/analysis/blast-radius.js';
import { changeInterval } from '../../shared/analysis/change-interval.js';
import { runEngine } from '../../shared/analysis/engine.js';
import { estimateOnset } from '../../shared/analysis/onset.js';
import type { ImportMapping } from '../../shared/importers/mapping.js';
import { toEvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { FLAT_MAPPING } from './flat-sample.fixture.js';
import { loadSources } from './load-sources.js';
import { pushedInterval } from './pushed-interval.js';
import { pushedBlastRadius } from './pushed-radius.js';
import { placedReads, versionSeries } from './pushed-reads.js';

const dir = mkdtempSync(join(tmpdir(), 'li-pushed-radius-'));
const git = createGitRunner();

interface Log {
  readonly name: string;
  /** The other evidence. */
  readonly inputs: ReadonlyArray<string>;
  readonly decisionsJsonl: string;
  readonly decisionId: string;
  readonly feature: string;
}

const COLUMNS = ['id', 'ts', 'customer', 'model_name', 'model_version', 'env', 'prediction', 'action_taken'];
const DATASET = ['ds_namespace', 'ds_name', 'ds_version', 'feat_version'];

/** One flat row per decision: the investigated feature's value as a column, its dataset and versions beside. */
function flatRows(log: Log): Array<Record<string, string | null>> {
  return readFileSync(log.decisionsJsonl, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const d = JSON.parse(line);
      const f = d.features.find((x: { name: string }) => x.name === log.feature);
      const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
      return {
        id: d.decision_id,
        ts: d.timestamp,
        customer: text(d.subject_id),
        model_name: d.model.name,
        model_version: text(d.model.version),
        env: text(d.environment),
        prediction: text(d.output?.label),
        action_taken: text(d.action),
        [log.feature]: text(f?.value),
        ds_namespace: text(f?.dataset?.namespace),
        ds_name: text(f?.dataset?.name),
        ds_version: text(f?.dataset_version),
        feat_version: text(f?.feature_version),
      };
    });
}

/** The flat rows' mapping (the sample fixture's); `versions` says which versions the log names: all, the dataset's, none. */
function mappingOf(feature: string, versions: 'both' | 'dataset' | 'none'): ImportMapping {
  const {
    'output.score': _score,
    'features[].dataset_version': datasetVersion,
    'features[].feature_version': featureVersion,
    ...fields
  } = FLAT_MAPPING.fields;
  return {
    kind: 'decision-log',
    fields: {
      ...fields,
      ...(versions !== 'none' && { 'features[].dataset_version': datasetVersion }),
      ...(versions === 'both' && { 'features[].feature_version': featureVersion }),
    },
    features: [feature],
  };
}

/** Writes the log's flat rows as Parquet; creates them as a table on the server, when there is one. */
async function writeFlat(log: Log, admin?: pg.Client): Promise<string> {
  const rows = flatRows(log);
  const jsonl = join(dir, `${log.name}.jsonl`);
  const parquet = join(dir, `${log.name}.parquet`);
  writeFileSync(jsonl, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Times typed as a warehouse types them (read back as instants, as from PostgreSQL).
  const types = [...COLUMNS, log.feature, ...DATASET]
    .map((k) => `${k}: '${k === 'ts' ? 'TIMESTAMPTZ' : 'VARCHAR'}'`)
    .join(', ');
  await c.run(
    `COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited', columns = {${types}})) TO '${parquet}' (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
  if (admin) {
    const columns = [...COLUMNS, log.feature, ...DATASET].map((k) => `"${k}" ${k === 'ts' ? 'timestamptz' : 'text'}`);
    await admin.query(`CREATE TABLE ${log.name} (${columns.join(', ')})`);
    for (let i = 0; i < rows.length; i += 1000)
      await admin.query(`INSERT INTO ${log.name} SELECT * FROM json_populate_recordset(NULL::${log.name}, $1)`, [
        JSON.stringify(rows.slice(i, i + 1000)),
      ]);
  }
  return parquet;
}

/** The log read whole (the model's decisions in memory), and read in place with only the decision taken out. */
async function opened(log: Log, spec: string, mapping: ImportMapping) {
  const options = { git, cacheDir: join(dir, 'cache'), mapping };
  const whole = await loadSources([...log.inputs, spec], log.decisionId, options);
  const inPlace = await loadSources([...log.inputs, spec], log.decisionId, { ...options, pushDown: true });
  if (!inPlace.pushDown) throw new Error(`${spec}: not read in place`);
  const find = (ds: ReadonlyArray<Decision>) => ds.find((d) => d.decisionId === log.decisionId) as Decision;
  return {
    whole,
    inPlace,
    source: inPlace.pushDown.source,
    decision: find(whole.set.decisions),
    own: find(inPlace.set.decisions),
  };
}

/** What the in-memory engine and the engine holding the log each say, on one log at one location. */
async function compare(log: Log, spec: string) {
  const o = await opened(log, spec, mappingOf(log.feature, 'both'));
  try {
    expect(o.inPlace.set.decisions).toHaveLength(1);
    const result = runEngine(o.whole.set, o.decision, log.feature);
    const { onset, suspects } = result.suspects;
    const cause = suspects[0];
    if (!cause) throw new Error(`${log.name}: no suspect`);
    const reads = placedReads(o.source, o.inPlace.set, o.own, log.feature);
    const inMemory = blastRadius(o.whole.set, o.decision, log.feature, cause, result.trace, onset);
    const pushed = await pushedBlastRadius(reads, o.inPlace.set, o.own, log.feature, cause, result.trace, onset);
    const windowStart = Date.parse(onset.onset) - 30 * 86_400_000;
    const interval = changeInterval(o.whole.set, o.decision, log.feature, windowStart);
    const pushedIv = await pushedInterval(reads, o.inPlace.set, o.own, log.feature, windowStart);
    return { onset, inMemory, pushed, interval, pushedIv };
  } finally {
    await o.inPlace.pushDown?.close();
  }
}

/** The onset's series by data version where the log names no feature version, both ways. */
async function series(log: Log, spec: string, versions: 'dataset' | 'none') {
  const o = await opened(log, spec, mappingOf(log.feature, versions));
  try {
    const onset = estimateOnset(o.whole.set, o.decision, log.feature);
    const reads = placedReads(o.source, o.inPlace.set, o.own, log.feature);
    const logged = onset.seriesBy === 'dataset_version';
    const pushed = await versionSeries(reads, { until: o.own.timestamp }, onset.outcome, logged);
    // Without the lineage no decision's data is placed: one bin of every decision up to the investigated one.
    const unplaced = placedReads(o.source, toEvidenceSet([o.own]), o.own, log.feature);
    const alone = await versionSeries(unplaced, { until: o.own.timestamp }, onset.outcome, false);
    return { onset, pushed, alone };
  } finally {
    await o.inPlace.pushDown?.close();
  }
}

const strip = (iv: ReturnType<typeof changeInterval>) => iv && { ...iv, likelihood: undefined };

const SAMPLE_TRUTH = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const SAMPLE: Log = {
  name: 'sample',
  inputs: ['audit-log.jsonl', 'deployments.jsonl', 'enforcement-log.jsonl', 'openlineage-events.ndjson']
    .concat(['pipeline-config.bundle', 'pull-requests.json'])
    .map((f) => join('assets/sample', f)),
  decisionsJsonl: 'assets/sample/decisions.jsonl',
  decisionId: SAMPLE_TRUTH.caseDecisionId,
  feature: SAMPLE_TRUTH.feature.name,
};

/**
 * Generated worlds whose radius ends at a recovery: 17, an identity merge by hand naming the subjects it reached,
 * undone by a later entry; 14, an approved commit with a bug, fixed by a later deployment. And worlds whose cause
 * changed identity resolution, its radius limited to the subjects the exported identity graph shows merged after it:
 * 5 (an audited identity rule) and 149 (a commit to the stitching job).
 */
const WORLDS = [17, 14];
const IDENTITY_WORLDS = [5, 149];

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe('pushed down where the lineage places each decision: the same radius, interval and series', () => {
  const logs: Log[] = [SAMPLE];
  const specs = new Map<string, string[]>();
  let server: ThrowawayPostgres | undefined;

  beforeAll(async () => {
    for (const seed of [...WORLDS, ...IDENTITY_WORLDS]) {
      const worldDir = join(dir, `world-${seed}`);
      const truth = await writeWorld(seed, worldDir);
      logs.push({
        name: `world${seed}`,
        inputs: truth.inputs.filter((p) => p !== 'decisions.jsonl').map((p) => join(worldDir, p)),
        decisionsJsonl: join(worldDir, 'decisions.jsonl'),
        decisionId: truth.case.decisionId,
        feature: truth.case.featureName,
      });
    }
    let admin: pg.Client | undefined;
    if (!skipPostgres()) {
      server = await startPostgres();
      admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
    }
    for (const log of logs) {
      const parquet = await writeFlat(log, admin);
      const url = server && `${server.adminUrl.replace(/\?.*$/, '')}?table=${log.name}`;
      specs.set(log.name, [parquet, ...(url ? [url] : [])]);
    }
    await admin?.end();
  }, 180_000);

  afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['sample', ...[...WORLDS, ...IDENTITY_WORLDS].map((w) => `world${w}`)])
    it(`${name}: the blast radius and the change-point interval`, async () => {
      const log = logs.find((l) => l.name === name) as Log;
      for (const spec of specs.get(name) ?? []) {
        const { inMemory, pushed, interval, pushedIv } = await compare(log, spec);
        const { decisions, ...rest } = inMemory;
        const { filter: _filter, ...counted } = pushed;
        expect(decisions.length).toBeGreaterThan(0);
        expect({ ...counted, subjects: counted.subjects && [...counted.subjects].sort() }).toEqual({
          ...rest,
          decisions: decisions.length,
          subjects: rest.subjects && [...rest.subjects].sort(),
        });
        expect(strip(pushedIv)).toEqual(strip(interval));
        if (name === 'sample') expect(interval).toBeDefined();
        else if (WORLDS.some((w) => name === `world${w}`)) expect(pushed.recovery).toBeDefined();
        else expect(pushed.notes.join('\n')).toMatch(/the identity graph shows \d+ merge/);
        if (name !== 'sample' && name !== 'world14') expect(pushed.subjects?.length).toBeGreaterThan(0);
      }
    }, 180_000);

  it('the onset series by dataset version and by run', async () => {
    // World 17's log names no dataset versions: its series is by run either way.
    for (const log of logs.filter((l) => l.name === 'sample' || l.name === 'world14'))
      for (const spec of specs.get(log.name) ?? [])
        for (const versions of ['dataset', 'none'] as const) {
          const { onset, pushed, alone } = await series(log, spec, versions);
          const total = onset.series.reduce((n, b) => n + b.decisions, 0);
          expect(alone.map((b) => [b.key, b.decisions])).toEqual([['(unknown)', total]]);
          // By the versions the log names where it names every one, else by the runs the lineage says wrote them.
          expect(onset.seriesBy).toBe(versions === 'dataset' ? 'dataset_version' : 'run');
          expect(pushed.length).toBeGreaterThan(2);
          expect(pushed).toEqual(onset.series);
        }
  }, 300_000);
});
