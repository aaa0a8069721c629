/**
 * A field's column path as of a moment, upstream and downstream: on a small hand-made evidence set whose column
 * lineage changes over time (a job starts computing a field from a second input), and on Marquez's demo metadata
 * (real OpenLineage events whose outputs carry `columnLineage` facets several jobs deep).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { toEvidenceSet } from '../model/evidence-set';
import { columnPathAt, splitFieldId } from './column-path';
import { imported, modelOfEvents } from './imported-lineage.fixture';
import { lineageModel } from './lineage-model';

const ref = (id: string) => ({ namespace: id.split(':')[0]!, name: id.split(':')[1]!.split('#')[0]! });
/** A run of `job` at `time` reading `inputs` and writing `output`, whose fields are computed as `columns` says. */
const run = (time: string, job: string, inputs: string[], output: string, columns: Record<string, string[]>) => ({
  eventType: 'COMPLETE',
  eventTime: time,
  producer: 'https://example.com/test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: `00000000-0000-4000-8000-${String(Date.parse(time) / 1000).padStart(12, '0')}` },
  job: ref(job),
  inputs: inputs.map(ref),
  outputs: [
    {
      ...ref(output),
      facets: {
        columnLineage: {
          _producer: 'https://example.com/test',
          _schemaURL: 'https://openlineage.io/spec/facets/1-0-2/ColumnLineageDatasetFacet.json',
          fields: Object.fromEntries(
            Object.entries(columns).map(([field, from]) => [
              field,
              { inputFields: from.map((f) => ({ ...ref(f), field: f.split('#')[1]! })) },
            ]),
          ),
        },
      },
    },
  ],
});

/** raw → load → stage → build → mart → report → dash; from 13:00 build computes mart.total from extra.rate too. */
const EVENTS = [
  run('2024-03-01T10:00:00Z', 'w:load', ['s:raw'], 'w:stage', {
    id: ['s:raw#id'],
    amount: ['s:raw#cents'],
    note: ['s:raw#note'],
  }),
  run('2024-03-01T11:00:00Z', 'w:build', ['w:stage'], 'w:mart', { id: ['w:stage#id'], total: ['w:stage#amount'] }),
  run('2024-03-01T12:00:00Z', 'w:report', ['w:mart'], 'w:dash', { revenue: ['w:mart#total'], key: ['w:mart#id'] }),
  run('2024-03-01T13:00:00Z', 'w:build', ['w:stage', 's:extra'], 'w:mart', {
    id: ['w:stage#id'],
    total: ['w:stage#amount', 's:extra#rate'],
  }),
];

const handMade = () => modelOfEvents(EVENTS);
const at = (time: string) => Date.parse(`2024-03-01T${time}:00Z`);
const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('the column path of a field in a hand-made evidence set', () => {
  it('goes upstream through the fields it was computed from, not through the other fields of the same datasets', () => {
    const path = columnPathAt(handMade(), 'w:mart#total', at('12:30'));
    expect(path.upstream).toEqual(['w:stage#amount', 's:raw#cents']);
    expect(sorted(path.edges.map((e) => `${e.source}>${e.target}`))).toEqual([
      's:raw#cents>w:stage#amount',
      'w:mart#total>w:dash#revenue',
      'w:stage#amount>w:mart#total',
    ]);
    expect(path.downstream).toEqual(['w:dash#revenue']);
    expect(sorted(path.fields.keys())).toEqual(['s:raw', 'w:dash', 'w:mart', 'w:stage']);
    expect(sorted(path.fields.get('w:stage')!)).toEqual(['amount']);
    expect(path.truncated).toBe(false);
  });

  it('reads the column lineage of the version active at the moment: a later input field appears from its run', () => {
    const model = handMade();
    expect(columnPathAt(model, 'w:mart#total', at('12:30')).upstream).not.toContain('s:extra#rate');
    expect(columnPathAt(model, 'w:mart#total', at('13:30')).upstream).toContain('s:extra#rate');
    expect(columnPathAt(model, 's:extra#rate', at('13:30')).downstream).toEqual(['w:mart#total', 'w:dash#revenue']);
    expect(columnPathAt(model, 's:extra#rate', at('12:30')).downstream).toEqual([]);
  });

  it('goes downstream only to what was computed from the field by the moment', () => {
    const model = handMade();
    expect(columnPathAt(model, 's:raw#cents', at('11:30')).downstream).toEqual(['w:stage#amount', 'w:mart#total']);
    expect(columnPathAt(model, 's:raw#cents', at('12:30')).downstream).toEqual([
      'w:stage#amount',
      'w:mart#total',
      'w:dash#revenue',
    ]);
    expect(columnPathAt(model, 's:raw#note', at('12:30'))).toMatchObject({
      upstream: [],
      downstream: ['w:stage#note'],
    });
    expect(columnPathAt(model, 'w:mart#total', at('09:00'))).toMatchObject({ upstream: [], downstream: [] });
  });

  it('stops at its limit and says so', () => {
    const path = columnPathAt(handMade(), 's:raw#cents', at('12:30'), 1);
    expect(path.downstream).toEqual(['w:stage#amount']);
    expect(path.truncated).toBe(true);
  });

  it('splits a field id at its first #', () => {
    expect(splitFieldId('w:mart#total')).toEqual({ datasetId: 'w:mart', field: 'total' });
    expect(splitFieldId('w:mart')).toBeUndefined();
    expect(splitFieldId('w:mart#')).toBeUndefined();
  });
});

