import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { prng } from '../../shared/lineage/random-lineage.js';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { createRowTable, writeRowFiles } from './flat-table.fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'li-pushed-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const mappingFile = join(dir, 'mapping.json');
const MAPPING = {
  kind: 'decision-log',
  fields: {
    decision_id: 'id',
    timestamp: 'ts',
    subject_id: 'customer',
    'model.name': 'model_name',
    'model.version': 'model_version',
    action: 'action_taken',
    'features[].dataset.namespace': 'ds_namespace',
    'features[].dataset.name': 'ds_name',
    'features[].dataset_version': 'ds_version',
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
  action_taken: string;
  risk_score: number;
  ds_namespace: string;
  ds_name: string;
  ds_version: string | null;
  feat_version: string;
}

/**
 * A model's decisions over `days` days, a feature version every `perVersion` days, a data write (dataset version)
 * a day where `logged`; the reject rate rises from `shiftDay` on (from 20 % to 20 % + `jump`).
 */
function world(
  seed: number,
  opts: { days: number; perVersion: number; shiftDay: number; jump: number; logged: boolean },
) {
  const rand = prng(seed);
  const rows: Row[] = [];
  const start = Date.UTC(2025, 2, 1);
  let t = start;
  let n = 0;
  while (t < start + opts.days * 86_400_000) {
    t += 60_000 + Math.floor(rand() * 600_000);
    const day = Math.floor((t - start) / 86_400_000);
    const p = 0.2 + (day >= opts.shiftDay ? opts.jump : 0);
    rows.push({
      id: `d-${seed}-${++n}`,
      ts: new Date(t).toISOString(),
      customer: `c-${Math.floor(rand() * 400)}`,
      model_name: 'credit',
      model_version: day < opts.days / 2 ? '2.0' : '2.1',
      action_taken: rand() < p ? 'reject' : 'approve',
      risk_score: Math.round(rand() * 1000) / 1000,
      ds_namespace: 'warehouse',
      ds_name: 'features.risk',
      ds_version: opts.logged ? `w-${day}` : null,
      feat_version: `v${1 + Math.floor(day / opts.perVersion)}`,
    });
  }
  return rows;
}

async function investigate(source: string, decisionId: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInvestigateCommand(
    ['--source', source, '--mapping', mappingFile, '--decision', decisionId, '--json'],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, json: code === 0 ? JSON.parse(out.join('\n')) : undefined, err: err.join('\n') };
}

/** What the issue compares: the scope, the onset, the version at inference and the cause. */
const answers = (j: Record<string, unknown> & { suspects: unknown[] }) => ({
  scope: j.scope,
  onset: j.onset,
  version: j.versionAtInference,
  cause: j.suspects[0] ?? null,
});

const WORLDS = [
  // A shift at a feature version's first use (day 24 opens v5), data writes logged.
  { seed: 11, days: 40, perVersion: 6, shiftDay: 24, jump: 0.35, logged: true },
  // A shift within the investigated decision's version (day 22; v2 is days 16–29), no data writes logged: by day.
  { seed: 12, days: 30, perVersion: 16, shiftDay: 22, jump: 0.4, logged: false },
  // No shift.
  { seed: 13, days: 20, perVersion: 5, shiftDay: 999, jump: 0, logged: true },
];

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())(
  'investigate with the engine answering: JSON lines, Parquet and PostgreSQL agree',
  () => {
    let server: ThrowawayPostgres;

    beforeAll(async () => {
      server = await startPostgres();
      writeFileSync(mappingFile, JSON.stringify(MAPPING));
      const admin = new pg.Client({ connectionString: server.adminUrl });
      await admin.connect();
      for (const w of WORLDS) {
        const rows = world(w.seed, w);
        await writeRowFiles(rows, join(dir, `w${w.seed}.jsonl`), join(dir, `w${w.seed}.parquet`));
        await createRowTable(
          admin,
          `w${w.seed}`,
          `id text PRIMARY KEY, ts timestamptz NOT NULL, customer text, model_name text, model_version text,
           action_taken text, risk_score double precision, ds_namespace text, ds_name text, ds_version text,
           feat_version text`,
          rows,
        );
      }
      await admin.end();
    }, 120_000);

    afterAll(() => {
      server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const w of WORLDS) {
      it(`world ${w.seed}: the same scope, onset, version and cause, without reading the model's decisions`, async () => {
        const rows = world(w.seed, w);
        // The investigated decision: a reject late in the log, after the shift where there is one.
        const decision = [...rows].reverse().find((r) => r.action_taken === 'reject') as Row;
        const fromJsonl = await investigate(join(dir, `w${w.seed}.jsonl`), decision.id);
        expect(fromJsonl.code).toBe(0);
        const port = new URL(server.adminUrl).port;
        const url = `${server.adminUrl.replace(/\?.*$/, '')}?table=w${w.seed}`;
        expect(url).toContain(port);
        for (const source of [join(dir, `w${w.seed}.parquet`), url]) {
          const pushed = await investigate(source, decision.id);
          expect(pushed.err).not.toContain("reading the model's decisions");
          expect(pushed.code).toBe(0);
          expect(answers(pushed.json)).toEqual(answers(fromJsonl.json));
        }
        const { onset, scope } = fromJsonl.json;
        if (w.shiftDay < w.days) {
          // The onset is the planted shift: its first decision is on the shift's day (or within a day of it).
          const shiftAt = Date.UTC(2025, 2, 1) + w.shiftDay * 86_400_000;
          expect(onset.method).toBe('change-point');
          expect(Math.abs(Date.parse(onset.onset) - shiftAt)).toBeLessThan(86_400_000 * 1.5);
        } else expect(onset.method).toBe('first-use');
        // The scope counts what a reader of the rows counts: the decisions on the versions from the onset's to the
        // investigated decision's (its own version where the series is finer).
        const versions = new Set(
          onset.seriesBy === 'feature_version'
            ? onset.series
                .slice(onset.series.findIndex((b: { key: string }) => b.key === onset.key))
                .map((b: { key: string }) => b.key)
            : [decision.feat_version],
        );
        const affected = rows.filter((r) => versions.has(r.feat_version));
        expect(scope.affectedDecisions).toBe(affected.length);
        expect(scope.affectedSubjects).toBe(new Set(affected.map((r) => r.customer)).size);
      }, 120_000);
    }
  },
);
