/**
 * The dbt join on the real fixture pairs: a project's manifest.json (and run_results.json) from the OpenLineage dbt
 * integration's tests, with the events that integration emitted for the same invocation (same invocation_id). Facts
 * checkable in the files: the models and their checksums and files in the manifest, the job and dataset names in the
 * events.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { traceDecision } from '../analysis/trace';
import { importInput } from '../importers/index';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision, EvidenceRecord } from '../model/records';
import { lineageModel, type LineageModel } from './lineage-model';
import { downstreamAt, upstreamAt } from './neighbours';
import { datasetTraceNode } from './trace-nodes';

/**
 * The integration's test expectations write every run id as the matcher `{{ any(result) }}`; filled in with one id
 * (as any value satisfies it), the events are surely runs placed in time, as dbt-ol emits them. The join must hold
 * either way: with runs from the events, or with the events as static lineage and the runs from run_results.json.
 */
const withRunIds = (text: string) =>
  text.replaceAll('"runId": "{{ any(result) }}"', '"runId": "0b3f5e8e-6a8c-4c1e-9d55-1e0f3a4b7c21"');
const read = (path: string, edit: (text: string) => string = (t) => t): EvidenceRecord[] => {
  const text = edit(readFileSync(realFixture(path), 'utf8'));
  const result = importInput({ name: path, sha256: path, size: text.length, text });
  expect(result.rejections).toEqual([]);
  return [...result.records];
};
const modelOf = (...records: EvidenceRecord[][]) => lineageModel(toEvidenceSet(records.flat()));

const POSTGRES = [
  read('dbt/ol_v7_postgres_1.3.1/manifest.json'),
  read('dbt/ol_v7_postgres_1.3.1/run_results.json'),
  read('openlineage/ol_dbt_postgres_run_events.json'),
];
// model → its file and checksum in manifest.json
const MODELS: Record<string, [string, string]> = {
  customers: ['models/customers.sql', 'sha256:5388003af87ae7b2'],
  orders: ['models/orders.sql', 'sha256:53950235d8e29690'],
  stg_customers: ['models/staging/stg_customers.sql', 'sha256:6f18a29204dad1de'],
  stg_orders: ['models/staging/stg_orders.sql', 'sha256:afffa9cbc57e5fd2'],
  stg_payments: ['models/staging/stg_payments.sql', 'sha256:eb899938258d1fba'],
};
const id = (ref: { namespace: string; name: string }) => `${ref.namespace}:${ref.name}`;
const joinedJob = (model: LineageModel, uniqueId: string) => model.dbt?.jobs.find((j) => j.uniqueId === uniqueId);

/** Each model is one job under the integration's name, with one run and its manifest checksum and file. */
function expectModelsJoined(model: LineageModel) {
  for (const [name, [file, checksum]] of Object.entries(MODELS)) {
    const jobId = `job-namespace:postgres.public.jaffle_shop.${name}`;
    expect(id(joinedJob(model, `model.jaffle_shop.${name}`)!.job)).toBe(jobId);
    expect(model.runsOfJob(jobId).map((r) => r.state)).toEqual(['COMPLETE']);
    const versions = model.jobVersionsOf(jobId);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.identity).toBe('checksum');
    expect(versions[0]!.version.startsWith(`checksum:${checksum}`)).toBe(true);
    expect(versions[0]!.codePath).toBe(file);
    expect(versions[0]!.declaredBy?.pointer).toBe(`/nodes/model.jaffle_shop.${name}`);
    expect(model.runsOfJob(`dbt:model.jaffle_shop.${name}`)).toEqual([]);
  }
  expect(model.runs.runs).toHaveLength(5);
}