describe("the column path of a field in Marquez's demo metadata", () => {
  interface Output {
    readonly namespace: string;
    readonly name: string;
    readonly facets?: {
      readonly columnLineage?: {
        readonly fields: Record<string, { inputFields: Array<{ namespace: string; name: string; field: string }> }>;
      };
    };
  }
  const NAME = 'marquez_docker_metadata.json';
  const text = readFileSync(realFixture('openlineage', NAME), 'utf8');
  const events = JSON.parse(text) as Array<{ eventTime: string; outputs?: Output[] }>;
  /** Every column edge the events' facets state: `ns:dataset#field` → the fields it was computed from. */
  const stated = new Map<string, string[]>();
  for (const out of events.flatMap((e) => e.outputs ?? [])) {
    for (const [field, entry] of Object.entries(out.facets?.columnLineage?.fields ?? {})) {
      stated.set(
        `${out.namespace}:${out.name}#${field}`,
        entry.inputFields.map((i) => `${i.namespace}:${i.name}#${i.field}`),
      );
    }
  }
  const model = lineageModel(toEvidenceSet(imported(NAME, text)));
  const latest = Math.max(...model.runs.runs.map((r) => r.timeMs));
  // A field computed from a field that was itself computed from another: two steps of column lineage.
  const deep = [...stated].find(([, inputs]) => inputs.some((i) => stated.has(i)))!;

  it('follows the facets two steps up and back down, every edge one the events state', () => {
    expect(deep).toBeDefined();
    const [field, inputs] = deep;
    const path = columnPathAt(model, field, latest);
    for (const input of inputs) expect(path.upstream).toContain(input);
    const middle = inputs.find((i) => stated.has(i))!;
    for (const further of stated.get(middle)!) expect(path.upstream).toContain(further);
    expect(path.edges.length).toBeGreaterThan(inputs.length);
    for (const e of path.edges) expect(stated.get(e.target)).toContain(e.source);
    // From the middle field, the deep one is downstream.
    expect(columnPathAt(model, middle, latest).downstream).toContain(field);
  });

  it('marks per dataset only the fields on the path', () => {
    const [field] = deep;
    const path = columnPathAt(model, field, latest);
    for (const [datasetId, fields] of path.fields) {
      for (const f of fields) {
        const id = `${datasetId}#${f}`;
        expect([field, ...path.upstream, ...path.downstream]).toContain(id);
      }
    }
    const dataset = splitFieldId(field)!.datasetId;
    const siblings = Object.keys(
      events.flatMap((e) => e.outputs ?? []).find((o) => `${o.namespace}:${o.name}` === dataset)!.facets!.columnLineage!
        .fields,
    );
    expect(siblings.length).toBeGreaterThan(1);
    const unrelated = siblings.filter(
      (s) => !path.downstream.includes(`${dataset}#${s}`) && `${dataset}#${s}` !== field,
    );
    expect(unrelated.length).toBeGreaterThan(0);
    for (const s of unrelated) expect(path.fields.get(dataset)).not.toContain(s);
  });
});
