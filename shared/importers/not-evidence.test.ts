/**
 * Dropping the whole real fixtures folder: the files that are not evidence are skipped with a reason (nothing
 * lost), and the only files rejected are those a user can act on — CSVs needing a column mapping (the Feast
 * registries are imported: feast-registry-importer.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_FIXTURES } from '../../fixtures/real-fixtures';
import { HEAD_SIZE, startImport, type ImportSummary } from './streaming';

const root = REAL_FIXTURES;
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));

function verdict(text: string, name = 'input'): ImportSummary {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: '0'.repeat(64), name });
  job.push(text);
  const summary = job.end();
  return { ...summary, counts: { ...summary.counts, taken: job.take().length } };
}

const results = walk(root).map((path) => ({
  name: relative(root, path),
  summary: verdict(readFileSync(path, 'utf8')),
}));
const skipped = results.filter((r) => r.summary.skipped !== undefined);
const rejected = results.filter((r) => r.summary.rejectedCount > 0 && r.summary.skipped === undefined);

describe('files that are not evidence are skipped, not rejected', () => {
  it('skips the documentation, schemas, facets, dbt logs and settings of the real folder, with their reason', () => {
    const why = (pattern: RegExp) => skipped.filter((r) => pattern.test(r.name)).map((r) => r.summary.skipped);
    expect(why(/SOURCES\.md$/)).toHaveLength(6);
    for (const reason of why(/SOURCES\.md$/)) expect(reason).toMatch(/^text that is not JSON \(first line: "# Sources/);
    expect(new Set(why(/^openlineage\/spec\//))).toEqual(new Set(['a JSON Schema of a format, not data']));
    expect(why(/^openlineage\/spec\//)).toHaveLength(39);
    expect(new Set(why(/^openlineage\/spec_facet_examples\//))).toEqual(
      new Set(['a single OpenLineage facet, not an event']),
    );
    expect(why(/^openlineage\/spec_facet_examples\//)).toHaveLength(14);
    expect(why(/^dbt\/.*_logs\.jsonl$/)).toHaveLength(4);
    for (const reason of why(/^dbt\/.*_logs\.jsonl$/)) expect(reason).toMatch(/^dbt structured logs \(JSON lines\)/);
    expect(why(/dbt_project\.yml$|feast.*\.yaml$/)).toHaveLength(4);
    expect(why(/featureView_.*_metadata\.json$/)).toEqual([
      'Feast UI column statistics of a feature view (histograms, sample values), not lineage: import the registry',
    ]);
    expect(why(/_gt\.csv$/)).toEqual([
      "a CSV of 8,232 rows with the columns id, clf_target: no column could be a record's time, which every " +
        'decision, deployment, audit and enforcement entry has — reference data or configuration, not evidence',
    ]);
    expect(skipped).toHaveLength(6 + 39 + 14 + 4 + 4 + 1 + 1);
  });

  it('loses nothing of a skipped file: no record, no rejection, no warning', () => {
    for (const { name, summary } of skipped) {
      expect([name, summary.counts, summary.rejectedCount, summary.warningCount]).toEqual([name, { taken: 0 }, 0, 0]);
    }
  });

  it('rejects only files with an explained reason: CSVs to map', () => {
    expect(rejected.map((r) => [r.name, r.summary.rejections[0]?.reason.split(':')[0]])).toEqual([
      ['inference/nannyml/nannyml_california_housing_analysis.csv', 'needs a column mapping'],
      ['inference/nannyml/nannyml_california_housing_reference.csv', 'needs a column mapping'],
    ]);
  });
});

describe('what could be evidence is still rejected', () => {
  it('rejects JSON that does not parse, unknown JSON records and binary data; skips an empty file', () => {
    const cut = real('openlineage/marquez_event_full.json').slice(0, 400);
    const unknown = '{"user":"ada","when":"2026-11-20"}\n{"user":"bob","when":"2026-11-21"}\n';
    const binary = `\x00\x01\x02garbage${'\x00\x01\x02'.repeat(100)}`;
    for (const text of [cut, unknown, binary]) {
      const summary = verdict(text);
      expect(summary.skipped).toBeUndefined();
      expect(summary.rejectedCount).toBeGreaterThan(0);
    }
    expect(verdict(' \n\n').skipped).toBe('an empty file');
  });

  it('skips a JSON Schema written with "definitions" or "properties", a facet with _producer, and Markdown', () => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { a: {} } };
    expect(verdict(JSON.stringify(schema)).skipped).toBe('a JSON Schema of a format, not data');
    const facet = { nominalTime: { _producer: 'https://x', nominalStartTime: '2026-11-20T00:00:00Z' } };
    expect(verdict(JSON.stringify(facet)).skipped).toBe('a single OpenLineage facet, not an event');
    expect(verdict('# Notes\n\nNothing here.\n').skipped).toBe('text that is not JSON (first line: "# Notes")');
  });
});

function real(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

describe('a YAML file that does not parse', () => {
  const broken = 'version: "rudder/v0.1"\nkind: tracking-plan\nspec:\n  rules:\n    - type: event\n   bad: [unclosed\n';

  it('is rejected with the YAML error and its line when the file is named as YAML', () => {
    const summary = verdict(broken, 'checkout-plan.yaml');
    expect(summary.skipped).toBeUndefined();
    expect(summary.rejectedCount).toBe(1);
    expect(summary.rejections[0]?.reason).toMatch(/^invalid YAML: /);
    expect(summary.rejections[0]?.line).toBeGreaterThanOrEqual(5);
  });

  it('names the keys of a real YAML file of no kind imported (dbt_project.yml, a Feast feature_store.yaml)', () => {
    const yaml = (...path: string[]) => verdict(readFileSync(join(root, ...path), 'utf8'), path.at(-1)).skipped;
    expect(yaml('dbt', 'ol_v7_postgres_1.3.1', 'dbt_project.yml')).toBe(
      'YAML of a kind not imported (keys: name, config-version, version, profile, model-paths, …): configuration, not evidence',
    );
    expect(yaml('inference', 'feast', 'feast_rag_feature_store.yaml')).toMatch(
      /^YAML of a kind not imported \(keys: project, /,
    );
  });

  it('is skipped as documentation when its name does not say YAML (a Markdown page)', () => {
    const summary = verdict('# Notes\n\n| a | b |\n|---|---|\n', 'NOTES.md');
    expect(summary.rejectedCount).toBe(0);
    expect(summary.skipped).toBe('Markdown documentation (first line: "# Notes"), not evidence');
  });
});
