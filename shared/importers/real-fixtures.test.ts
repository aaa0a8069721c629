/**
 * Every file under fixtures/real/ imports with no unexplained rejection: each file's detected kind and
 * rejections are listed, and every rejection matches one of the explanations below (read from each SOURCES.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_FIXTURES } from '../../fixtures/real-fixtures';
import { importInput } from './index';

const root = REAL_FIXTURES;
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));

interface Explanation {
  readonly files: RegExp;
  readonly detected: string;
  /** Every rejection reason of these files matches this. */
  readonly reason: RegExp;
  readonly why: string;
}

const EXPLAINED: ReadonlyArray<Explanation> = [
  { files: /SOURCES\.md$/, detected: 'unknown', reason: /text that is not JSON/, why: 'the fixtures’ documentation' },
  {
    files: /^openlineage\/spec\//,
    detected: 'unknown',
    reason: /JSON Schema of a format|whose records have the fields/,
    why: 'the official JSON Schemas: the format, not data',
  },
  {
    files: /^openlineage\/spec_facet_examples\//,
    detected: 'unknown',
    reason: /OpenLineage facet, not an event|whose records have the fields/,
    why: 'single facets from the spec’s tests, not events',
  },
  {
    files: /^dbt\/.*_logs\.jsonl$/,
    detected: 'unknown',
    reason: /dbt structured logs/,
    why: 'dbt structured logs: the run is read from manifest.json and run_results.json',
  },
  { files: /dbt_project\.yml$/, detected: 'unknown', reason: /text that is not JSON/, why: 'dbt project settings' },
  {
    files: /^inference\/.*\.csv$/,
    detected: 'csv',
    reason: /^needs a column mapping: a CSV of [\d,]+ rows with the columns id, /,
    why: 'NannyML CSV inference logs: imported through a column mapping (csv-importer.test.ts)',
  },
  {
    files: /^inference\/feast\/.*(_metadata\.json|\.yaml)$/,
    detected: 'unknown',
    reason: /^$/,
    why: 'Feast UI column statistics and feature_store.yaml settings: skipped, not evidence',
  },
];

const results = walk(root).map((path) => {
  const name = relative(root, path);
  const text = readFileSync(path, 'utf8');
  return { name, result: importInput({ name, sha256: '0'.repeat(64), size: text.length, text }) };
});

describe('every real fixture imports with no unexplained rejection', () => {
  it('reads the whole tree', () => {
    expect(results.length).toBeGreaterThan(150);
  });

  it.each(results.map((r) => [r.name, r.result] as const))('%s', (name, result) => {
    const explanation = EXPLAINED.find((e) => e.files.test(name));
    if (!explanation) {
      expect(result.detected, `${name} is detected`).not.toBe('unknown');
      expect(result.rejections, `${name} has no rejection`).toEqual([]);
      return;
    }
    expect(result.detected, `${name}: ${explanation.why}`).toBe(explanation.detected);
    for (const r of result.rejections) expect(r.reason, `${name}: ${explanation.why}`).toMatch(explanation.reason);
  });

  it('imports the placeholder events of templates and integration expectations as static jobs and datasets', () => {
    // These files imported 0 records before (every event rejected for its placeholder or missing eventTime/runId).
    const counts = (name: string) => results.find((r) => r.name === `openlineage/${name}`)?.result.counts;
    expect(counts('ol_dbt_fail_events.json')).toEqual({ job: 3, dataset: 4 });
    expect(counts('ol_dbt_spark_thrift_run_events.json')).toEqual({ job: 10, dataset: 5 });
    expect(counts('marquez_docker_metadata.template.json')).toEqual({ job: 13, dataset: 13 });
    const partial = results.filter((r) => r.name.startsWith('openlineage/integration_expected_partial/'));
    expect(partial).toHaveLength(27);
    const total = (kind: string) => partial.reduce((n, r) => n + (r.result.counts?.[kind] ?? 0), 0);
    expect([total('job'), total('dataset')]).toEqual([38, 40]);
    expect(partial.filter((r) => r.result.records.length === 0).map((r) => r.name)).toEqual([]);
  });

  it('detects each evidence kind in its folder', () => {
    const kinds = (prefix: string) =>
      new Set(
        results.filter((r) => r.name.startsWith(prefix) && !r.name.endsWith('.md')).map((r) => r.result.detected),
      );
    expect(kinds('audit/')).toEqual(new Set(['aws-cloudtrail', 'gcp-audit', 'github-audit']));
    expect(kinds('tracking-plans/')).toEqual(new Set(['tracking-plan']));
    expect(kinds('dbt/dbtcore_state_manifests/')).toEqual(new Set(['dbt-manifest']));
    expect(kinds('inference/feast/feast_ui_r')).toEqual(new Set(['feast-registry']));
  });
});
