import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeImpact } from '../../shared/analysis/scope.js';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { openDecisionSource, type DecisionSource } from './decision-source.js';
import { exportVersionCsv, outcomeSeries, versionPage, versionScope } from './decision-queries.js';

const SAMPLE = 'assets/sample';
const truth = JSON.parse(readFileSync(join(SAMPLE, 'ground-truth.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'li-parquet-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample's other evidence: everything but its decision log. */
const evidence = readdirSync(SAMPLE)
  .filter((f) => f !== 'decisions.jsonl' && f !== 'ground-truth.json')
  .map((f) => join(SAMPLE, f));
const flat = join(dir, 'decisions-flat.jsonl');
const parquet = join(dir, 'decisions.parquet');
const hive = join(dir, 'hive');
const mappingFile = join(dir, 'mapping.json');

/** The sample's decisions as a warehouse keeps them: one flat row each, columns named by their producer. */
beforeAll(async () => {
  const rows = readFileSync(join(SAMPLE, 'decisions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const d = JSON.parse(line);
      const f = d.features.find((x: { name: string }) => x.name === truth.feature.name);
      return {
        id: d.decision_id,
        ts: d.timestamp,
        customer: d.subject_id,
        model_name: d.model.name,
        model_version: d.model.version,
        env: d.environment,
        prediction: d.output?.label,
        score: d.output?.score,
        action_taken: d.action,
        [truth.feature.name]: f?.value ?? null,
        ds_namespace: f?.dataset?.namespace,
        ds_name: f?.dataset?.name,
        ds_version: f?.dataset_version,
        feat_version: f?.feature_version,
      };
    });
  writeFileSync(flat, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(
    mappingFile,
    JSON.stringify({
      kind: 'decision-log',
      fields: {
        decision_id: 'id',
        timestamp: 'ts',
        subject_id: 'customer',
        'model.name': 'model_name',
        'model.version': 'model_version',
        environment: 'env',
        'output.label': 'prediction',
        'output.score': 'score',
        action: 'action_taken',
        'features[].dataset.namespace': 'ds_namespace',
        'features[].dataset.name': 'ds_name',
        'features[].dataset_version': 'ds_version',
        'features[].feature_version': 'feat_version',
      },
      features: [truth.feature.name],
    }),
  );
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const read = `read_json('${flat}', format = 'newline_delimited')`;
  await c.run(`COPY (SELECT * FROM ${read}) TO '${parquet}' (FORMAT parquet)`);
  await c.run(
    `COPY (SELECT *, strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%d') AS date FROM ${read}) TO '${hive}' ` +
      `(FORMAT parquet, PARTITION_BY (model_name, date))`,
  );
  c.closeSync();
  db.closeSync();
}, 60_000);

async function investigate(source: string) {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...evidence.flatMap((p) => ['--source', p]), '--source', source, '--mapping', mappingFile];
  const code = await runInvestigateCommand([...args, '--decision', truth.caseDecisionId, '--json'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, json: code === 0 ? JSON.parse(out.join('\n')) : undefined, err: err.join('\n') };
}

/** The answers an investigator reads, without the citations of the decision log's own rows. */
const answers = (r: Record<string, unknown>) => {
  const { trace, ...rest } = r as { trace: { nodes: Array<{ evidence: unknown }> } };
  return { ...rest, trace: { ...trace, nodes: trace.nodes.map(({ evidence: _e, ...n }) => n) } };
};

describe('decision logs read in place by DuckDB', () => {
  let fromJsonl: Record<string, unknown>;

  it('investigates the flat JSON lines as today (the reference)', async () => {
    const r = await investigate(flat);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    fromJsonl = r.json;
    expect(r.json.scope.affectedDecisions).toBe(truth.decisions.affected);
  }, 120_000);

  it.each([
    ['a Parquet file', () => parquet],
    ['a hive-partitioned folder (model_name=…/date=…/*.parquet)', () => hive],
  ])(
    'gives the same answers from %s: affected counts, onset, subjects, suspects',
    async (_name, path) => {
      const r = await investigate(path());
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.json.scope.affectedDecisions).toBe(truth.decisions.affected);
      expect(r.json.onset.onset).toBe(new Date(truth.onset.timestamp).toISOString());
      expect(answers(r.json)).toEqual(answers(fromJsonl));
    },
    120_000,
  );

  it('names the column a mapping wants that the Parquet file does not have', async () => {
    const wrong = join(dir, 'wrong-mapping.json');
    const m = JSON.parse(readFileSync(mappingFile, 'utf8'));
    writeFileSync(wrong, JSON.stringify({ ...m, fields: { ...m.fields, subject_id: 'client' } }));
    const err: string[] = [];
    const code = await runInvestigateCommand(
      ['--source', parquet, '--mapping', wrong, '--decision', truth.caseDecisionId, '--json'],
      { out: () => undefined, err: (l) => err.push(l) },
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(parquet);
    expect(err.join('\n')).toContain('no column "client"');
  });
});

describe('pushed-down answers of a Parquet decision log', () => {
  let source: DecisionSource;
  beforeAll(async () => {
    const m = JSON.parse(readFileSync(mappingFile, 'utf8'));
    source = await openDecisionSource(hive, m);
  });
  afterAll(() => source.close());

  it('the outcome series and the version scope equal those computed over the same decisions in memory', async () => {
    const mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
    const loaded = await loadEvidence([flat], { git: createGitRunner(), cacheDir: join(dir, 'repos'), mapping });
    const decision = loaded.set.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
    const feature = decision.features[0]!;
    const byVersion = await outcomeSeries(source, {
      model: decision.model.name,
      outcome: decision.action!,
      until: decision.timestamp,
      by: 'feature_version',
    });
    const upTo = loaded.set.decisions.filter((d) => Date.parse(d.timestamp) <= Date.parse(decision.timestamp));
    const versions = [...new Set(upTo.map((d) => d.features[0]?.featureVersion))];
    expect(byVersion.map((b) => b.key)).toEqual(versions);
    for (const bin of byVersion) {
      const members = upTo.filter((d) => d.features[0]?.featureVersion === bin.key);
      expect(bin.decisions).toBe(members.length);
      expect(bin.outcomes).toBe(members.filter((d) => d.action === decision.action).length);
      expect(bin.from).toBe(members[0]!.timestamp);
    }
    const scope = scopeImpact(loaded.set, decision, feature.name);
    const counted = await versionScope(source, decision.model.name, 'feature_version', feature.featureVersion!);
    expect(counted).toEqual({
      decisions: scope.decisions,
      subjects: scope.subjects,
      first: scope.first,
      last: scope.last,
    });
    const page = await versionPage(source, decision.model.name, 'feature_version', feature.featureVersion!, {
      limit: 7,
      offset: 3,
    });
    expect(page.map((d) => d.decisionId)).toEqual(scope.decisionIds.slice(3, 10));
    const chunks: string[] = [];
    const written = await exportVersionCsv(
      source,
      decision.model.name,
      'feature_version',
      feature.featureVersion!,
      (c) => void chunks.push(c),
      100,
    );
    const lines = chunks.join('').trim().split('\n');
    expect(written).toBe(scope.decisions);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(scope.decisionIds);
  }, 60_000);
});
