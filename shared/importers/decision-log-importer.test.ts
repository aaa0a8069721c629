import { describe, expect, it } from 'vitest';
import type { Decision } from '../model/records';
import { importDecisionLog } from './decision-log-importer';

const source = { id: 'abc123', name: 'decisions.jsonl' };
const decision = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    decision_id: 'd-000123',
    timestamp: '2026-11-20T10:15:00Z',
    subject_id: 'u-42',
    model: { name: 'offer-eligibility', version: '3.2.0' },
    environment: 'production',
    output: { label: 'reject', score: 0.12 },
    action: 'offer_rejected',
    features: [
      {
        name: 'eligibility_flag',
        value: false,
        dataset: { namespace: 'warehouse', name: 'analytics.customer_features' },
        field: 'eligibility_flag',
        dataset_version: 'run-7',
        feature_version: 'v14',
      },
    ],
    ...over,
  });

describe('decision log importer', () => {
  it('maps the FORMATS.md example to a camelCase Decision with its line', () => {
    const result = importDecisionLog(`${decision()}\n`, source);
    expect(result.rejections).toEqual([]);
    expect(result.records).toEqual([
      {
        kind: 'decision',
        decisionId: 'd-000123',
        timestamp: '2026-11-20T10:15:00.000Z',
        subjectId: 'u-42',
        model: { name: 'offer-eligibility', version: '3.2.0' },
        environment: 'production',
        output: { label: 'reject', score: 0.12 },
        action: 'offer_rejected',
        features: [
          {
            name: 'eligibility_flag',
            value: false,
            dataset: { namespace: 'warehouse', name: 'analytics.customer_features' },
            field: 'eligibility_flag',
            datasetVersion: 'run-7',
            featureVersion: 'v14',
          },
        ],
        provenance: { sourceId: 'abc123', line: 1 },
      },
    ]);
  });

  it('keeps unknown fields and imports a decision without dataset_version', () => {
    const line = decision({ latency_ms: 12, features: [{ name: 'tenure_days', value: 40 }] });
    const [record] = importDecisionLog(line, source).records as Decision[];
    expect(record?.extra).toEqual({ latency_ms: 12 });
    expect(record?.features[0]).toEqual({ name: 'tenure_days', value: 40 });
  });

  it('rejects bad lines by number and imports the good ones around them', () => {
    const text = [
      decision({ decision_id: 'd-1' }),
      '',
      decision({ decision_id: 'd-2', model: { version: '1' } }),
      '{"decision_id": "d-3", "timestamp": ',
      decision({ decision_id: 4 }),
      decision({ decision_id: 'd-5', features: [{ value: 1 }] }),
      decision({ decision_id: 'd-6', timestamp: '20/11/2026' }),
      decision({ decision_id: 'd-7', features: 'eligibility_flag' }),
      '42',
      decision({ decision_id: 'd-10' }),
    ].join('\r\n');
    const result = importDecisionLog(text, source);
    expect((result.records as Decision[]).map((d) => [d.decisionId, d.provenance.line])).toEqual([
      ['d-1', 1],
      ['d-10', 10],
    ]);
    expect(result.rejections.map((r) => [r.line, r.reason.replace(/:.*/, '')])).toEqual([
      [3, 'missing required field "model.name"'],
      [4, 'invalid JSON'],
      [5, 'field "decision_id" must be a string, got a number'],
      [6, 'features[0]'],
      [7, 'field "timestamp" is invalid'],
      [8, 'field "features" must be an array, got a string'],
      [9, 'not a JSON object (expected a decision)'],
    ]);
    expect(result.rejections[3]?.reason).toBe('features[0]: missing required field "name"');
  });

  it('reads a timestamp without offset as UTC and warns on that line', () => {
    const result = importDecisionLog(decision({ timestamp: '2026-11-20T10:15:00' }), source);
    expect((result.records[0] as Decision).timestamp).toBe('2026-11-20T10:15:00.000Z');
    expect(result.warnings).toEqual([
      {
        sourceName: 'decisions.jsonl',
        line: 1,
        message: 'field "timestamp" ("2026-11-20T10:15:00") has no time zone offset; read as UTC',
      },
    ]);
  });

  it('accepts a JSON array of decisions with pointers', () => {
    const result = importDecisionLog(`[${decision()},\n${decision({ decision_id: 'd-2' })}]`, source);
    expect(result.records.map((r) => r.provenance.pointer)).toEqual(['/0', '/1']);
  });
});
