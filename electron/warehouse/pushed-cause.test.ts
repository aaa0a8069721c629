/**
 * `investigate --json` with a cause to follow, on a decision log read in place: the engine that holds the log (Parquet
 * through DuckDB, a table on a real PostgreSQL server) counts the cause's blast radius, and the answers are those of
 * the same rows imported as a file — without reading the model's decisions. Generated logs: a configuration edit of
 * the feature's dataset raises the reject rate from its time on; in one log a later edit restores the setting.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { prng } from '../../shared/lineage/random-lineage.js';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { createRowTable, writeRowFiles } from './flat-table.fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'li-pushed-cause-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const DAY = 86_400_000;
const START = Date.UTC(2025, 4, 1);
const DATASET = 'warehouse:features.risk';

const MAPPING = {
  kind: 'decision-log',
  fields: {
    decision_id: 'id',
    timestamp: 'ts',
    subject_id: 'customer',
    'model.name': 'model_name',
    'model.version': 'model_version',
    environment: 'env',
    action: 'action_taken',
    'features[].dataset.namespace': 'ds_namespace',
    'features[].dataset.name': 'ds_name',
    'features[].feature_version': 'feat_version',
  },
  features: ['risk_score'],
};

interface Row {
  id: string;
  ts: string;
  customer: string;
  model_name: string;
  model_version: string;
  env: string;
  action_taken: string;
  risk_score: number;
  ds_namespace: string;
  ds_name: string;
  feat_version: string;
}

interface World {
  readonly seed: number;
  readonly days: number;
  /** When the edit that raises the reject rate is made, and (where there is one) the edit that restores it, in days. */
  readonly causeDay: number;
  readonly fixDay?: number;
  readonly jump: number;
}

const at = (day: number) => START + Math.round(day * DAY);

/** The decisions: production and staging alike, the reject rate up by `jump` in production between the two edits. */
function decisions(w: World): Row[] {
  const rand = prng(w.seed);
  const rows: Row[] = [];
  for (let t = START, n = 1; t < at(w.days); n++) {
    t += 60_000 + Math.floor(rand() * 900_000);
    const env = rand() < 0.15 ? 'staging' : 'production';
    const bad = env === 'production' && t >= at(w.causeDay) && (w.fixDay === undefined || t < at(w.fixDay));
    rows.push({
      id: `d-${w.seed}-${n}`,
      ts: new Date(t).toISOString(),
      customer: `c-${Math.floor(rand() * 500)}`,
      model_name: 'credit',
      model_version: t < at(w.days / 2) ? '3.0' : '3.1',
      env,
      action_taken: rand() < 0.2 + (bad ? w.jump : 0) ? 'reject' : 'approve',
      risk_score: Math.round(rand() * 1000) / 1000,
      ds_namespace: 'warehouse',
      ds_name: 'features.risk',
      feat_version: `v${1 + Math.floor((t - START) / (7 * DAY))}`,
    });
  }
  return rows;
}

/** The audit log: the edit of the dataset's threshold, and the edit that puts it back. */
function auditLog(w: World): string {
  const edit = (id: string, day: number, before: number, after: number) => ({
    id,
    timestamp: new Date(at(day)).toISOString(),
    actor: 'analyst@example.com',
    action: 'dataset.config.updated',
    target: { type: 'dataset', id: DATASET, name: 'features.risk' },
    environment: 'production',
    channel: 'ui',
    before: { reject_threshold: before },
    after: { reject_threshold: after },
  });
  const entries = [edit(`a-${w.seed}-1`, w.causeDay, 0.7, 0.55)];
  if (w.fixDay !== undefined) entries.push(edit(`a-${w.seed}-2`, w.fixDay, 0.55, 0.7));
  return entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

const WORLDS: World[] = [
  { seed: 31, days: 35, causeDay: 19.4, jump: 0.3 },
  { seed: 32, days: 40, causeDay: 15.7, fixDay: 27.2, jump: 0.35 },
];

async function investigate(w: World, source: string, decisionId: string) {
  const out: string[] = [];
  const err: string[] = [];
  const args = [
    '--source',
    source,
    '--source',
    join(dir, `audit-${w.seed}.jsonl`),
    '--mapping',
    join(dir, 'mapping.json'),
  ];
  const code = await runInvestigateCommand([...args, '--decision', decisionId, '--json'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, json: code === 0 ? JSON.parse(out.join('\n')) : undefined, err: err.join('\n') };
}

/** What a reader compares: the scope (the blast radius), the onset, the cause and the remediation. */
const answers = (j: Record<string, unknown> & { suspects: unknown[] }) => ({
  scope: j.scope,
  onset: j.onset,
  cause: j.suspects[0] ?? null,
  remediation: j.remediation,
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())('investigate a cause where the decisions live: the blast radius counted there', () => {
  let server: ThrowawayPostgres;

  beforeAll(async () => {
    server = await startPostgres();
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(MAPPING));
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    for (const w of WORLDS) {
      const rows = decisions(w);
      writeFileSync(join(dir, `audit-${w.seed}.jsonl`), auditLog(w));
      await writeRowFiles(rows, join(dir, `w${w.seed}.jsonl`), join(dir, `w${w.seed}.parquet`));
      await createRowTable(
        admin,
        `w${w.seed}`,
        `id text PRIMARY KEY, ts timestamptz NOT NULL, customer text, model_name text, model_version text, env text,
         action_taken text, risk_score double precision, ds_namespace text, ds_name text, feat_version text`,
        rows,
      );
    }
    await admin.end();
  }, 120_000);

  afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const w of WORLDS)
    it(`world ${w.seed}: the same radius, onset, cause and remediation as the rows imported`, async () => {
      const rows = decisions(w);
      // The investigated decision: the last production reject while the edit was in force.
      const decision = [...rows]
        .reverse()
        .find(
          (r) => r.env === 'production' && r.action_taken === 'reject' && Date.parse(r.ts) < at(w.fixDay ?? w.days),
        ) as Row;
      const imported = await investigate(w, join(dir, `w${w.seed}.jsonl`), decision.id);
      expect(imported.code).toBe(0);
      const url = `${server.adminUrl.replace(/\?.*$/, '')}?table=w${w.seed}`;
      for (const source of [join(dir, `w${w.seed}.parquet`), url]) {
        const pushed = await investigate(w, source, decision.id);
        expect(pushed.err).not.toContain("reading the model's decisions");
        expect(pushed.code).toBe(0);
        expect(answers(pushed.json)).toEqual(answers(imported.json));
      }
      const { scope, suspects } = imported.json;
      // The cause is the edit; its radius is what a reader of the rows counts: the production decisions from the
      // edit until the edit that restored the setting (or the end of the log).
      expect(suspects[0].changeId).toBe(`a-${w.seed}-1`);
      expect(scope.method).toBe('blast-radius');
      const end = w.fixDay === undefined ? Infinity : at(w.fixDay);
      const affected = rows.filter(
        (r) => r.env === 'production' && Date.parse(r.ts) >= at(w.causeDay) && Date.parse(r.ts) < end,
      );
      expect(scope.affectedDecisions).toBe(affected.length);
      expect(scope.affectedSubjects).toBe(new Set(affected.map((r) => r.customer)).size);
      expect(scope.recovery === 'still ongoing' ? undefined : scope.recovery.changeId).toBe(
        w.fixDay === undefined ? undefined : `a-${w.seed}-2`,
      );
    }, 120_000);
});
