import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { Decision, Deployment, EvidenceRecord } from '../model/records';
import { suggestMapping } from './column-mapping';
import { importInput } from './index';
import type { ImportMapping } from './mapping';
import { HEAD_SIZE, startImport, type StartOptions } from './streaming';

const NANNYML = 'inference/nannyml/nannyml_california_housing_analysis.csv';
const real = (path: string) => readFileSync(realFixture(path), 'utf8');
const file = (text: string, name = 'export.csv') => ({ name, sha256: 'e'.repeat(64), size: text.length, text });

/** A decision log as a BI tool exports it: its own headers, a quoted field with a comma and a line break. */
const BI_EXPORT = [
  'Prediction ID;Scored At;Customer;Model;Predicted Label;Score;credit_limit;region',
  'p-1;2026-11-20 10:15:00;u-42;offer-eligibility;reject;0.12;1500;"north, coast"',
  'p-2;2026-11-20 10:16:00;u-43;offer-eligibility;accept;0.91;2500;"south',
  'inland"',
  'p-3;yesterday;u-44;offer-eligibility;accept;0.77;900;east',
  'p-4;2026-11-20 10:18:00;u-45;offer-eligibility;reject;0.05;300;west',
].join('\r\n');

const BI_MAPPING: ImportMapping = {
  kind: 'decision-log',
  fields: {
    decision_id: 'Prediction ID',
    timestamp: 'Scored At',
    subject_id: 'Customer',
    'model.name': 'Model',
    'output.label': 'Predicted Label',
    'output.score': 'Score',
  },
  features: ['credit_limit', 'region'],
  timeOffset: '+01:00',
};

function streamed(text: string, size: number, options: StartOptions) {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: 'e'.repeat(64), name: 'export.csv' }, options);
  const records: EvidenceRecord[] = [];
  for (let i = 0; i < text.length; i += size) {
    job.push(text.slice(i, i + size));
    records.push(...job.take());
  }
  const summary = job.end();
  return { records: [...records, ...job.take()], summary };
}

describe('a CSV without a mapping', () => {
  it('is reported as needing a column mapping, naming its columns and rows, not dropped silently', () => {
    const result = importInput(file(BI_EXPORT));
    expect(result.detected).toBe('csv');
    expect(result.records).toEqual([]);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]).toMatchObject({ sourceName: 'export.csv', line: 1 });
    expect(result.rejections[0]?.reason).toMatch(
      /^needs a column mapping: a CSV of 4 rows with the columns Prediction ID/,
    );
  });
});

describe('a CSV read through a column mapping', () => {
  it('makes decisions through the decision-log validator, with the line of each row', () => {
    const result = importInput(file(BI_EXPORT), { mapping: BI_MAPPING });
    expect(result.importer).toBe('csv');
    expect(result.detected).toBe('decision-log');
    const decisions = result.records as Decision[];
    expect(decisions.map((d) => [d.decisionId, d.provenance.line])).toEqual([
      ['p-1', 2],
      ['p-2', 3],
      ['p-4', 6],
    ]);
    expect(decisions[0]).toMatchObject({
      timestamp: '2026-11-20T09:15:00.000Z',
      subjectId: 'u-42',
      model: { name: 'offer-eligibility' },
      output: { label: 'reject', score: 0.12 },
      features: [
        { name: 'credit_limit', value: 1500 },
        { name: 'region', value: 'north, coast' },
      ],
    });
    expect(decisions[1]?.features[1]?.value).toBe('south\r\ninland');
  });

  it('rejects a bad row naming file, line, field and the column it came from; the rest is imported', () => {
    const result = importInput(file(BI_EXPORT), { mapping: BI_MAPPING });
    expect(result.rejections).toEqual([
      {
        sourceName: 'export.csv',
        line: 5,
        reason: 'field "timestamp" (column "Scored At") is invalid: "yesterday" is not an RFC 3339 timestamp',
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('gives the same records streamed in small chunks as read whole', () => {
    const whole = importInput(file(BI_EXPORT), { mapping: BI_MAPPING });
    for (const size of [1, 7, 64]) {
      const { records, summary } = streamed(BI_EXPORT, size, { mapping: BI_MAPPING });
      expect(records).toEqual(whole.records);
      expect(summary.rejections).toEqual(whole.rejections);
    }
  });

  it('rejects the whole file, saying why, when the mapping names a column the file lacks', () => {
    const mapping = { ...BI_MAPPING, fields: { ...BI_MAPPING.fields, subject_id: 'Client' } };
    const result = importInput(file(BI_EXPORT), { mapping });
    expect(result.records).toEqual([]);
    expect(result.rejections[0]?.reason).toMatch(/does not fit this file \(no column "Client" in the file\)/);
  });

  it('reads epoch-second times and maps deployments with their required fields checked', () => {
    const text = 'deploy,when,env,sha\nx-1,1763629200,prod,0123456789abcdef\nx-2,1763629260,,0123456789abcdef\n';
    const mapping: ImportMapping = {
      kind: 'deployments',
      fields: { id: 'deploy', timestamp: 'when', environment: 'env', commit: 'sha' },
      timeFormat: 'epoch-seconds',
    };
    const result = importInput(file(text), { mapping });
    expect((result.records as Deployment[]).map((d) => [d.id, d.timestamp, d.environment])).toEqual([
      ['x-1', '2025-11-20T09:00:00.000Z', 'prod'],
    ]);
    expect(result.rejections).toEqual([
      { sourceName: 'export.csv', line: 3, reason: 'missing required field "environment" (column "env")' },
    ]);
  });
});

describe('the NannyML California housing inference log (real CSV) mapped to decisions', () => {
  const text = real(NANNYML);
  const headers = text.slice(0, text.indexOf('\n')).split(',');
  const suggested = suggestMapping(headers);
  const mapping: ImportMapping = { ...suggested, constants: { 'model.name': 'california-housing' }, timeOffset: 'Z' };
  const result = importInput(file(text, 'nannyml_california_housing_analysis.csv'), { mapping });
  const decisions = result.records as Decision[];

  it('suggests the decision log, its id, time and outputs, and the eight housing features', () => {
    expect(suggested.kind).toBe('decision-log');
    expect(suggested.fields).toEqual({
      decision_id: 'id',
      timestamp: 'timestamp',
      'output.label': 'y_pred',
      'output.score': 'y_pred_proba',
    });
    expect(suggested.features).toEqual([
      'MedInc',
      'HouseAge',
      'AveRooms',
      'AveBedrms',
      'Population',
      'AveOccup',
      'Latitude',
      'Longitude',
    ]);
  });

  it('imports every one of its 8,232 rows (8,233 lines with the header) as a decision', () => {
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(decisions).toHaveLength(8232);
    expect(decisions.filter((d) => (d.output as { label: number }).label === 1)).toHaveLength(961);
  });

  it('keeps the values of a row a person can look up: id 6831 on line 1001', () => {
    const row = decisions.find((d) => d.decisionId === '6831');
    expect(row?.provenance.line).toBe(1001);
    expect(row?.timestamp).toBe('2021-07-12T15:00:00.000Z');
    expect(row?.output).toEqual({ label: 0, score: 0.15 });
    expect(row?.features.find((f) => f.name === 'MedInc')?.value).toBe(3.6394);
    expect(row?.features.find((f) => f.name === 'Longitude')?.value).toBe(-117.48);
    expect(decisions.at(-1)).toMatchObject({ decisionId: '14063', timestamp: '2022-05-09T23:00:00.000Z' });
  });
});
