import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { DatasetDefinition, EvidenceRecord, JobDefinition, LineageRunEvent } from '../model/records';
import { importInput, startImport } from './index';
import { importOpenLineage } from './openlineage-importer';
import { isPlaceholder } from './openlineage-placeholders';

const real = (name: string) => readFileSync(realFixture('openlineage', name), 'utf8');
const source = { id: 'sha-of-file', name: 'events.json' };
const load = (name: string) => importInput({ name, sha256: 'sha-of-file', size: 0, text: real(name) });
const jobsOf = (records: ReadonlyArray<EvidenceRecord>) => records.filter((r): r is JobDefinition => r.kind === 'job');
const datasetsOf = (records: ReadonlyArray<EvidenceRecord>) =>
  records.filter((r): r is DatasetDefinition => r.kind === 'dataset');
const id = (ref: { namespace: string; name: string }) => `${ref.namespace}:${ref.name}`;

describe('OpenLineage events not placed in time become static jobs and datasets', () => {
  it('ol_dbt_spark_thrift_run_events.json: 10 dbt jobs, one per START+COMPLETE pair, and 5 datasets', () => {
    const result = load('ol_dbt_spark_thrift_run_events.json');
    expect(result.rejections).toEqual([]);
    expect(result.counts).toEqual({ job: 10, dataset: 5 });
    const jobs = jobsOf(result.records);
    expect(jobs.map((j) => j.job.name).filter((n) => n.endsWith('.build.run'))).toEqual([
      'default.jaffle_shop.stg_customers.build.run',
      'default.jaffle_shop.stg_orders.build.run',
      'default.jaffle_shop.stg_payments.build.run',
      'default.jaffle_shop.customers.build.run',
      'default.jaffle_shop.orders.build.run',
    ]);
    const customers = jobs.find((j) => j.job.name === 'default.jaffle_shop.customers.build.run');
    expect(customers?.job.namespace).toBe('job-namespace');
    expect(customers?.inputs.map((d) => d.name)).toEqual([
      'default.stg_customers',
      'default.stg_orders',
      'default.stg_payments',
    ]);
    expect(customers?.outputs).toEqual([{ namespace: 'spark://localhost:10000', name: 'default.customers' }]);
    expect(customers?.code).toMatchObject({ language: 'sql', compiled: true });
    expect(customers?.code?.text).toMatch(/^with customers as/);
    // seen in START (/3) and COMPLETE (/13): one record from /3; the COMPLETE's SQL differs, so it is kept from /13
    expect(customers?.provenance).toEqual({ sourceId: 'sha-of-file', pointer: '/3' });
    expect(customers?.extra).toMatchObject({ events: 2, eventTypes: ['START', 'COMPLETE'] });
    expect(customers?.extra?.facetEvidence).toEqual({ sql: { sourceId: 'sha-of-file', pointer: '/13' } });
    expect(customers?.extra?.parent).toEqual({ namespace: 'dbt', name: 'dbt-job-name' });
    const stgCustomers = datasetsOf(result.records).find((d) => d.dataset.name === 'default.stg_customers');
    expect(stgCustomers?.fields.map((f) => f.name)).toEqual(['customer_id', 'first_name', 'last_name']);
    expect(stgCustomers?.origin).toBe('openlineage');
    const place = result.warnings.filter((w) => w.message.includes('the run is not placed in time'));
    expect(place).toHaveLength(20);
    expect(place[0]).toMatchObject({
      pointer: '/0',
      message:
        'eventTime "{{ is_datetime(result) }}" is a template placeholder and no "run.runId": the run is not placed ' +
        'in time; its job and 1 dataset were imported as static lineage',
    });
  });

  it('ol_dbt_fail_events.json: the warning names the pointer, both placeholders and what was imported', () => {
    const result = load('ol_dbt_fail_events.json');
    expect(result.rejections).toEqual([]);
    expect(result.counts).toEqual({ job: 3, dataset: 4 });
    expect(result.warnings[0]).toMatchObject({
      pointer: '/0',
      message:
        'eventTime "{{ is_datetime(result) }}" is a template placeholder and run.runId "{{ any(result) }}" is a ' +
        'template placeholder: the run is not placed in time; its job and 2 datasets were imported as static lineage',
    });
    // the FAIL event (/5) carries the failing job's run facets; the job's record is still the START's (/0)
    const parallel = jobsOf(result.records).find((j) => j.job.name.endsWith('test_second_parallel_dbt_model'));
    expect(parallel?.provenance.pointer).toBe('/0');
    expect(parallel?.extra?.eventTypes).toEqual(['START', 'FAIL']);
  });

  it('marquez_docker_metadata.template.json: the same jobs and datasets as marquez_docker_metadata.json', () => {
    const template = load('marquez_docker_metadata.template.json');
    const seeded = load('marquez_docker_metadata.json');
    expect(template.rejections).toEqual([]);
    const runs = seeded.records as LineageRunEvent[];
    const seededJobs = [...new Set(runs.map((r) => id(r.job)))].sort();
    const seededDatasets = [...new Set(runs.flatMap((r) => [...r.inputs, ...r.outputs]).map(id))].sort();
    expect(seededJobs).toHaveLength(13);
    expect(
      jobsOf(template.records)
        .map((j) => id(j.job))
        .sort(),
    ).toEqual(seededJobs);
    expect(
      datasetsOf(template.records)
        .map((d) => id(d.dataset))
        .sort(),
    ).toEqual(seededDatasets);
    const orders7 = datasetsOf(template.records).find((d) => d.dataset.name === 'public.orders_7_days');
    const seededOrders7 = runs.flatMap((r) => r.outputs).find((d) => d.name === 'public.orders_7_days');
    expect(orders7?.columnLineage).toEqual(seededOrders7?.columnLineage);
    expect(orders7?.fields).toEqual(seededOrders7?.fields);
    const etlOrders7 = jobsOf(template.records).find((j) => j.job.name === 'etl_orders_7_days');
    expect(etlOrders7?.inputs.map((d) => d.name)).toEqual([
      'public.menus',
      'public.menu_items',
      'public.orders',
      'public.categories',
    ]);
    expect(template.warnings[0]?.message).toMatch(/^eventTime "\{\{RUN_START_TIME\}\}" is a template placeholder/);
  });

  it('integration expectations: Hive column lineage, Airflow ownership and source code, json-unit matchers', () => {
    const hive = load('integration_expected_partial/hive_cllCtasWithJoinsComplete.json');
    expect(hive.counts).toEqual({ job: 1, dataset: 3 });
    const xxx = datasetsOf(hive.records).find((d) => d.dataset.name === 'test.xxx');
    const hiveField = (name: string, field: string, type: string, subtype: string) => ({
      namespace: 'hive://localhost:9083',
      name,
      field,
      transformations: [{ type, subtype, masking: false }],
    });
    expect(xxx?.columnLineage?.find((c) => c.field === 'id')?.inputFields).toEqual([
      hiveField('test.t1', 'id', 'DIRECT', 'TRANSFORMATION'),
    ]);
    // columnLineage.dataset (facet 1-2-0): what the whole table depends on, each with its transformation
    const joinAndFilter = [
      { type: 'INDIRECT', subtype: 'JOIN', masking: false },
      { type: 'INDIRECT', subtype: 'FILTER', masking: false },
    ];
    expect(xxx?.datasetDependencies).toEqual([
      { ...hiveField('test.t2', 'number', '', ''), transformations: joinAndFilter },
      { ...hiveField('test.t1', 'id', '', ''), transformations: joinAndFilter },
    ]);
    expect(jobsOf(hive.records)[0]?.jobType).toBe('QUERY');

    const postgres = load('integration_expected_partial/airflow_postgres.json');
    const createTable = jobsOf(postgres.records).find((j) => j.job.name.endsWith('postgres_if_not_exists'));
    expect(Object.keys(createTable?.extra?.facets as object)).toContain('ownership');
    const target = datasetsOf(postgres.records).find((d) => d.dataset.name.endsWith('popular_orders_day_of_week'));
    expect(target?.columnLineage?.map((c) => c.field)).toContain('order_day_of_week');

    const code = load('integration_expected_partial/airflow_source_code.json');
    expect(jobsOf(code.records).map((j) => j.code?.text.trim())).toEqual([
      'def callable():\n    print(10)',
      'ls -halt && exit 0',
    ]);

    const flink = load('integration_expected_partial/flink1_expected_failed.json');
    expect(flink.warnings[0]?.message).toBe(
      'no "eventTime" and run.runId "${json-unit.any-string}" is a json-unit test matcher: the run is not placed in ' +
        'time; its job was imported as static lineage',
    );
    const spark = load('integration_expected_partial/spark_cli_simple_complete.json');
    expect(spark.counts).toEqual({ job: 1 });
    expect(spark.warnings[0]?.message).toMatch(
      /not imported: outputs\[0\]\.name "\$\{json-unit\.regex\}\.\*\/spark-warehouse\/t2" is a json-unit test matcher$/,
    );
  });

  it('a JobEvent and a DatasetEvent are static lineage too', () => {
    const job = load('marquez_event_job_event.json');
    expect(job.counts).toEqual({ job: 1, dataset: 2 });
    expect(job.warnings).toEqual([]);
    const dataset = load('marquez_event_dataset_event.json');
    expect(datasetsOf(dataset.records)[0]?.fields.length).toBeGreaterThan(0);
  });

  it('rejects an event with nothing readable, naming what is missing', () => {
    const text = JSON.stringify({ eventType: 'COMPLETE', run: {}, job: { namespace: 'ns' }, outputs: [{ name: 'x' }] });
    expect(importOpenLineage(text, source).rejections.map((r) => r.reason)).toEqual([
      'nothing to import: no "eventTime"; no "run.runId"; no "job.name"; outputs[0].namespace is missing; ' +
        'no readable input or output dataset',
    ]);
  });

  it('merges deterministically: the later differing facet wins, an identical repeat keeps the first event', () => {
    const event = (eventType: string, sql: string, description: string) => ({
      eventType,
      eventTime: '{{ now }}',
      run: { runId: '<run-id>' },
      job: { namespace: 'ns', name: 'load', facets: { sql: { query: sql }, documentation: { description } } },
    });
    const text = JSON.stringify([event('START', 'select 1', 'loads'), event('COMPLETE', 'select 2', 'loads')]);
    const result = importOpenLineage(text, source);
    const [job] = jobsOf(result.records);
    expect(result.records).toHaveLength(1);
    expect(job?.code?.text).toBe('select 2');
    expect(job?.description).toBe('loads');
    expect(job?.extra?.facetEvidence).toEqual({
      sql: { sourceId: 'sha-of-file', pointer: '/1' },
      documentation: { sourceId: 'sha-of-file', pointer: '/0' },
    });
    expect(importOpenLineage(text, source)).toEqual(result);
  });

  it('streams: chunks of any size give the records of the whole text, static ones after the last event', () => {
    const text = real('ol_dbt_fail_events.json');
    const whole = importInput({ name: 'f', sha256: 's', size: text.length, text });
    const job = startImport(text.slice(0, 100), { id: 's', name: 'f' });
    for (let i = 0; i < text.length; i += 333) job.push(text.slice(i, i + 333));
    const summary = job.end();
    expect(job.take()).toEqual(whole.records);
    expect(summary.counts).toEqual({ job: 3, dataset: 4 });
  });
});

describe('placeholders are recognized by their shape', () => {
  it.each(['{{ is_datetime(result) }}', '{{RUN_START_TIME}}', '${json-unit.any-string}', '${RUN_ID}', '<run-id>'])(
    '%s is a placeholder',
    (text) => expect(isPlaceholder(text)).toBe(true),
  );
  it.each(['2024-05-01T10:00:00Z', 'public.orders', 'select a < b', 's3://bucket/{part}', ''])(
    '%s is a value',
    (text) => expect(isPlaceholder(text)).toBe(false),
  );
});