describe('dbt on Postgres, artifact mode: manifest v7, run_results and the dbt-ol events of invocation 1269f08d', () => {
  it('makes the 5 models 5 jobs named as the integration names them, each with its run and checksum version', () => {
    const model = modelOf(...POSTGRES);
    expectModelsJoined(model);
  });

  it('counts a run_results result and the OpenLineage run of the same invocation once', () => {
    const events = read('openlineage/ol_dbt_postgres_run_events.json', withRunIds);
    const model = modelOf(POSTGRES[0]!, POSTGRES[1]!, events);
    expectModelsJoined(model);
    expect(model.dbt?.sameRuns.map((r) => r.runResult.pointer).sort()).toEqual([
      '/results/0',
      '/results/1',
      '/results/2',
      '/results/3',
      '/results/4',
    ]);
  });

  it('joins orders by its dbt_node facet and the others by the database.schema.package.model name', () => {
    const model = modelOf(...POSTGRES);
    expect(joinedJob(model, 'model.jaffle_shop.orders')?.openLineageJobs).toEqual([
      { id: 'job-namespace:postgres.public.jaffle_shop.orders', matchedBy: 'dbt_node facet' },
    ]);
    expect(joinedJob(model, 'model.jaffle_shop.stg_orders')?.openLineageJobs[0]?.matchedBy).toBe('relation name');
    expect(joinedJob(model, 'seed.jaffle_shop.raw_orders')?.openLineageJobs).toEqual([]);
  });

  it('makes each relation one dataset in the namespace of the events, and says what rests on names', () => {
    const model = modelOf(...POSTGRES);
    const joined = Object.fromEntries(
      (model.dbt?.datasets ?? []).map((d) => [d.relation, [id(d.dataset), d.matchedBy]]),
    );
    const ns = 'postgres://POSTGRES_HOST:1234';
    for (const t of Object.keys(MODELS)) {
      expect(joined[`dbt:postgres.public.${t}`]).toEqual([`${ns}:postgres.public.${t}`, 'name']);
    }
    // The seeds: no event names them (the integration reports model and source parents only); they are in the one
    // namespace every other relation of their manifest was found in.
    for (const t of ['raw_customers', 'raw_orders', 'raw_payments']) {
      expect(joined[`dbt:postgres.public.${t}`]).toEqual([`${ns}:postgres.public.${t}`, 'connection']);
    }
    expect(model.datasetIds.filter((d) => d.startsWith('dbt:'))).toEqual([]);
    expect(model.dbt?.warnings).toEqual([
      expect.stringMatching(/^job namespace "job-namespace" is not in any manifest .*: 5 dbt nodes joined by job name/),
      expect.stringMatching(
        /^dataset namespace "postgres:\/\/POSTGRES_HOST:1234" .*5 relations joined by name on the adapter postgres; 3 relations/,
      ),
    ]);
  });

  it('traces a decision on orders to the joined job at its manifest version and file', () => {
    const decision: Decision = {
      kind: 'decision',
      decisionId: 'd-1',
      timestamp: '2022-12-15T00:00:00Z',
      model: { name: 'm' },
      features: [
        { name: 'f', dataset: { namespace: 'postgres://POSTGRES_HOST:1234', name: 'postgres.public.orders' } },
      ],
      provenance: { sourceId: 'decisions', line: 1 },
    };
    const trace = traceDecision(toEvidenceSet([...POSTGRES.flat(), decision]), decision, 'f');
    const job = trace.nodes.find((n) => n.id === 'job-namespace:postgres.public.jaffle_shop.orders');
    expect(job?.version).toBe('checksum:sha256:53950235d8e29690d259e95ee49bda6a5b7911b44c739b738a646dc6014bcfcd');
    expect(job?.details?.['code path']).toBe('models/orders.sql');
    expect(trace.jobs.map((j) => j.id).sort()).toEqual([
      'job-namespace:postgres.public.jaffle_shop.orders',
      'job-namespace:postgres.public.jaffle_shop.stg_orders',
      'job-namespace:postgres.public.jaffle_shop.stg_payments',
    ]);
    expect(trace.nodes.some((n) => n.id.startsWith('dbt:'))).toBe(false);
  });
  it('expands on the graph through the joined jobs: downstream of stg_orders are orders and customers', () => {
    const model = modelOf(...POSTGRES);
    const stg = 'postgres://POSTGRES_HOST:1234:postgres.public.stg_orders';
    const t = Date.parse('2022-12-15T00:00:00Z');
    const node = datasetTraceNode(stg, model.versionAt(stg, t), { depth: 2 });
    const down = downstreamAt(model, node, t).map((s) => [s.node.id, s.node.version?.slice(0, 26)]);
    expect(down.sort()).toEqual([
      ['job-namespace:postgres.public.jaffle_shop.customers', 'checksum:sha256:5388003af8'],
      ['job-namespace:postgres.public.jaffle_shop.orders', 'checksum:sha256:53950235d8'],
    ]);
    expect(upstreamAt(model, node, t).map((s) => s.node.id)).toEqual([
      'job-namespace:postgres.public.jaffle_shop.stg_orders',
    ]);
  });
});

