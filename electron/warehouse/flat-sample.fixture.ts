/**
 * The sample's decisions as a warehouse keeps them, for the in-place source tests: one flat row per decision with
 * the investigated feature as a column and columns named by their producer, and the column mapping that reads them;
 * and what those tests do alike: a temporary folder holding that mapping, `investigate` and `report` over it, and
 * the sources a bundle lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { createRowTable, writeRowFiles } from './flat-table.fixture.js';

export const SAMPLE = 'assets/sample';
export const truth = JSON.parse(readFileSync(join(SAMPLE, 'ground-truth.json'), 'utf8'));

export interface FlatRow {
  readonly [column: string]: string | number | boolean | null | undefined;
}

/** The flat rows, in the log's order. */
export function flatRows(): FlatRow[] {
  return readFileSync(join(SAMPLE, 'decisions.jsonl'), 'utf8')
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
}

/** A second team's model that scores the same customers under the same decision ids (ids are unique per model only). */
export const FRAUD_MODEL = 'payment-fraud';

/** The fraud model's rows of `rows`: the same ids and customers, seven minutes later, with its own version and actions. */
export function fraudModelRows(rows: ReadonlyArray<FlatRow>): FlatRow[] {
  return rows.map((r, i) => ({
    ...r,
    ts: new Date(Date.parse(String(r.ts)) + 7 * 60_000).toISOString(),
    model_name: FRAUD_MODEL,
    model_version: '1.4.2',
    prediction: i % 17 === 0 ? 'hold' : 'approve',
    action_taken: i % 17 === 0 ? 'payment_held' : 'payment_approved',
  }));
}

/** The column mapping of the flat rows. */
export const FLAT_MAPPING = {
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
  features: [truth.feature.name as string],
} as const;

/** The sample's other evidence: everything but its decision log and its ground truth. */
export const otherEvidence = (): string[] =>
  readdirSync(SAMPLE)
    .filter((f) => f !== 'decisions.jsonl' && f !== 'ground-truth.json')
    .map((f) => join(SAMPLE, f));

/** `investigate --json` of the case decision over the other evidence and `source`, read through `mappingFile`. */
export async function investigateWith(source: string, mappingFile: string) {
  const out: string[] = [];
  const err: string[] = [];
  const args = [...otherEvidence().flatMap((p) => ['--source', p]), '--source', source, '--mapping', mappingFile];
  const code = await runInvestigateCommand([...args, '--decision', truth.caseDecisionId, '--json'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  const text = out.join('\n');
  return { code, text, json: code === 0 ? JSON.parse(text) : undefined, err: err.join('\n') };
}

/** The answers an investigator reads, without the citations of the decision log's own rows. */
export const answers = (r: Record<string, unknown>) => {
  const { trace, ...rest } = r as { trace: { nodes: Array<{ evidence: unknown }> } };
  return { ...rest, trace: { ...trace, nodes: trace.nodes.map(({ evidence: _e, ...n }) => n) } };
};

/** Writes the flat rows as JSON lines at `jsonl` and, with DuckDB's COPY, as one Parquet file at `parquet`. */
export const writeFlatFiles = (jsonl: string, parquet: string): Promise<void> =>
  writeRowFiles(flatRows(), jsonl, parquet);

/**
 * Creates ml.decisions holding the flat rows on the server at `adminUrl`, and a role `reader` with `password` that may
 * only read it.
 */
export async function createFlatTable(adminUrl: string, password: string): Promise<void> {
  const rows = flatRows();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ml`);
  await createRowTable(
    admin,
    'ml.decisions',
    `id text PRIMARY KEY, ts timestamptz NOT NULL, customer text, model_name text, model_version text, env text,
     prediction text, score double precision, action_taken text, "${truth.feature.name}" boolean, ds_namespace text,
     ds_name text, ds_version text, feat_version text`,
    rows,
  );
  await admin.query(`CREATE ROLE reader LOGIN PASSWORD '${password}'`);
  await admin.query(`GRANT USAGE ON SCHEMA ml TO reader; GRANT SELECT ON ml.decisions TO reader`);
  await admin.end();
}
