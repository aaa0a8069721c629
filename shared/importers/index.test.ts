import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { InputFile } from '../ipc/contract';
import { HEAD_SIZE, importInput, startImport } from './index';

const real = (path: string) => readFileSync(realFixture(path), 'utf8');
const file = (text: string, name = 'upload.dat'): InputFile => ({ name, sha256: 'f00d', size: text.length, text });
const line = (o: unknown) => JSON.stringify(o);
/** The file-level verdict of the streaming import: why it was skipped (undefined when it was not). */
const skippedBecause = (text: string) => {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: 'f00d', name: 'upload.dat' });
  job.push(text);
  return job.end().skipped;
};

const samples = {
  'decision-log': line({ decision_id: 'd-1', timestamp: '2026-11-20T10:15:00Z', model: { name: 'm' }, features: [] }),
  deployments: line({ id: 'dep-1', timestamp: '2026-11-18T09:00:00Z', environment: 'production', commit: 'abc1234' }),
  'audit-log': line({
    id: 'a-1',
    timestamp: '2026-11-18T11:02:00Z',
    actor: 'bob',
    action: 'transformation.updated',
    target: { type: 'transformation', id: 'tr-7' },
  }),
  'enforcement-log': line({ id: 'e-1', timestamp: '2026-11-18T11:05:00Z', rule: 'r', outcome: 'passed' }),
  'pull-requests': line([
    { number: 1, title: 't', user: { login: 'u' }, head: { sha: 'abc1234' }, base: { ref: 'main' } },
  ]),
} as const;

describe('importInput detects by content, not by name', () => {
  it.each(Object.entries(samples))('detects %s', (kind, text) => {
    const result = importInput(file(`${text}\n${text}\n`, 'misleading-name.openlineage.json'));
    expect(result.detected).toBe(kind);
    expect(result.rejections).toEqual([]);
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.records[0]?.provenance.sourceId).toBe('f00d');
  });

  it('detects OpenLineage in a JSON array, one object and NDJSON', () => {
    const array = real('openlineage/marquez_docker_metadata.json');
    const ndjson = (JSON.parse(array) as unknown[]).map(line).join('\n');
    for (const text of [array, real('openlineage/marquez_event_full.json'), ndjson]) {
      expect(importInput(file(text, 'decisions.jsonl')).detected).toBe('openlineage');
    }
  });

  it('detects JSON lines whose first line is broken by the lines that follow', () => {
    const text = `{"decision_id": "d-0", \n${samples['decision-log']}\n${samples['decision-log']}`;
    const result = importInput(file(text));
    expect(result.detected).toBe('decision-log');
    expect(result.records).toHaveLength(2);
    expect(result.rejections).toMatchObject([{ line: 1, reason: expect.stringMatching(/^invalid JSON/) }]);
  });

  it('names the kind of truncated JSON and the line where it breaks', () => {
    const pretty = JSON.stringify(JSON.parse(`[${samples['decision-log']}]`), null, 2);
    const result = importInput(file(pretty.slice(0, pretty.length - 20)));
    expect(result.detected).toBe('decision-log');
    expect(result.records).toEqual([]);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]?.reason).toMatch(/^invalid JSON/);
  });
});

describe('importInput on inputs it does not accept', () => {
  it('skips an empty file: not evidence, nothing rejected', () => {
    const result = importInput(file('\n \n'));
    expect(result.detected).toBe('unknown');
    expect(result.rejections).toEqual([]);
    expect(skippedBecause('\n \n')).toBe('an empty file');
  });

  it('rejects binary garbage without throwing', () => {
    const bytes = Array.from({ length: 512 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    const result = importInput(file(`\x00\x01garbage${bytes}`));
    expect(result.detected).toBe('unknown');
    expect(result.rejections[0]?.reason).toMatch(/binary data/);
  });

  it('says what an unsupported file looked like and what is accepted', () => {
    const csv = importInput(file(real('inference/nannyml/nannyml_california_housing_analysis.csv')));
    expect(csv.detected).toBe('csv');
    expect(csv.rejections[0]?.reason).toMatch(
      /needs a column mapping: a CSV of 8,232 rows with the columns id, MedInc/,
    );
    const text = real('dbt/ol_v7_postgres_1.3.1/dbt_project.yml');
    expect(importInput(file(text)).rejections).toEqual([]);
    expect(skippedBecause(text)).toBe(`text that is not JSON (first line: "name: 'jaffle_shop'")`);
    const page = '{"page": 1, "results": [{"id": 7, "projects": [], "created": "2026-11-20T10:00:00Z"}]}';
    const unknown = importInput(file(page, 'export.json'));
    expect(unknown.detected).toBe('unknown');
    expect(unknown.rejections).toHaveLength(1);
    expect(unknown.rejections[0]?.reason).toMatch(/unrecognized input: .*fields page, results.*Accepted: Open/);
    const feast = importInput(file(real('inference/feast/feast_ui_rag_registry.json')));
    expect([feast.detected, feast.rejections]).toEqual(['feast-registry', []]);
  });

  it('does not mistake a dbt manifest or a lone facet for lineage events', () => {
    const manifest = importInput(file(real('dbt/ol_v7_postgres_1.3.1/manifest.json')));
    expect(manifest.detected).toBe('dbt-manifest');
    expect(manifest.records.some((r) => r.kind === 'lineage-run')).toBe(false);
    const facet = real('openlineage/spec_facet_examples/SourceCodeLocationJobFacet_1.json');
    expect(importInput(file(facet)).records).toEqual([]);
    expect(skippedBecause(facet)).toBe('a single OpenLineage facet, not an event');
  });
});
