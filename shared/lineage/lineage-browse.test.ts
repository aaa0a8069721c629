/**
 * Browsing the lineage from any dataset or job, without a decision: on a small hand-made evidence set whose lineage
 * changes over time (a job starts reading a second input), and on a real dbt project's manifest and run results.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { toEvidenceSet } from '../model/evidence-set';
import { lineageAround, lineageEntries, lineageNodeAt, searchLineage } from './lineage-browse';
import { imported, modelOfEvents } from './imported-lineage.fixture';
import { lineageModel } from './lineage-model';
import { downstreamAt, upstreamAt } from './neighbours';

const ref = (id: string) => ({ namespace: id.split(':')[0], name: id.split(':')[1] });
const run = (time: string, job: string, inputs: string[], outputs: string[], fields: string[] = []) => ({
  eventType: 'COMPLETE',
  eventTime: time,
  producer: 'https://example.com/test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId: `00000000-0000-4000-8000-${String(Date.parse(time) / 1000).padStart(12, '0')}` },
  job: ref(job),
  inputs: inputs.map(ref),
  outputs: outputs.map((o) => ({
    ...ref(o),
    ...(fields.length && {
      facets: {
        schema: {
          _producer: 'https://example.com/test',
          _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json',
          fields: fields.map((name) => ({ name, type: 'int' })),
        },
      },
    }),
  })),
});

/** raw → load → stage → build → mart → report → dash; from 13:00 build also reads extra. */
const EVENTS = [
  run('2024-03-01T10:00:00Z', 'w:load', ['s:raw'], ['w:stage']),
  run('2024-03-01T11:00:00Z', 'w:build', ['w:stage'], ['w:mart'], ['id', 'amount']),
  run('2024-03-01T12:00:00Z', 'w:report', ['w:mart'], ['w:dash']),
  run('2024-03-01T13:00:00Z', 'w:build', ['w:stage', 's:extra'], ['w:mart'], ['id', 'amount']),
];

const handMade = () => modelOfEvents(EVENTS);
const ids = (nodes: ReadonlyArray<{ readonly id: string }>) => nodes.map((n) => n.id).sort();

