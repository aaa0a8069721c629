/**
 * Facets checked against the official OpenLineage schemas: the invalid-event examples of OpenLineage's own proxy
 * (fixtures/real/openlineage/proxy_invalid_events/) each name their facet, pointer and fault, and the event is kept;
 * custom facets are kept unchecked; and the precompiled validators agree, facet by facet, with ajv compiling the
 * spec's schemas here (fixtures/real/openlineage/spec/) on every facet of every real event.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { LineageRunEvent } from '../model/records';
import { importInput } from './index';
import { FACETS } from './openlineage-schemas/validators';
import { facetProblems } from './openlineage-validation';

const dir = realFixture('openlineage');
type Facets = Record<string, unknown>;
interface Dataset {
  readonly facets?: Facets;
  readonly inputFacets?: Facets;
  readonly outputFacets?: Facets;
}
interface Event {
  readonly run?: { readonly facets?: Facets };
  readonly job?: { readonly facets?: Facets };
  readonly inputs?: ReadonlyArray<Dataset>;
  readonly outputs?: ReadonlyArray<Dataset>;
}
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const load = (name: string, text: string) => importInput({ name, sha256: 'f'.repeat(64), size: text.length, text });

describe('the OpenLineage proxy’s invalid events', () => {
  it.each([
    ['event_invalid_run_facet', 'facet parent (/run/facets/parent)', 'run.runId is required'],
    ['event_invalid_job_facet', 'facet ownership (/job/facets/ownership)', 'owners[0].name is required'],
    ['event_invalid_dataset_facet', 'facet ownership (/outputs/0/facets/ownership)', 'owners[0].name is required'],
    [
      'event_invalid_input_dataset_facet',
      'facet dataQualityMetrics (/inputs/0/inputFacets/dataQualityMetrics)',
      'columnMetrics is required',
    ],
    [
      'event_invalid_output_dataset_facet',
      'facet outputStatistics (/outputs/0/outputFacets/outputStatistics)',
      'rowCount ("wrong") must be integer',
    ],
  ])('%s: names the facet, its pointer and the fault; the event is kept', (file, facet, fault) => {
    const result = load(`${file}.json`, read(`proxy_invalid_events/${file}.json`));
    expect(result.rejections).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([`${facet} breaks the OpenLineage schema: ${fault}`]);
    const [run] = result.records as LineageRunEvent[];
    expect(run?.kind).toBe('lineage-run');
    expect(run?.job).toEqual({ namespace: 'my-scheduler-namespace', name: 'myjob' });
  });

  it('event_no_run_id: the run is not placed in time; its job and datasets are kept as static lineage', () => {
    const result = load('event_no_run_id.json', read('proxy_invalid_events/event_no_run_id.json'));
    expect(result.rejections).toEqual([]);
    expect(result.records.map((r) => r.kind).sort()).toEqual(['dataset', 'dataset', 'dataset', 'job']);
    expect(result.warnings[0]?.message).toMatch(/^no "run\.runId": the run is not placed in time/);
  });
});

describe('which facets are checked', () => {
  const base = JSON.parse(read('ol_client_example_full_event.json')) as Event;
  const withRunFacets = (facets: Record<string, unknown>) => ({
    ...base,
    run: { ...base.run, facets: { ...base.run?.facets, ...facets } },
  });
  const producer = 'https://example.com/producer';

  it('keeps a custom facet with its own schema unchecked', () => {
    const event = withRunFacets({
      acme_costs: { _producer: producer, _schemaURL: 'https://acme.example/c.json', x: 1 },
    });
    const result = load('custom.json', JSON.stringify(event));
    expect(result.warnings).toEqual([]);
    expect((result.records[0] as LineageRunEvent).runFacets?.acme_costs).toMatchObject({ x: 1 });
  });

  it('checks a facet under another key when its _schemaURL is an official facet schema', () => {
    const url = 'https://openlineage.io/spec/facets/1-0-1/NominalTimeRunFacet.json';
    const event = withRunFacets({ schedule: { _producer: producer, _schemaURL: url } });
    expect(facetProblems(event)).toEqual([
      'facet schedule (/run/facets/schedule) breaks the OpenLineage schema: nominalStartTime is required',
    ]);
  });

  it('does not check a deleted facet', () => {
    expect(facetProblems(withRunFacets({ parent: { _deleted: true } }))).toEqual([]);
  });

  it('names every fault of a facet, at most three, and how many more', () => {
    const parent = { job: { namespace: 1 }, run: {} };
    expect(facetProblems(withRunFacets({ parent }))).toEqual([
      'facet parent (/run/facets/parent) breaks the OpenLineage schema: _producer and _schemaURL are required; ' +
        'run.runId is required; job.name is required; and 1 more',
    ]);
  });
});

describe('the precompiled validators agree with ajv on the spec’s schemas', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const spec = (path: string) => JSON.parse(read(`spec/${path}`)) as { $id: string };
  ajv.addSchema(spec('OpenLineage.json'));
  const ids = new Map<string, string>();
  for (const f of readdirSync(join(dir, 'spec/facets'))) {
    const schema = spec(`facets/${f}`);
    ajv.addSchema(schema);
    ids.set(f.replace('.json', ''), schema.$id);
  }
  /** Every facet of every real event, as [place, key, facet]. */
  const facets: Array<[keyof typeof FACETS, string, unknown]> = [];
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.json')),
    ...readdirSync(join(dir, 'integration_expected_partial')).map((f) => `integration_expected_partial/${f}`),
  ];
  for (const file of files) {
    const value = JSON.parse(read(file)) as Event | Event[] | { events: Event[] };
    const events = Array.isArray(value) ? value : 'events' in value ? value.events : [value];
    for (const e of events) {
      const add = (place: keyof typeof FACETS, list: unknown) => {
        for (const [key, facet] of Object.entries((list ?? {}) as object)) facets.push([place, key, facet]);
      };
      add('RunFacet', e?.run?.facets);
      add('JobFacet', e?.job?.facets);
      for (const d of e?.inputs ?? []) {
        add('DatasetFacet', d?.facets);
        add('InputDatasetFacet', d?.inputFacets);
      }
      for (const d of e?.outputs ?? []) {
        add('DatasetFacet', d?.facets);
        add('OutputDatasetFacet', d?.outputFacets);
      }
    }
  }

  it('on every standard facet of the real events', () => {
    let checked = 0;
    let invalid = 0;
    for (const [place, key, facet] of facets) {
      const name = (FACETS[place] as Record<string, string | undefined>)[key];
      if (!name) continue;
      const oracle = ajv.getSchema(`${ids.get(name)}#/$defs/${name}`);
      expect(oracle, name).toBeDefined();
      const one = { [key]: facet };
      const wrapped =
        place === 'RunFacet'
          ? { run: { facets: one } }
          : place === 'JobFacet'
            ? { job: { facets: one } }
            : place === 'DatasetFacet'
              ? { outputs: [{ facets: one }] }
              : place === 'InputDatasetFacet'
                ? { inputs: [{ inputFacets: one }] }
                : { outputs: [{ outputFacets: one }] };
      const valid = oracle!(facet) as boolean;
      const ours = facetProblems(wrapped);
      expect(ours.length === 0, `${place} ${key}: ${JSON.stringify(facet).slice(0, 200)}`).toBe(valid);
      checked += 1;
      if (!valid) invalid += 1;
    }
    expect(checked).toBeGreaterThan(1500);
    expect(invalid).toBeGreaterThan(0);
  });
});
