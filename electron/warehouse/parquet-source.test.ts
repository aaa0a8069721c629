import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeImpact } from '../../shared/analysis/scope.js';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { runInspectCommand } from '../cli/inspect-command.js';
import { runTraceCommand } from '../cli/trace-command.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { openDecisionSource, type DecisionSource } from './decision-source.js';
import { loadSources } from './load-sources.js';
import { answers, flatRows, investigateWith, otherEvidence, truth, writeFlatFiles } from './flat-sample.fixture.js';
import { workDir } from './flat-report.fixture.js';
import { exportVersionCsv, outcomeSeries, versionPage, versionScope } from './decision-queries.js';

const { dir, mappingFile } = workDir('li-parquet-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');

const flat = join(dir, 'decisions-flat.jsonl');
const parquet = join(dir, 'decisions.parquet');
const hive = join(dir, 'hive');

/** The sample's decisions as a warehouse keeps them: one flat row each, columns named by their producer. */
beforeAll(async () => {
  await writeFlatFiles(flat, parquet);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const read = `read_json('${flat}', format = 'newline_delimited')`;
  await c.run(
    `COPY (SELECT *, strftime(CAST(ts AS TIMESTAMP), '%Y-%m-%d') AS date FROM ${read}) TO '${hive}' ` +
      `(FORMAT parquet, PARTITION_BY (model_name, date))`,
  );
  c.closeSync();
  db.closeSync();
}, 60_000);

const investigate = (source: string) => investigateWith(source, mappingFile);

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
      // The lineage places each decision's data and the engine counts it there: nothing is said of reading the model.
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.json.scope.affectedDecisions).toBe(truth.decisions.affected);
      expect(r.json.onset.onset).toBe(new Date(truth.onset.timestamp).toISOString());
      expect(answers(r.json)).toEqual(answers(fromJsonl));
    },
    120_000,
  );

  it('reads a hive-partitioned folder of JSON lines in place, and imports one that holds no decisions', async () => {
    const textHive = join(dir, 'text-hive', 'day=all');
    mkdirSync(textHive, { recursive: true });
    copyFileSync(flat, join(textHive, 'part-0.jsonl'));
    const inPlace = await investigate(join(dir, 'text-hive'));
    // The lineage places each decision's data and the engine counts it there: nothing is said of reading the model.
    expect(inPlace.err).toBe('');
    expect(answers(inPlace.json)).toEqual(answers(fromJsonl));
    const cited = (r: { trace: { nodes: Array<{ evidence: { source: string } | null }> } }) =>
      r.trace.nodes.map((n) => n.evidence?.source);
    expect(cited(inPlace.json)).toContain(join(dir, 'text-hive'));
    // The sample's lineage events, partitioned by day: other evidence, not a decision log read in place.
    const events = otherEvidence().find((p) => p.endsWith('.ndjson'))!;
    const eventsHive = join(dir, 'events-hive', 'date=2026-01-01');
    mkdirSync(eventsHive, { recursive: true });
    copyFileSync(events, join(eventsHive, 'events.ndjson'));
    const rest = otherEvidence().filter((p) => p !== events);
    const out: string[] = [];
    const err: string[] = [];
    const args = [...rest, join(dir, 'events-hive'), flat].flatMap((p) => ['--source', p]);
    const code = await runInvestigateCommand(
      [...args, '--mapping', mappingFile, '--decision', truth.caseDecisionId, '--json'],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    const imported = JSON.parse(out.join('\n'));
    expect(answers(imported)).toEqual(answers(fromJsonl));
    expect(cited(imported).filter((c) => c?.endsWith('events.ndjson')).length).toBeGreaterThan(0);
  }, 120_000);

  it('traces the decision read from Parquet as from JSON lines (the lineage card)', async () => {
    const trace = async (source: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const args = [...otherEvidence(), source].flatMap((p) => ['--source', p]);
      const code = await runTraceCommand(
        [...args, '--mapping', mappingFile, '--decision', truth.caseDecisionId, '--json'],
        { out: (l) => out.push(l), err: (l) => err.push(l) },
      );
      expect(err.join('\n')).toBe('');
      expect(code).toBe(0);
      // A citation of the decision log itself names the file (and line) or the Parquet source: the same log.
      return JSON.parse(out.join('\n'), (_k, v) =>
        v && typeof v === 'object' && (v.source === basename(flat) || v.source === parquet) ? 'the decision log' : v,
      );
    };
    const fromParquet = await trace(parquet);
    expect(JSON.stringify(fromParquet)).toContain('the decision log');
    expect(fromParquet).toEqual(await trace(flat));
  }, 120_000);

  it('inspect tests a Parquet folder as a connection: decisions per model, columns, mapping, latency', async () => {
    const out: string[] = [];
    const code = await runInspectCommand([hive, '--mapping', mappingFile, '--json'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    const doc = JSON.parse(out.join('\n'));
    const rows = flatRows();
    const models = [...new Set(rows.map((r) => r.model_name))];
    expect(doc.inputs).toEqual([]);
    expect(doc.inPlace).toHaveLength(1);
    expect(doc.inPlace[0]).toMatchObject({ label: hive, engine: 'duckdb', decisions: rows.length, suggested: false });
    expect(doc.inPlace[0].models).toEqual(
      models.map((m) => ({ model: m, decisions: rows.filter((r) => r.model_name === m).length })),
    );
    expect(doc.inPlace[0].columns).toEqual(expect.arrayContaining(['id', 'ts', 'date', 'model_name']));
    expect(doc.inPlace[0].latencyMs).toBeGreaterThanOrEqual(0);
    const text: string[] = [];
    await runInspectCommand([parquet], { out: (l) => text.push(l), err: (l) => text.push(l) });
    expect(text.join('\n')).toContain(`${rows.length.toLocaleString('en-US')} decisions`);
    expect(text.join('\n')).toContain('mapping (suggested from the columns)');
  });

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

describe('a large model read in place', () => {
  it('loads a model of 200,000 decisions (more than a call can take as arguments)', async () => {
    const big = join(dir, 'big.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT 'd-' || i AS id, TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 second' AS ts, ` +
        `'m' AS model_name, CASE WHEN i % 3 = 0 THEN 'reject' ELSE 'approve' END AS action_taken, ` +
        `i % 2 = 0 AS ${truth.feature.name} FROM range(200000) t(i)) TO '${big}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const mapping = {
      kind: 'decision-log' as const,
      fields: { decision_id: 'id', timestamp: 'ts', 'model.name': 'model_name', action: 'action_taken' },
      features: [truth.feature.name as string],
    };
    const loaded = await loadSources([big], 'd-199999', { git: createGitRunner(), cacheDir: join(dir, 'r'), mapping });
    expect(loaded.set.decisions).toHaveLength(200_000);
    expect(loaded.inPlace).toEqual([{ label: big, model: 'm', decisions: 200_000, rejections: [] }]);
  }, 120_000);
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