describe('browsing the lineage of a hand-made evidence set', () => {
  it('lists every dataset, job and field, and finds them by name, the exact name first', () => {
    const model = handMade();
    const entries = lineageEntries(model);
    const datasets = EVENTS.flatMap((e) => [...e.inputs, ...e.outputs]).map((d) => `${d.namespace}:${d.name}`);
    expect(ids(entries.filter((e) => e.kind === 'dataset'))).toEqual([...new Set(datasets)].sort());
    expect(ids(entries.filter((e) => e.kind === 'job'))).toEqual(
      [...new Set(EVENTS.map((e) => `${e.job.namespace}:${e.job.name}`))].sort(),
    );
    expect(entries.filter((e) => e.kind === 'field').map((e) => e.id)).toEqual(['w:mart#amount', 'w:mart#id']);
    expect(searchLineage(entries, 'MART')[0]).toEqual({ id: 'w:mart', kind: 'dataset' });
    expect(searchLineage(entries, 'amount').map((e) => e.id)).toEqual(['w:mart#amount']);
    expect(searchLineage(entries, 'nothing-like-it')).toEqual([]);
    expect(searchLineage(entries, '  ')).toEqual([]);
  });

  it('walks upstream and downstream of a dataset as of a moment: a later input appears only from its first run', () => {
    const model = handMade();
    const before = Date.parse('2024-03-01T12:30:00Z');
    const mart = lineageNodeAt(model, 'w:mart', before)!;
    const around = lineageAround(model, mart, before);
    expect(ids(around.upstream)).toEqual(['s:raw', 'w:build', 'w:load', 'w:stage']);
    expect(ids(around.downstream)).toEqual(['w:dash', 'w:report']);
    expect(around.edges.map((e) => `${e.source}>${e.target}`)).toContain('w:stage>w:build');
    expect(around.truncated).toBe(false);

    const after = Date.parse('2024-03-01T13:30:00Z');
    expect(ids(lineageAround(model, lineageNodeAt(model, 'w:mart', after)!, after).upstream)).toContain('s:extra');
  });

  it('walks from a job, and sees no consumer before its first run', () => {
    const model = handMade();
    const t = Date.parse('2024-03-01T10:30:00Z');
    const stage = lineageAround(model, lineageNodeAt(model, 'w:stage', t)!, t);
    expect(ids(stage.upstream)).toEqual(['s:raw', 'w:load']);
    expect(stage.downstream).toEqual([]);
    const late = Date.parse('2024-03-01T12:30:00Z');
    const report = lineageAround(model, lineageNodeAt(model, 'w:report', late)!, late);
    expect(report.focus.kind).toBe('job');
    expect(ids(report.downstream)).toEqual(['w:dash']);
    expect(ids(report.upstream)).toContain('w:mart');
  });

  it('follows the run that wrote a version, not a later run of a job of the same name that read other datasets', () => {
    const other = run('2024-03-01T14:00:00Z', 'w:build', ['o:stage'], ['o:mart']);
    const model = modelOfEvents([...EVENTS, other]);
    const t = Date.parse('2024-03-01T14:30:00Z');
    const around = lineageAround(model, lineageNodeAt(model, 'w:mart', t)!, t);
    expect(ids(around.upstream)).toEqual(['s:extra', 's:raw', 'w:build', 'w:load', 'w:stage']);
    expect(ids(around.downstream)).toEqual(['w:dash', 'w:report']);
  });

  it("expands a job drawn for the run that wrote a version into that run's inputs and outputs, on the Trace step too", () => {
    const other = run('2024-03-01T14:00:00Z', 'w:build', ['o:stage'], ['o:mart']);
    const model = modelOfEvents([...EVENTS, other]);
    const t = Date.parse('2024-03-01T14:30:00Z');
    const [writer] = upstreamAt(model, lineageNodeAt(model, 'w:mart', t)!, t);
    expect(writer?.node.id).toBe('w:build');
    expect(ids(upstreamAt(model, writer!.node, t).map((s) => s.node))).toEqual(['s:extra', 'w:stage']);
    expect(ids(downstreamAt(model, writer!.node, t).map((s) => s.node))).toEqual(['w:mart']);
    // The job looked up by name alone stands for its last run, which read and wrote the other project's datasets.
    const byName = lineageNodeAt(model, 'w:build', t)!;
    expect(ids(upstreamAt(model, byName, t).map((s) => s.node))).toEqual(['o:stage']);
  });

  it('stops at the cap and says so', () => {
    const model = handMade();
    const t = Date.parse('2024-03-01T12:30:00Z');
    const around = lineageAround(model, lineageNodeAt(model, 'w:dash', t)!, t, 2);
    expect(around.upstream).toHaveLength(2);
    expect(around.truncated).toBe(true);
  });

  it('knows no node for an id the evidence does not name', () => {
    expect(lineageNodeAt(handMade(), 'w:nowhere', Date.parse('2024-03-01T12:30:00Z'))).toBeUndefined();
  });
});

describe('browsing a real dbt project (manifest and run results)', () => {
  it("a model's upstream holds the models its manifest node depends on", () => {
    const dir = 'dbt/ol_v7_postgres_1.3.1';
    const files = ['manifest.json', 'run_results.json'].map((f) => `${dir}/${f}`);
    const model = lineageModel(toEvidenceSet(files.flatMap((f) => imported(f, readFileSync(realFixture(f), 'utf8')))));
    const manifest = JSON.parse(readFileSync(realFixture(dir, 'manifest.json'), 'utf8')) as {
      nodes: Record<string, { alias: string; depends_on: { nodes: string[] } }>;
    };
    const [, customers] = Object.entries(manifest.nodes).find(([key]) => key.endsWith('.customers'))!;
    const dependsOn = customers.depends_on.nodes.map((n) => manifest.nodes[n]!.alias);
    expect(dependsOn.length).toBeGreaterThan(0);

    const entries = lineageEntries(model);
    const found = searchLineage(entries, customers.alias).find((e) => e.kind === 'dataset')!;
    expect(found.id.endsWith(`.${customers.alias}`)).toBe(true);
    const latest = Math.max(...model.runs.runs.map((r) => r.timeMs));
    const around = lineageAround(model, lineageNodeAt(model, found.id, latest)!, latest);
    const upstreamNames = around.upstream.filter((n) => n.kind !== 'job').map((n) => n.id.split('.').pop());
    for (const name of dependsOn) expect(upstreamNames).toContain(name);
  });
});
