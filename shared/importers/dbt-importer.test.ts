import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { DatasetDefinition, JobDefinition, LineageRunEvent } from '../model/records';
import { importInput } from './index';

const real = (path: string) => readFileSync(realFixture('dbt', path), 'utf8');
const load = (path: string) => importInput({ name: path, sha256: 'd'.repeat(64), size: 0, text: real(path) });
const jobs = (path: string) => load(path).records.filter((r): r is JobDefinition => r.kind === 'job');
const models = (path: string) => jobs(path).filter((j) => j.jobType === 'model');

describe('dbt manifest.json, schema v1 to v12', () => {
  it.each([
    ['dbtcore_state_manifests/manifest_v1.json', 'v1', 'sha256:479636cb85ce8d3b'],
    ['dbtcore_state_manifests/manifest_v7.json', 'v7', 'sha256:2b9123e04ab8bb79'],
    ['dbtcore_state_manifests/manifest_v12.json', 'v12', 'sha256:3ea0f972fa1b56aa'],
  ])('%s: my_model, its file and checksum', (path, version, checksum) => {
    const result = load(path);
    expect(result.detected).toBe('dbt-manifest');
    expect(result.rejections).toEqual([]);
    const model = models(path).find((m) => m.job.name === 'model.test.my_model');
    expect(model?.codePath).toBe('models/my_model.sql');
    expect(model?.checksum?.startsWith(checksum)).toBe(true);
    expect(model?.extra?.manifestVersion).toBe(version);
  });

  it('counts the jaffle_shop models of schema v4 and v7 and names their dependencies', () => {
    for (const path of ['ol_v4_spark_thrift_1.0/manifest.json', 'ol_v7_postgres_1.3.1/manifest.json']) {
      expect(models(path)).toHaveLength(5);
      expect(jobs(path).filter((j) => j.jobType === 'test')).toHaveLength(20);
      const customers = models(path).find((m) => m.job.name === 'model.jaffle_shop.customers');
      expect(customers?.dependsOn).toEqual([
        'model.jaffle_shop.stg_customers',
        'model.jaffle_shop.stg_orders',
        'model.jaffle_shop.stg_payments',
      ]);
    }
  });

  it('writes a model to database.schema.alias and reads its dependencies’ tables (v7)', () => {
    const path = 'ol_v7_postgres_1.3.1/manifest.json';
    const stg = models(path).find((m) => m.job.name === 'model.jaffle_shop.stg_orders');
    expect(stg?.outputs).toEqual([{ namespace: 'dbt', name: 'postgres.public.stg_orders' }]);
    expect(stg?.inputs).toEqual([{ namespace: 'dbt', name: 'postgres.public.raw_orders' }]);
    expect(stg?.code?.compiled).toBe(true);
    expect(stg?.code?.text).toMatch(/select/i);
    const seeds = load(path).records.filter((r): r is DatasetDefinition => r.kind === 'dataset');
    expect(seeds.map((d) => d.dataset.name)).toContain('postgres.public.raw_customers');
  });

  it('keeps what joins a node to the OpenLineage dbt integration: invocation, adapter, database, schema, alias', () => {
    const path = 'ol_v7_postgres_1.3.1/manifest.json';
    const orders = models(path).find((m) => m.job.name === 'model.jaffle_shop.orders');
    expect(orders?.extra).toMatchObject({
      invocationId: '1269f08d-da04-4fbd-8207-1ddc9110cb1b',
      generatedAt: '2022-12-14T21:28:16.748601Z',
      adapterType: 'postgres',
      database: 'postgres',
      schema: 'public',
      alias: 'orders',
    });
    // A test's checksum is {"name": "none", "checksum": ""}: no checksum.
    const test = jobs(path).find((j) => j.jobType === 'test');
    expect(test?.checksum).toBeUndefined();
    expect(test?.codePath).toBe('models/schema.yml');
  });
});

describe('dbt run_results.json and catalog.json', () => {
  it('makes one run outcome per result: failed, succeeded and skipped models', () => {
    const result = load('ol_v2_fail_0.21/run_results.json');
    expect(result.detected).toBe('dbt-run-results');
    const runs = result.records as LineageRunEvent[];
    const byJob = Object.fromEntries(runs.map((r) => [r.job.name, r.eventType]));
    expect(byJob).toEqual({
      'model.dbt_bigquery_test.test_second_parallel_dbt_model': 'FAIL',
      'model.dbt_bigquery_test.test_first_dbt_model': 'COMPLETE',
      'model.dbt_bigquery_test.test_second_dbt_model': 'COMPLETE',
      'model.dbt_bigquery_test.test_third_dbt_model': 'ABORT',
    });
    const failed = runs.find((r) => r.eventType === 'FAIL');
    expect(JSON.stringify(failed?.runFacets)).toMatch(/Syntax error/);
    expect(failed?.provenance.pointer).toBe('/results/0');
  });

  it('reads the catalog’s columns with their types', () => {
    const result = load('ol_v2_catalog_0.21/catalog.json');
    expect(result.detected).toBe('dbt-catalog');
    const datasets = result.records as DatasetDefinition[];
    const model = datasets.find((d) => d.uniqueId === 'model.dbt_test.test_model');
    expect(model?.dataset.name).toBe('random-gcp-project.dbt_test1.test_model');
    expect(model?.fields).toEqual([{ name: 'id', type: 'INT64' }]);
    expect(datasets.some((d) => d.uniqueId === 'source.dbt_test.dbt_test1.source_table')).toBe(true);
  });
});
