import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { Decision, EvidenceRecord } from '../model/records';
import { toEvidenceSet } from '../model/evidence-set';
import { importInput } from './index';
import { HEAD_SIZE, startImport, type ImportSummary } from './streaming';

const real = (path: string) => readFileSync(realFixture(path), 'utf8');
const source = { id: 'c'.repeat(64), name: 'input' };

/** Streams `text` in chunks of `size` characters, draining records after every push. */
function streamed(text: string, size: number): { records: EvidenceRecord[]; summary: ImportSummary } {
  const job = startImport(text.slice(0, HEAD_SIZE), source);
  const records: EvidenceRecord[] = [];
  for (let i = 0; i < text.length; i += size) {
    job.push(text.slice(i, i + size));
    records.push(...job.take());
  }
  const summary = job.end();
  records.push(...job.take());
  return { records, summary };
}

const decision = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    decision_id: `d-${i}`,
    timestamp: `2026-11-20T10:${String(i % 60).padStart(2, '0')}:00Z`,
    model: { name: 'm' },
    features: [{ name: 'f' }],
    ...extra,
  });

describe('startImport gives the same records whatever the chunk size', () => {
  it.each([
    ['a JSON array', 'openlineage/marquez_docker_metadata.json'],
    ['NDJSON', 'audit/aws_cloudtrail/elastic_test-console-login-json.ndjson'],
    ['a {"Records": […]} wrapper', 'audit/aws_cloudtrail/cloudtrail_processing_lib_SerializerTestFile.json'],
    ['one pretty-printed event', 'openlineage/marquez_event_full.json'],
    ['a dbt manifest', 'dbt/ol_v7_postgres_1.3.1/manifest.json'],
    ['rudder-cli YAML', 'tracking-plans/rudder-cli_e2e_update/properties.yaml'],
  ])('%s', (_label, path) => {
    const text = real(path);
    const whole = importInput({ name: 'input', sha256: source.id, size: text.length, text });
    for (const size of [1, 7, 4096, text.length]) {
      const { records, summary } = streamed(text, size);
      expect(records).toEqual(whole.records);
      expect(summary.rejections).toEqual(whole.rejections);
      expect(summary.warnings).toEqual(whole.warnings);
      expect(summary.detected).toBe(whole.detected);
    }
  });

  it('hands records over in batches and counts them by kind', () => {
    const text = Array.from({ length: 50 }, (_, i) => decision(i)).join('\n');
    const job = startImport(text, source);
    job.push(text.slice(0, 4000));
    const first = job.take();
    expect(first.length).toBeGreaterThan(0);
    expect(job.take()).toEqual([]);
    job.push(text.slice(4000));
    const summary = job.end();
    expect(first.length + job.take().length).toBe(50);
    expect(summary.counts).toEqual({ decision: 50 });
  });
});

describe('bad input never aborts the import', () => {
  it('one bad line among 10,000 good: 10,000 records and one rejection naming line 5,001', () => {
    const lines = Array.from({ length: 10001 }, (_, i) =>
      i === 5000 ? '{"decision_id": "d-x", "timestamp": ' : decision(i),
    );
    const { records, summary } = streamed(lines.join('\n'), 65536);
    expect(records).toHaveLength(10000);
    expect(summary.rejectedCount).toBe(1);
    expect(summary.rejections[0]).toMatchObject({ line: 5001, reason: expect.stringMatching(/^invalid JSON/) });
  });

  it('lists the first 1,000 rejections and counts them all', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => decision(i, { model: 7 }));
    const { summary } = streamed([decision(0), ...lines].join('\n'), 65536);
    expect(summary.rejectedCount).toBe(1500);
    expect(summary.rejections).toHaveLength(1000);
    expect(summary.rejections[999]?.line).toBe(1001);
  });

  it('rejects wrong types and missing required fields with the field named', () => {
    const text = [decision(1), decision(2, { decision_id: 42 }), decision(3, { timestamp: undefined })].join('\n');
    const { records, summary } = streamed(text, 10);
    expect(records).toHaveLength(1);
    expect(summary.rejections.map((r) => [r.line, r.reason])).toEqual([
      [2, 'field "decision_id" must be a string, got a number'],
      [3, 'missing required field "timestamp"'],
    ]);
  });

  it('keeps the elements of a truncated JSON array before the break and names the line of the break', () => {
    const events = JSON.parse(real('openlineage/marquez_docker_metadata.json')) as unknown[];
    const pretty = JSON.stringify(events, null, 2);
    const cut = pretty.slice(0, pretty.indexOf('"eventTime"', pretty.length / 2));
    const { records, summary } = streamed(cut, 4096);
    expect(summary.detected).toBe('openlineage');
    expect(records.length).toBeGreaterThan(5);
    expect(records.length).toBeLessThan(events.length);
    expect(summary.rejections).toHaveLength(1);
    expect(summary.rejections[0]?.reason).toMatch(/^invalid JSON/);
    expect(summary.rejections[0]?.line).toBe(cut.split('\n').length);
  });

  it('skips an empty file (nothing lost) and rejects binary garbage, importing nothing', () => {
    const empty = streamed('', 10).summary;
    expect([empty.skipped, empty.rejections, empty.rejectedCount]).toEqual(['an empty file', [], 0]);
    const bytes = Array.from({ length: 512 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    const binary = streamed(`\x00\x01garbage${bytes}`, 100);
    expect(binary.records).toEqual([]);
    expect(binary.summary.rejections[0]?.reason).toMatch(/binary data/);
  });

  it('reads a timestamp without offset as UTC, with a warning on its line', () => {
    const { records, summary } = streamed(decision(1, { timestamp: '2026-11-20 10:15:00' }), 5);
    expect((records[0] as Decision).timestamp).toBe('2026-11-20T10:15:00.000Z');
    expect(summary.warnings[0]).toMatchObject({ line: 1, message: expect.stringMatching(/no time zone offset/) });
  });

  it('imports events out of order and duplicates as they are; the evidence set orders them, a repeat once', () => {
    const text = [decision(30), decision(10), decision(10), decision(20)].join('\n');
    const first = streamed(text, 64);
    expect(first.records).toHaveLength(4);
    expect(toEvidenceSet(first.records).decisions.map((d) => d.decisionId)).toEqual(['d-10', 'd-20', 'd-30']);
    expect(streamed(text, 3).records).toEqual(first.records);
  });
});

describe('a saved mapping imports JSON lines with other column names', () => {
  it('maps columns to the decision log fields and keeps the others', () => {
    const text = [
      { id: 'x-1', at: '2026-11-20T10:00:00Z', model_name: 'm', inputs: [{ name: 'f' }], score: 0.4 },
      { id: 'x-2', at: '2026-11-20T11:00:00Z', model_name: 'm', inputs: [] },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const mapping = {
      kind: 'decision-log' as const,
      fields: { decision_id: 'id', timestamp: 'at', 'model.name': 'model_name', features: 'inputs' },
    };
    const result = importInput({ name: 'x.jsonl', sha256: source.id, size: 0, text }, { mapping });
    expect(result.detected).toBe('decision-log');
    expect(result.rejections).toEqual([]);
    const [first] = result.records as Decision[];
    expect(first).toMatchObject({ decisionId: 'x-1', model: { name: 'm' }, extra: { score: 0.4 } });
  });
});