describe('dbt structured-logs mode: manifest v12 and the events of the same invocation', () => {
  const BUILD = 'dbt/ol_v12_structlogs_postgres_build_1.8.2/manifest.json';
  const BUILD_EVENTS = 'openlineage/ol_dbt_structlogs_postgres_build_events.json';

  it('dbt build on Postgres: every node that ran is one job under its unique_id', () => {
    const model = modelOf(read(BUILD), read(BUILD_EVENTS));
    const ran = (model.dbt?.jobs ?? []).filter((j) => j.openLineageJobs.length > 0 && !j.uniqueId.startsWith('test.'));
    // orders never started in this build (no event names it).
    expect(ran.map((j) => id(j.job)).sort()).toEqual(
      [
        'model.jaffle_shop.customers',
        'model.jaffle_shop.stg_customers',
        'model.jaffle_shop.stg_orders',
        'model.jaffle_shop.stg_payments',
        'seed.jaffle_shop.raw_customers',
        'seed.jaffle_shop.raw_orders',
        'seed.jaffle_shop.raw_payments',
        'snapshot.jaffle_shop.orders_snapshot',
      ].map((u) => `dbt-test-namespace:${u}`),
    );
    expect(ran.every((j) => j.openLineageJobs[0]?.matchedBy === 'unique_id')).toBe(true);
    const reasons = new Map(model.dbt?.unjoined.map((u) => [u.id, u.reason]));
    expect(reasons.get('dbt-test-namespace:dbt-run-jaffle_shop')).toMatch(/the dbt invocation itself/);
    expect(reasons.get('dbt-test-namespace:model.jaffle_shop.stg_orders.sql.1')).toMatch(
      /one SQL statement run for model\.jaffle_shop\.stg_orders/,
    );
    const snapshot = model.dbt?.datasets.find((d) => d.relation === 'dbt:postgres.snapshots.orders_snapshot');
    expect(snapshot && id(snapshot.dataset)).toBe('postgres://postgres:5432:postgres.snapshots.orders_snapshot');
  });

  it('versions each run by its node in the manifest: checksum and file, a test by its compiled SQL', () => {
    const model = modelOf(read(BUILD), read(BUILD_EVENTS, withRunIds));
    const seed = model.jobVersionsOf('dbt-test-namespace:seed.jaffle_shop.raw_orders');
    expect(seed.map((v) => [v.identity, v.codePath])).toEqual([['checksum', 'seeds/raw_orders.csv']]);
    const stg = model.jobVersionsOf('dbt-test-namespace:model.jaffle_shop.stg_orders');
    expect(stg[0]?.version).toMatch(/^checksum:sha256:f4f881cb09d2c4/);
    // A test has no checksum ({"name": "none"}): its version is the hash of its compiled SQL, its file schema.yml.
    const test = model.jobVersionsOf('dbt-test-namespace:test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1');
    expect(test.map((v) => [v.identity, v.codePath])).toEqual([['code-hash', 'models/schema.yml']]);
  });

  it('a failed run of another invocation takes the version of the latest manifest before it', () => {
    const model = modelOf(
      read('dbt/ol_v12_structlogs_postgres_run_1.8.2/manifest.json'),
      read('openlineage/ol_dbt_structlogs_postgres_failed_run_events.json', withRunIds),
    );
    const orders = 'dbt-test-namespace:model.jaffle_shop.orders';
    expect(model.runsOfJob(orders).map((r) => r.state)).toEqual(['FAIL']);
    expect(model.jobVersionsOf(orders)[0]?.version).toMatch(/^checksum:sha256:27f8c79aad1cfd84/);
  });
});

