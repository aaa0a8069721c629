import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { LineageRunEvent } from '../model/records';
import { importOpenLineage } from './openlineage-importer';

const real = (name: string) => readFileSync(realFixture('openlineage', name), 'utf8');
const source = { id: 'sha-of-file', name: 'events.json' };
const runs = (text: string) => importOpenLineage(text, source).records as LineageRunEvent[];

describe('OpenLineage importer on real files', () => {
  it('maps Marquez event_full: job, run, datasets, schema, code location, SQL and facets', () => {
    const result = importOpenLineage(real('marquez_event_full.json'), source);
    expect(result.detected).toBe('openlineage');
    expect(result.rejections).toEqual([]);
    const [event] = result.records as LineageRunEvent[];
    expect(event?.runId).toBe('ea041791-68bc-4ae1-bd89-4c8106a157e4');
    expect(event?.job).toEqual({ namespace: 'my-scheduler-namespace', name: 'myjob.mytask' });
    expect(event?.eventType).toBe('COMPLETE');
    expect(event?.eventTime).toBe('2020-12-28T19:51:01.641Z');
    expect(event?.inputs[0]).toMatchObject({ namespace: 'my-datasource-namespace', name: 'instance.schema.table' });
    expect(event?.inputs[0]?.fields).toEqual([{ name: 'column1', type: 'VARCHAR', description: 'string' }]);
    expect(event?.sourceCodeLocation).toEqual({ type: 'git', url: 'http://example.com' });
    expect(event?.code).toEqual({ language: 'sql', text: 'SELECT * FROM foo' });
    // inputFacets/outputFacets are kept beside the dataset facets
    expect(event?.inputs[0]?.facets?.dataQualityMetrics).toMatchObject({ rowCount: 1000 });
    expect(event?.outputs[0]?.facets?.outputStatistics).toMatchObject({ rowCount: 2000 });
    expect(event?.runFacets?.parent).toMatchObject({ run: { runId: '3f5e83fa-3480-44ff-99c5-ff943904e5e8' } });
    expect(event?.jobFacets?.jobType).toMatchObject({ integration: 'FLINK' });
    expect(event?.provenance).toEqual({ sourceId: 'sha-of-file', pointer: '' });
  });

  it('imports the Marquez seed events, which lack schemaURL, with warnings and column lineage', () => {
    const result = importOpenLineage(real('marquez_docker_metadata.json'), source);
    expect(result.rejections).toEqual([]);
    expect(result.records).toHaveLength(26);
    expect(result.warnings.filter((w) => w.message.includes('schemaURL'))).toHaveLength(26);
    const ordersRun = (result.records as LineageRunEvent[]).find((r) => r.job.name === 'etl_orders_7_days');
    expect(ordersRun?.runId).toBe('ffba2c14-4170-48da-bec3-ab5fd4ec9a3f');
    expect(ordersRun?.provenance.pointer).toBe('/8');
    expect(ordersRun?.inputs.map((d) => d.name)).toContain('public.orders');
    const output = ordersRun?.outputs.find((d) => d.name === 'public.orders_7_days');
    const orderId = output?.columnLineage?.find((c) => c.field === 'order_id');
    expect(orderId?.inputFields).toEqual([{ namespace: 'food_delivery', name: 'public.orders', field: 'id' }]);
  });

  it('reads the dbt integration run events: inputs of a model and microsecond times', () => {
    const result = importOpenLineage(real('ol_dbt_postgres_run_events.json'), source);
    expect(result.records).toHaveLength(10);
    const customers = runs(real('ol_dbt_postgres_run_events.json')).find(
      (r) => r.job.name === 'postgres.public.jaffle_shop.customers' && r.eventType === 'START',
    );
    expect(customers?.eventTime).toBe('2022-12-14T21:28:17.093Z');
    expect(customers?.inputs.map((d) => d.name)).toEqual([
      'postgres.public.stg_customers',
      'postgres.public.stg_orders',
      'postgres.public.stg_payments',
    ]);
    // its runId is a test placeholder: never a run id (it names no version), the run kept by its job and time
    expect(result.warnings.map((w) => w.message)).toContain(
      'run.runId "{{ any(result) }}" is a template placeholder, not a run id: the run is placed by its time and ' +
        'told apart by its job; no dataset version is named by it',
    );
    expect(result.warnings.some((w) => w.message.includes('is not a UUID'))).toBe(false);
    expect(customers?.placeholderRunId).toBe(true);
  });

  it('keeps unknown run facets of the OpenLineage client example', () => {
    const [event] = runs(real('ol_client_example_full_event.json'));
    expect(event?.runFacets?.tags).toMatchObject({ tags: [{ key: 'openlineage_client_version', value: '1.30.0' }] });
    expect(event?.outputs[0]?.facets?.outputStatistics).toMatchObject({ size: 2097152 });
  });

  it('reads column lineage of the spec examples, with and without per-field transformations', () => {
    const facet = (name: string) => JSON.parse(real(`spec_facet_examples/${name}`)) as Record<string, unknown>;
    const event = (facets: Record<string, unknown>) =>
      JSON.stringify({ ...minimalEvent(), outputs: [{ namespace: 'warehouse', name: 'out', facets }] });
    const [v1] = runs(event(facet('ColumnLineageDatasetFacet_1.json')));
    const name = v1?.outputs[0]?.columnLineage?.find((c) => c.field === 'NAME');
    expect(name?.transformationDescription).toBe('SELECT NAME');
    expect(name?.transformationType).toBe('IDENTITY');
    expect(name?.inputFields).toContainEqual({
      namespace: 'SnowflakeOpenLineage',
      name: 'CUSTOMERS',
      field: 'ID',
      transformations: [{ type: 'INDIRECT', subtype: 'JOIN', description: 'ON (DISCOUNTS.CUSTOMERS_ID=CUSTOMERS.ID)' }],
    });
    const [v2] = runs(event(facet('ColumnLineageDatasetFacet_2.json')));
    const people = { namespace: 's3://test-bucket', name: '/iceberg_warehouse/some-database/people' };
    const age = v2?.outputs[0]?.columnLineage?.find((c) => c.field === 'ageNextYear');
    expect(age?.inputFields).toEqual([
      { ...people, field: 'age', transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION', masking: false }] },
    ]);
    expect(age?.transformationDescription).toBe('DIRECT/TRANSFORMATION');
    // columnLineage.dataset (1-2-0): the whole output depends on these fields, by sort and filter
    const indirect = (field: string, subtype: string) => ({
      ...people,
      field,
      transformations: [{ type: 'INDIRECT', subtype, masking: false }],
    });
    expect(v2?.outputs[0]?.datasetDependencies).toEqual([
      indirect('last_name', 'SORT'),
      indirect('first_name', 'SORT'),
      indirect('age', 'FILTER'),
    ]);
    expect(v1?.outputs[0]?.datasetDependencies).toBeUndefined();
  });

  it('makes static job and dataset records of DatasetEvents and JobEvents, and no run records', () => {
    for (const file of ['marquez_event_dataset_event.json', 'marquez_event_job_event.json']) {
      const result = importOpenLineage(real(file), source);
      expect(result.records.filter((r) => r.kind === 'lineage-run')).toEqual([]);
      expect(result.records.length).toBeGreaterThan(0);
      expect(result.rejections).toEqual([]);
    }
  });
});

describe('OpenLineage containers and bad input', () => {
  it('reads a Marquez events-API page with JSON pointers', () => {
    const page = JSON.stringify({ events: [JSON.parse(real('marquez_event_full.json'))], totalCount: 1 });
    const [event] = runs(page);
    expect(event?.provenance.pointer).toBe('/events/0');
  });

  it('reads NDJSON with line numbers, rejecting one bad line among good ones', () => {
    const events = (JSON.parse(real('marquez_docker_metadata.json')) as unknown[]).map((e) => JSON.stringify(e));
    events.splice(3, 0, '{"eventType": "START", "eventTime": ');
    const result = importOpenLineage(events.join('\n'), source);
    expect(result.records).toHaveLength(26);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]?.line).toBe(4);
    expect(result.rejections[0]?.reason).toMatch(/^invalid JSON/);
    expect((result.records[3] as LineageRunEvent).provenance.line).toBe(5);
  });

  it('rejects events missing required fields or with wrong types, naming the field', () => {
    const lines = [
      { ...minimalEvent(), run: { runId: 7 } },
      { ...minimalEvent(), job: { namespace: 'ns' } },
      { ...minimalEvent(), eventTime: 'yesterday' },
      { ...minimalEvent(), run: { runId: 42 } },
      { ...minimalEvent(), inputs: 'orders' },
    ].map((e) => JSON.stringify(e));
    const result = importOpenLineage(lines.join('\n'), source);
    expect(result.records).toEqual([]);
    expect(result.rejections.map((r) => r.reason)).toEqual([
      'field "run.runId" must be a string, got a number',
      'nothing to import: no "job.name"; no readable input or output dataset',
      'field "eventTime" is invalid: "yesterday" is not an RFC 3339 timestamp',
      'field "run.runId" must be a string, got a number',
      'field "inputs" must be an array',
    ]);
  });

  it('imports the job of an event without run.runId as static lineage, with a warning', () => {
    const result = importOpenLineage(JSON.stringify({ ...minimalEvent(), run: {} }), source);
    expect(result.rejections).toEqual([]);
    expect(result.records.map((r) => r.kind)).toEqual(['job']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'no "run.runId": the run is not placed in time; its job was imported as static lineage',
    ]);
  });

  it('warns (without rejecting) on a time without offset, unknown eventType and missing producer', () => {
    const { producer: _p, ...noProducer } = minimalEvent();
    const result = importOpenLineage(
      JSON.stringify({ ...noProducer, eventTime: '2024-05-01T10:00:00', eventType: 'DONE' }),
      source,
    );
    expect((result.records[0] as LineageRunEvent).eventTime).toBe('2024-05-01T10:00:00.000Z');
    const messages = result.warnings.map((w) => w.message).join('\n');
    expect(messages).toMatch(/no time zone offset; read as UTC/);
    expect(messages).toMatch(/unknown eventType "DONE"/);
    expect(messages).toMatch(/no "producer"/);
  });

  it('keeps an offset timestamp as the same instant', () => {
    const [event] = runs(JSON.stringify({ ...minimalEvent(), eventTime: '2020-12-28T19:52:00.001+10:00' }));
    expect(event?.eventTime).toBe('2020-12-28T09:52:00.001Z');
  });

  it('reports truncated JSON and an empty file as rejections, never throwing', () => {
    const truncated = importOpenLineage(real('marquez_event_full.json').slice(0, 500), source);
    expect(truncated.records).toEqual([]);
    expect(truncated.rejections[0]?.reason).toMatch(/^invalid JSON/);
    expect(importOpenLineage('  \n', source).rejections).toEqual([
      { sourceName: 'events.json', line: 1, reason: 'empty file' },
    ]);
  });

  it('is deterministic', () => {
    const text = real('marquez_docker_metadata.json');
    expect(importOpenLineage(text, source)).toEqual(importOpenLineage(text, source));
  });
});

function minimalEvent() {
  return {
    eventType: 'COMPLETE',
    eventTime: '2024-05-01T10:00:00Z',
    run: { runId: '0190b9a8-7c1e-7d3a-9f00-5a4e2c3b1d00' },
    job: { namespace: 'ns', name: 'job' },
    producer: 'https://example.com/producer',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  };
}
