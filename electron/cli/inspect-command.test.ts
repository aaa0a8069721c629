import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { NANNYML_MAPPING } from '../../shared/importers/nannyml-mapping.fixture';
import { createGitRunner } from '../services/git-runner.js';
import { runInspectCommand } from './inspect-command.js';

const work = mkdtempSync(join(tmpdir(), 'li-inspect-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const deps = { git: createGitRunner(), cacheDir: join(work, 'cache') };

async function inspect(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInspectCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lineage-investigator inspect', () => {
  it('prints kind, counts, size and SHA-256 of a real CloudTrail folder, exit 0 when all parsed', async () => {
    const { code, out } = await inspect([realFixture('audit/aws_cloudtrail')]);
    expect(code).toBe(0);
    expect(out).toContain('elastic_test-console-login-json.ndjson');
    expect(out).toMatch(/kind: aws-cloudtrail {3}importer: aws-cloudtrail 1\.0\.0 {3}reader: file/);
    expect(out).toContain('records: audit 3');
    expect(out).toContain('size: 2,407 bytes');
    expect(out).toMatch(/SHA-256: [0-9a-f]{64}/);
    expect(out).toContain('5 inputs: 12 records, 0 rejected');
  });

  it('lists rejected records with line numbers and reasons, exit 1', async () => {
    const dir = mkdtempSync(join(work, 'bad-'));
    const good = '{"id":"e-1","timestamp":"2026-11-18T11:05:00Z","rule":"r","outcome":"passed"}';
    writeFileSync(join(dir, 'enforcement.jsonl'), `${good}\n${good}\n{"id":"e-3","rule":"r","outcome":"passed"}\n`);
    const { code, out } = await inspect([dir]);
    expect(code).toBe(1);
    expect(out).toContain('records: enforcement 2');
    expect(out).toContain('rejected: 1');
    expect(out).toContain('line 3: missing required field "timestamp"');
  });

  it('prints "skipped" with the reason for files that are not evidence, counts them apart, exit 0', async () => {
    const { code, out } = await inspect([realFixture('audit'), realFixture('openlineage/spec')]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /audit\/SOURCES\.md\)\n.*\n.*\n {2}skipped: Markdown documentation \(first line: "# Sources — audit"\), not evidence/,
    );
    expect(out).toContain('OpenLineage.json');
    expect(out).toContain('  skipped: a JSON Schema of a format, not data');
    expect(out).not.toMatch(/rejected: [1-9]/);
    expect(out).toMatch(/ 0 rejected, 40 skipped \(not evidence\)$/);
    const json = await inspect([realFixture('openlineage/spec/OpenLineage.json'), '--json']);
    const doc = JSON.parse(json.out) as {
      exitCode: number;
      inputs: Array<{ skipped?: string; rejectedCount: number }>;
    };
    expect([doc.exitCode, doc.inputs[0]?.skipped, doc.inputs[0]?.rejectedCount]).toEqual([
      0,
      'a JSON Schema of a format, not data',
      0,
    ]);
  });

  it('skips one JSON object of nested settings as a document, with the reason (exit 0)', async () => {
    const path = join(work, 'job.200.json');
    writeFileSync(path, '{"status": {"code": 200}, "data": {"id": 7, "created_at": "2026-11-20T10:00:00Z"}}\n');
    const { code, out } = await inspect([path]);
    expect(code).toBe(0);
    expect(out).toMatch(/skipped: one JSON object of fields no importer knows \(status, data\), nesting status, data/);
  });

  it('still exits 1 for a file that could be evidence but is not recognized', async () => {
    const path = join(work, 'export.json');
    const page = { page: 1, results: [{ id: 7, created: '2026-11-20T10:00:00Z', projects: [{ name: 'warehouse' }] }] };
    writeFileSync(path, JSON.stringify(page) + '\n');
    const { code, out } = await inspect([path]);
    expect(code).toBe(1);
    expect(out).toContain('rejected: 1');
    expect(out).toMatch(/1 input: 0 records, 1 rejected$/);
  });

  it('reads a real Feast registry as declared lineage: feature views and services are jobs, exit 0', async () => {
    const { code, out } = await inspect([realFixture('inference/feast')]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /feast_ui_registry_credit_scoring_aws\.json.*\n {2}kind: feast-registry {3}importer: feast 1\.0\.0/,
    );
    expect(out).toContain('records: dataset 16, job 10');
    expect(out).toMatch(/5 inputs: 36 records, 0 rejected, 3 skipped \(not evidence\)$/);
  });

  it('groups repeated warnings: one message × N records with where the first are, in text and --json', async () => {
    const file = realFixture('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson');
    const { code, out } = await inspect([file]);
    expect(code).toBe(0);
    expect(out).toContain(
      '  warnings: 98\n    98 alike, the first: no "_document_id"; the entry is named github-audit:',
    );
    expect(out).toContain('      at line 1, line 2, line 3, …');
    expect(out.match(/no "_document_id"/g)).toHaveLength(1);
    const json = JSON.parse((await inspect([file, '--json'])).out) as {
      inputs: Array<{ warningGroups: Array<{ count: number; identical: boolean; first: string[] }> }>;
    };
    expect(json.inputs[0]?.warningGroups).toEqual([
      expect.objectContaining({ count: 98, identical: false, first: ['line 1', 'line 2', 'line 3'] }),
    ]);
  });

  it('counts a repeated warning past the listed first thousand: one group for a 1,500-row ID graph', async () => {
    const path = join(work, 'user_id_graph.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `rid${i % 7},u${i},user_id,2024-05-0${1 + (i % 9)} 10:00:00`);
    writeFileSync(path, ['USER_MAIN_ID,OTHER_ID,OTHER_ID_TYPE,VALID_AT', ...rows].join('\n'));
    const { code, out } = await inspect([path]);
    expect(code).toBe(0);
    expect(out).toContain('  warnings: 1,500\n    1,500 alike, the first: field "VALID_AT" ("2024-05-01 10:00:00")');
    expect(out).toContain('      at line 2, line 3, line 4, …\n  rejected: 0');
  });

  it('cites a whole single-event file by its empty JSON pointer, never by a bare "file:"', async () => {
    const path = join(work, 'one-event.json');
    const event = { eventType: 'COMPLETE', eventTime: '2026-01-01T00:00:00Z', run: { runId: 'x' }, job: {} };
    writeFileSync(path, `${JSON.stringify(event, null, 2)}\n`);
    const { out } = await inspect([path]);
    expect(out).toContain('    JSON pointer "" (the whole document): ');
    expect(out).not.toMatch(/^ {4}file: /m);
  });

  it('prints one JSON document with --json', async () => {
    const { code, out } = await inspect([realFixture('dbt/ol_v2_fail_0.21'), '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { inputs: Array<{ name: string; detected: string; counts: object }> };
    expect(doc.inputs.map((i) => [i.name, i.detected])).toEqual([
      ['manifest.json', 'dbt-manifest'],
      ['run_results.json', 'dbt-run-results'],
    ]);
    expect(doc.inputs[1]?.counts).toEqual({ 'lineage-run': 4 });
  });

  it('says "git" for a repository and exits 2 on a usage error', async () => {
    const repo = mkdtempSync(join(work, 'repo-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=a@x', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'model.sql'), 'select 1\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Add the model');
    const { out } = await inspect([repo]);
    expect(out).toMatch(/kind: git-log .* reader: git/);
    expect(out).toContain('records: commit 1');
    expect((await inspect([])).code).toBe(2);
    expect((await inspect(['--bogus', 'x'])).code).toBe(2);
  });

  it('exits 1 and names a path it cannot read', async () => {
    const missing = join(work, 'missing.json');
    const { code, err } = await inspect([missing]);
    expect(code).toBe(1);
    expect(err).toBe(`${missing}: cannot read: ENOENT`);
  });
});

describe('lineage-investigator inspect --mapping', () => {
  const csv = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');
  const mappingFile = join(work, 'nannyml-mapping.json');
  writeFileSync(mappingFile, JSON.stringify(NANNYML_MAPPING));

  it('says a CSV needs a column mapping without one (exit 1: nothing imported)', async () => {
    const { code, out } = await inspect([csv]);
    expect(code).toBe(1);
    expect(out).toContain('kind: csv');
    expect(out).toMatch(/\n {2}needs a column mapping: a CSV of 8,232 rows with the columns id, MedInc/);
    expect(out).toMatch(/\n {2}columns \(12\): id, MedInc, .*, y_pred_proba, y_pred\n/);
    expect(out).toMatch(/1 input: 0 records, 0 rejected, 1 needs a column mapping$/);
  });

  it('imports a real CSV inference log through a saved mapping, headless', async () => {
    const { code, out } = await inspect([csv, '--mapping', mappingFile]);
    expect(code).toBe(0);
    expect(out).toContain('mapping: decision ← id, timestamp, y_pred, y_pred_proba; features ← MedInc');
    expect(out).toMatch(/kind: decision-log {3}importer: csv 1\.0\.0/);
    expect(out).toContain('records: decision 8,232');
  });

  it('does not read a file skipped as not evidence through the mapping (dbt structured logs stay skipped)', async () => {
    const logs = realFixture('dbt/ol_v12_structlogs_postgres_run_1.8.2/failed_run_logs.jsonl');
    const { code, out } = await inspect([logs, '--mapping', mappingFile]);
    expect(code).toBe(0);
    expect(out).toContain('skipped: dbt structured logs (JSON lines), not an evidence format');
    expect(out).toMatch(/1 input: 0 records, 0 rejected, 1 skipped \(not evidence\)$/);
  });

  it('refuses a mapping file that is not one, naming it (exit 2)', async () => {
    const bad = join(work, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ kind: 'decision-log', fields: { decision_id: 'id' } }));
    const { code, err } = await inspect([csv, '--mapping', bad]);
    expect(code).toBe(2);
    expect(err).toContain(`--mapping ${bad}: not a column mapping: Time of the decision ("timestamp") needs a column`);
  });
});
