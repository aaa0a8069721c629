/**
 * A dbt properties file that dbt reads and strict YAML does not — GitLab's `schema.yml` with a double-quoted
 * description whose continuation lines are indented no deeper than its key (fixtures/repository-files/gitlab, MIT) —
 * is skipped as dbt's configuration; the same fault in YAML that is not dbt's is still rejected with its line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAD_SIZE, startImport } from './streaming';

const schema = readFileSync(
  new URL(
    '../../fixtures/repository-files/gitlab/snowflake-dbt/models/marts/product/restricted_safe/schema.yml',
    import.meta.url,
  ),
  'utf8',
);

function summaryOf(name: string, text: string) {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: '0'.repeat(64), name });
  job.push(text);
  return job.end();
}

describe('dbt properties that only strict YAML rejects', () => {
  it('are skipped as configuration, naming the keys and what the stricter parser said', () => {
    const summary = summaryOf('models/marts/product/restricted_safe/schema.yml', schema);
    expect([summary.rejectedCount, summary.counts]).toEqual([0, {}]);
    expect(summary.skipped).toMatch(
      /^dbt properties \(keys: version, models\), read by dbt though stricter YAML rejects it \(invalid YAML: .*\): configuration, not evidence$/,
    );
  });

  it('leave YAML of other kinds with the same fault rejected on its line', () => {
    const other = schema.replace(/^version: 2\n/, '').replace(/^models:/m, 'tracking_plan:');
    const summary = summaryOf('plans/plan.yaml', other);
    expect(summary.skipped).toBeUndefined();
    // The line of the quoted description whose continuation is less indented than YAML 1.2 allows.
    const continued = other.split('\n').findIndex((l) => l.trimStart().startsWith('description: "Primary key')) + 1;
    expect(summary.rejections.map((r) => [r.line, r.reason.startsWith('invalid YAML')])).toEqual([[continued, true]]);
  });
});
