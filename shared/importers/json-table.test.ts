/**
 * JSON records of fields no importer knows are tables, as a CSV is: a scoring service's export given as a JSON array,
 * a wrapper's list, JSON lines or one flat record needs a column mapping (nothing read, its fields named, nested
 * objects as dotted paths), and with one its records are imported. A single object with nested parts is a document
 * (an API response, settings), skipped with the reason; a page whose list holds timed records could be evidence in
 * a format not supported yet, and is rejected as unrecognized.
 */
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../ipc/contract';
import { HEAD_SIZE, importInput, startImport } from './index';
import type { ImportMapping } from './mapping';

const file = (text: string, name = 'export.json'): InputFile => ({ name, sha256: 'beef', size: text.length, text });
/** Why the streaming import skipped the text as not evidence (undefined when it did not). */
const skippedBecause = (text: string) => {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: 'beef', name: 'export.json' });
  job.push(text);
  return job.end().skipped;
};

/** Scores as a vendor's service might export them: its own field names, the request nested, epoch milliseconds. */
const scores = Array.from({ length: 4 }, (_, i) => ({
  scoreId: `s-${i + 1}`,
  scoredAt: Date.UTC(2026, 10, 20, 10, i) as number,
  request: { customer: `c-${i + 1}`, channel: i % 2 ? 'web' : 'branch' },
  model: 'limits',
  verdict: i === 2 ? 'decline' : 'approve',
  income: 40_000 + i * 1_000,
}));

const mapping: ImportMapping = {
  kind: 'decision-log',
  fields: { decision_id: 'scoreId', timestamp: 'scoredAt', subject_id: 'request.customer', action: 'verdict' },
  constants: { 'model.name': 'limits' },
  features: ['income'],
  timeFormat: 'epoch-milliseconds',
};

const shapes: ReadonlyArray<[string, string, RegExp]> = [
  [
    'a JSON array',
    JSON.stringify(scores, null, 2),
    /^needs a column mapping: a JSON array of 4 records with the fields/,
  ],
  ['a wrapper of a list', JSON.stringify({ items: scores }), /^needs a column mapping: a JSON array of 4 records/],
  ['JSON lines', scores.map((s) => JSON.stringify(s)).join('\n') + '\n', /^needs a column mapping: JSON lines of 4/],
];

describe('JSON records of other fields, read as a table', () => {
  it.each(shapes)(
    '%s: needs a column mapping, naming its fields with nested ones dotted; nothing read',
    (_, text, reason) => {
      const result = importInput(file(text));
      expect(result.records).toEqual([]);
      expect(result.rejections).toHaveLength(1);
      expect(result.rejections[0]?.line).toBe(1);
      expect(result.rejections[0]?.reason).toMatch(reason);
      expect(result.rejections[0]?.reason).toContain('scoreId, scoredAt, request.customer, request.channel, model');
    },
  );

  it.each(shapes)('%s: imports every record through a mapping that reads a nested field', (_, text) => {
    const result = importInput(file(text), { mapping });
    expect(result.rejections).toEqual([]);
    const decisions = result.records.filter((r) => r.kind === 'decision');
    expect(decisions.map((d) => (d.kind === 'decision' ? [d.decisionId, d.subjectId, d.action] : []))).toEqual([
      ['s-1', 'c-1', 'approve'],
      ['s-2', 'c-2', 'approve'],
      ['s-3', 'c-3', 'decline'],
      ['s-4', 'c-4', 'approve'],
    ]);
    const third = decisions[2];
    expect(third?.kind === 'decision' && third.timestamp).toBe('2026-11-20T10:02:00.000Z');
  });

  it('one flat record with a time is a table of one record', () => {
    const one = { ...scores[0], request: undefined, customer: 'c-1' };
    const result = importInput(file(JSON.stringify(one)));
    expect(result.rejections[0]?.reason).toMatch(/^needs a column mapping: a JSON object of 1 record with the fields/);
  });

  it('one object of nested parts is a document, skipped even with a time of its own; a page of timed records is not', () => {
    // An API response saved as a test fixture: one job, its status and times nested.
    const response = { status: { code: 200 }, data: { id: 7, created_at: '2026-11-20T10:00:00Z', steps: [{ n: 1 }] } };
    expect(importInput(file(JSON.stringify(response))).rejections).toEqual([]);
    expect(skippedBecause(JSON.stringify(response))).toMatch(
      /^one JSON object of fields no importer knows \(status, data\)/,
    );
    // A page of an export in a format not supported yet: its records have times, so it could be evidence.
    const page = JSON.stringify({ page: 2, results: scores });
    expect(skippedBecause(page)).toBeUndefined();
    expect(importInput(file(page)).rejections[0]?.reason).toMatch(/^unrecognized input: .*fields page, results/);
  });

  it('a table with no field that could be a time is reference data, skipped', () => {
    const rates = [
      { currency: 'EUR', rate: 1.08 },
      { currency: 'GBP', rate: 1.27 },
    ];
    expect(importInput(file(JSON.stringify(rates))).rejections).toEqual([]);
    expect(skippedBecause(JSON.stringify(rates))).toMatch(/no field could be a record's time/);
  });
});