describe('dbt on BigQuery: manifest v2, run_results, and dbt-ol events whose times are template matchers', () => {
  it('names the runs of run_results as the integration named the jobs, in the bigquery namespace', () => {
    const model = modelOf(
      read('dbt/ol_v2_fail_0.21/manifest.json'),
      read('dbt/ol_v2_fail_0.21/run_results.json'),
      read('openlineage/ol_dbt_fail_events.json'),
    );
    const job = (m: string) => `job-namespace:random-gcp-project.dbt_test1.dbt_bigquery_test.${m}`;
    expect(model.runsOfJob(job('test_first_dbt_model')).map((r) => r.state)).toEqual(['COMPLETE']);
    expect(model.runsOfJob(job('test_second_parallel_dbt_model')).map((r) => r.state)).toEqual(['FAIL']);
    // The integration emits nothing for a skipped model: it stays the manifest's job, with its skipped result.
    expect(model.runsOfJob('dbt:model.dbt_bigquery_test.test_third_dbt_model').map((r) => r.state)).toEqual(['ABORT']);
    const second = model.versionsOf('bigquery:random-gcp-project.dbt_test1.test_second_dbt_model');
    // The events' own lineage (their times are matchers) is declared until the run run_results observed.
    expect(second.map((v) => [v.run.job, v.declared === true])).toEqual([
      [job('test_second_dbt_model'), true],
      [job('test_second_dbt_model'), false],
    ]);
    expect(second[0]?.to).toBe(second[1]?.from);
    expect(second[1]?.fields.map((f) => f.name)).toEqual(['id']);
    expect(second[1]?.inputs.map((e) => e.source)).toEqual([
      'bigquery:random-gcp-project.dbt_test1.test_first_dbt_model',
    ]);
    expect(model.dbt?.warnings).toEqual([expect.stringMatching(/^job namespace "job-namespace"/)]);
  });
});

describe('what the join leaves apart', () => {
  it('keeps a model run under two job namespaces as two jobs, and a relation seen on two hosts unjoined', () => {
    const events = read('openlineage/ol_dbt_postgres_run_events.json', withRunIds);
    const prod = read('openlineage/ol_dbt_postgres_run_events.json', (t) =>
      withRunIds(t).replaceAll('"job-namespace"', '"prod"').replaceAll('POSTGRES_HOST', 'replica'),
    );
    const model = modelOf(POSTGRES[0]!, events, prod);
    expect(joinedJob(model, 'model.jaffle_shop.orders')?.namespaces).toEqual(['job-namespace', 'prod']);
    for (const ns of ['job-namespace', 'prod']) {
      const jobId = `${ns}:postgres.public.jaffle_shop.orders`;
      expect(model.runsOfJob(jobId)).toHaveLength(1);
      expect(model.jobVersionsOf(jobId)[0]?.identity).toBe('checksum');
    }
    expect(model.dbt?.warnings).toContainEqual(
      'model.jaffle_shop.orders ran under the job namespaces job-namespace, prod: kept as 2 jobs',
    );
    const apart = model.dbt?.unjoined.find((u) => u.id === 'dbt:postgres.public.orders');
    expect(apart?.reason).toMatch(/postgres:\/\/POSTGRES_HOST:1234:postgres\.public\.orders and .*replica.*ambiguous/);
  });

  it('does not join a relation to a dataset of another adapter, and changes nothing without a manifest', () => {
    const events = read('openlineage/ol_dbt_postgres_run_events.json');
    const bigquery = POSTGRES[0]!.map((r) =>
      r.kind === 'job' ? { ...r, extra: { ...r.extra, adapterType: 'bigquery' } } : r,
    );
    const model = modelOf(bigquery, events);
    expect(model.dbt?.datasets).toEqual([]);
    expect(model.dbt?.unjoined.find((u) => u.id === 'dbt:postgres.public.orders')?.reason).toMatch(
      /named alike but not on the manifest's adapter bigquery/,
    );
    const alone = toEvidenceSet(events);
    expect(lineageModel(alone).dbt).toBeUndefined();
    expect(lineageModel(alone).set).toBe(alone);
  });
});
