import { describe, expect, it } from 'vitest';
import { checkMapping, describeMapping, explainReason, readMappingJson, suggestMapping } from './column-mapping';
import { previewTable, sniffCsv } from './csv-format';
import { applyMapping } from './mapping';

describe('suggestions by header similarity', () => {
  it('recognizes an audit export by its headers and maps each field once', () => {
    const headers = ['Event ID', 'Occurred At', 'User Email', 'Operation', 'Object Type', 'Object ID', 'Workspace'];
    const mapping = suggestMapping(headers);
    expect(mapping.kind).toBe('audit-log');
    expect(mapping.fields).toEqual({
      id: 'Event ID',
      timestamp: 'Occurred At',
      actor: 'User Email',
      action: 'Operation',
      'target.type': 'Object Type',
      'target.id': 'Object ID',
      environment: 'Workspace',
    });
    expect(checkMapping(mapping, headers)).toEqual([]);
  });

  it('suggests epoch seconds when the time column holds numbers', () => {
    const mapping = suggestMapping(['id', 'ts', 'environment', 'sha'], 'deployments', [{ ts: '1763629200' }]);
    expect(mapping.timeFormat).toBe('epoch-seconds');
  });
});

describe('checking a mapping', () => {
  it('names required fields without a column or value, unknown fields and missing columns', () => {
    const problems = checkMapping({ kind: 'decision-log', fields: { decision_id: 'id', colour: 'c' } }, ['id']);
    expect(problems).toEqual([
      'Time of the decision ("timestamp") needs a column or a fixed value',
      'Model name ("model.name") needs a column or a fixed value',
      '"colour" is not a field of a decision',
      'no column "c" in the file',
    ]);
  });

  it('reads a saved mapping file and says what is wrong with a bad one', () => {
    const good = { kind: 'deployments', fields: { id: 'a', timestamp: 'b', environment: 'c', commit: 'd' } };
    expect(readMappingJson(JSON.stringify(good))).toEqual({ ok: true, mapping: good });
    expect(readMappingJson('{"kind":"decisions","fields":{}}')).toMatchObject({ ok: false, reason: /^kind: / });
    expect(readMappingJson(JSON.stringify({ ...good, timeOffset: 'CET' }))).toMatchObject({
      ok: false,
      reason: /timeOffset: a UTC offset such as Z or \+02:00/,
    });
    expect(readMappingJson('{"kind":')).toMatchObject({ ok: false, reason: /^not JSON/ });
  });
});

describe('applying a mapping', () => {
  it('sets fixed values, per-feature fields and the time offset', () => {
    const out = applyMapping(
      { at: '2026-01-02 03:04:05', a: '1', v: 'dv-9', other: 'kept' },
      {
        kind: 'decision-log',
        fields: { timestamp: 'at', 'features[].dataset_version': 'v' },
        constants: { 'model.name': 'm' },
        features: ['a'],
        timeOffset: '-05:00',
      },
    );
    expect(out).toEqual({
      timestamp: '2026-01-02 03:04:05-05:00',
      model: { name: 'm' },
      features: [{ name: 'a', value: '1', dataset_version: 'dv-9' }],
      other: 'kept',
    });
  });

  it('describes itself and explains a validator’s reason with the column', () => {
    const mapping = { kind: 'decision-log' as const, fields: { decision_id: 'id' }, features: ['a', 'b'] };
    expect(describeMapping(mapping)).toBe('decision ← id; features ← a, b');
    expect(explainReason('missing required field "decision_id"', mapping)).toBe(
      'missing required field "decision_id" (column "id")',
    );
  });
});

describe('recognizing a CSV and previewing a table', () => {
  it('tells a CSV from Markdown, YAML and JSON', () => {
    expect(sniffCsv('a\tb\tc\n1\t2\t3\n')?.delimiter).toBe('\t');
    expect(sniffCsv('# Sources\n\n| a | b |\n|---|---|\n')).toBeUndefined();
    expect(sniffCsv('name: x\nmodels:\n  - a, b\n')).toBeUndefined();
    expect(sniffCsv('{"a": 1, "b": 2}\n')).toBeUndefined();
    expect(sniffCsv('a,b\n1,2,3\n')).toBeUndefined();
  });

  it('previews the first five rows of JSON lines by their keys, a nested object by dotted paths', () => {
    const lines = Array.from({ length: 7 }, (_, i) => JSON.stringify({ key: `k${i}`, n: i, o: { x: 1 } })).join('\n');
    const preview = previewTable(lines);
    expect(preview?.format).toBe('json-lines');
    expect(preview?.headers).toEqual(['key', 'n', 'o.x']);
    expect(preview?.rows).toHaveLength(5);
    expect(preview?.rows[4]).toEqual({ key: 'k4', n: '4', 'o.x': '1' });
  });
});

describe('describing a mapping', () => {
  it('lists the columns in the order of the kind’s fields, whatever order they were picked in', () => {
    const fields = { 'output.score': 'p', timestamp: 't', decision_id: 'id' };
    expect(describeMapping({ kind: 'decision-log', fields })).toBe('decision ← id, t, p');
  });
});
