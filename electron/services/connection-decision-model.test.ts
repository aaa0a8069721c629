/**
 * Two teams' models log their decisions in one table, each numbering its own decisions from the same scheme: the
 * sample's offer model and a payment-fraud model scoring the same customers seven minutes later, under the same ids.
 * A saved connection over it (a Parquet file read by DuckDB, a table on a real PostgreSQL server) is asked through
 * the IPC handlers, as the renderer asks (JSON, the contract's validation): with a model, each model's own row is
 * read and investigated; without one, the answer names both models and picks neither. The evidence bundle cites each
 * decision by its model and its id, and `verify` re-runs those queries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import {
  connectionInvestigationSchemas,
  type ConnectionInvestigationChannels,
} from '../../shared/ipc/connection-investigation-channels.js';
import { requestSchemas } from '../../shared/ipc/contract.js';
import { connectionCitation } from '../../renderer/connections/connection-citation.js';
import type { CaseRecord } from '../../renderer/db/lineage-db.js';
import { BUNDLE_PATHS } from '../bundle/bundle-layout.js';
import { connectionStore } from '../warehouse/connection-store.js';
import {
  FLAT_MAPPING,
  flatRows,
  FRAUD_MODEL,
  fraudModelRows,
  truth,
  type FlatRow,
} from '../warehouse/flat-sample.fixture.js';
import { workDir } from '../warehouse/flat-report.fixture.js';
import { createRowTable, writeRowFiles } from '../warehouse/flat-table.fixture.js';
import { openConnections } from '../warehouse/open-connections.js';
import { rerunCitedQueries } from '../warehouse/rerun-queries.js';
import { citedDecisions, createConnectionInvestigationHandlers } from './connection-investigation-services.js';

const { dir } = workDir('li-connection-decision-model-');
const caseId = truth.caseDecisionId as string;
const feature = truth.feature.name as string;
const FRAUD = FRAUD_MODEL;

/** The offer model's rows, then the fraud model's: the same ids and customers, seven minutes later, its own actions. */
function twoModels() {
  const offers = flatRows();
  const offerModel = String(offers[0]?.model_name);
  const fraud = fraudModelRows(offers);
  const own = (rows: FlatRow[]) => rows.find((r) => r.id === caseId) as FlatRow;
  return { rows: [...offers, ...fraud], offerModel, offer: own(offers), fraud: own(fraud) };
}

/** A request as it crosses the bridge (JSON) and the contract's validation. */
const sent = <K extends keyof ConnectionInvestigationChannels>(
  channel: K,
  request: ConnectionInvestigationChannels[K]['request'],
) =>
  connectionInvestigationSchemas[channel].parse(
    JSON.parse(JSON.stringify(request)),
  ) as ConnectionInvestigationChannels[K]['request'];

/** Saves `location` as a connection read through the flat mapping; the handlers over it. */
async function connect(location: string) {
  const store = connectionStore(join(dir, 'data', String(Math.random()).slice(2)));
  const saved = await store.save({ name: 'Scored customers', location, mapping: JSON.stringify(FLAT_MAPPING) });
  const open = openConnections(store);
  return { id: saved.id, open, handlers: createConnectionInvestigationHandlers(open) };
}

/** What the handlers answer for the case decision's id, with each model, with none, and with a model holding none. */
async function expectEachModelsOwn(location: string, data: ReturnType<typeof twoModels>) {
  const { id, open, handlers } = await connect(location);
  try {
    const read = (model?: string) =>
      handlers['connections:decision'](
        sent('connections:decision', { id, decisionId: caseId, ...(model !== undefined && { model }) }),
      );
    const fraud = (await read(FRAUD)).decision;
    expect([fraud?.model.name, fraud?.timestamp, fraud?.action]).toEqual([
      FRAUD,
      new Date(String(data.fraud.ts)).toISOString(),
      data.fraud.action_taken,
    ]);
    const offer = (await read(data.offerModel)).decision;
    expect([offer?.model.name, offer?.timestamp]).toEqual([
      data.offerModel,
      new Date(String(data.offer.ts)).toISOString(),
    ]);

    const both = [data.offerModel, FRAUD].sort();
    const unnamed = await read();
    expect(unnamed.decision).toBeUndefined();
    expect(unnamed.reason).toContain(`${caseId} is a decision of 2 models in Scored customers`);
    expect(unnamed.reason).toContain(`(${both.join(', ')}); say which model`);

    const other = await read('churn');
    expect(other.decision).toBeUndefined();
    expect(other.reason).toContain(`${caseId} of model churn is not found in Scored customers`);
    expect(other.reason).toContain(`(it is a decision of ${both.join(', ')})`);

    // The investigation of the fraud model's decision: its row, and only its model's decisions cited.
    const investigate = (model?: string) =>
      handlers['connections:investigate'](
        sent('connections:investigate', {
          id,
          decisionId: caseId,
          ...(model !== undefined && { model }),
          featureName: feature,
          options: {},
          evidence: [],
        }),
      );
    const answer = await investigate(FRAUD);
    expect(answer.refused).toBeUndefined();
    expect([answer.result?.decision.model.name, answer.result?.decision.timestamp]).toEqual([FRAUD, fraud?.timestamp]);
    expect(answer.cited?.length).toBeGreaterThan(0);
    expect(new Set(answer.cited?.map((d) => d.model.name))).toEqual(new Set([FRAUD]));
    const offers = await investigate(data.offerModel);
    expect(offers.result?.decision.model.name).toBe(data.offerModel);
    await expect(investigate()).rejects.toThrow(`${caseId} is a decision of 2 models`);
  } finally {
    await open.closeAll();
  }
}

describe('a Parquet file where two models log decisions under the same ids', () => {
  it("reads and investigates each model's own decision, and names both models when none is given", async () => {
    const data = twoModels();
    const parquet = join(dir, 'two-models.parquet');
    await writeRowFiles(data.rows, join(dir, 'two-models.jsonl'), parquet);
    await expectEachModelsOwn(parquet, data);
  }, 120_000);

  it('a bundle cites each decision by its model and its id, and verify re-runs those queries with the same rows', async () => {
    const data = twoModels();
    const parquet = join(dir, 'two-models-bundle.parquet');
    await writeRowFiles(data.rows, join(dir, 'two-models-bundle.jsonl'), parquet);
    const { id, open, handlers } = await connect(parquet);
    try {
      const answer = await handlers['connections:investigate'](
        sent('connections:investigate', {
          id,
          decisionId: caseId,
          model: FRAUD,
          featureName: feature,
          options: {},
          evidence: [],
        }),
      );
      const queries = answer.queries ?? [];
      // The investigation's cited decisions, each read by the fraud model's name and its id: one row, the fraud model's.
      const citedKeys = [...new Set(answer.cited?.map((d) => JSON.stringify([d.model.name, d.decisionId])))];
      expect(citedKeys.length).toBeGreaterThan(0);
      expect(queries.map((q) => JSON.stringify(q.params))).toEqual(citedKeys);
      expect(queries.every((q) => q.rows === 1)).toBe(true);
      const source = await open.source(id);
      for (const q of queries) {
        const rows = await source.engine.query({ text: q.text, params: q.params });
        expect(rows.map((r) => [r.model_name, r.id])).toEqual([q.params]);
      }

      // What the renderer sends for the bundle, through the contract's validation, and what the main process cites.
      const caseRecord = { connection: { id, name: 'Scored customers', location: parquet } } as unknown as CaseRecord;
      const connection = connectionCitation(caseRecord, queries);
      const request = requestSchemas['bundle:export'].parse(
        JSON.parse(
          JSON.stringify({
            caseRecord: { case: { id: 'case-1', title: 'Flagged payment' }, activity: [] },
            reportHtml: '<p>report</p>',
            reportMarkdown: 'report',
            reportHash: '0'.repeat(64),
            excerpts: [],
            connection,
          }),
        ),
      );
      const offerOwn = { model: data.offerModel, decisionId: caseId };
      const asked = [...(request.connection?.decisions ?? []), offerOwn];
      const bundled = await citedDecisions(open, id, asked);
      const cited = bundled.warehouse?.queries ?? [];
      expect(cited.map((q) => q.params)).toEqual(asked.map((d) => [d.model, d.decisionId]));
      expect(cited.slice(0, queries.length)).toEqual(queries);
      // The same id of the two models: two queries, one row each, not the same row.
      const ownOfBoth = cited.filter((q) => q.params[1] === caseId);
      expect(ownOfBoth.map((q) => q.rows)).toEqual([1, 1]);
      expect(new Set(ownOfBoth.map((q) => q.sha256)).size).toBe(2);

      // The bag's sources.json lists the log as export-bundle.ts does; verify re-runs each query with the same rows.
      const bag = join(dir, 'two-models-bag');
      mkdirSync(join(bag, 'data'), { recursive: true });
      const listed = {
        name: bundled.name,
        sha256: bundled.sha256,
        cited: null,
        included: 'query',
        ...bundled.warehouse,
      };
      writeFileSync(join(bag, BUNDLE_PATHS.sources), JSON.stringify([listed]));
      const reruns = await rerunCitedQueries(bag);
      expect(reruns.map((r) => [r.query?.params, r.outcome])).toEqual(
        cited.map((q) => [q.params, { kind: 'same', rows: 1 }]),
      );
    } finally {
      await open.closeAll();
    }
  }, 120_000);

  it('reads a decision by its id alone where one model holds it, as before', async () => {
    const parquet = join(dir, 'one-model.parquet');
    await writeRowFiles(flatRows(), join(dir, 'one-model.jsonl'), parquet);
    const { id, open, handlers } = await connect(parquet);
    try {
      const found = await handlers['connections:decision'](sent('connections:decision', { id, decisionId: caseId }));
      expect(found.decision?.decisionId).toBe(caseId);
    } finally {
      await open.closeAll();
    }
  }, 120_000);
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())('a PostgreSQL table where two models log decisions under the same ids', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it("reads and investigates each model's own decision, and names both models when none is given", async () => {
    const data = twoModels();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await createRowTable(
      admin,
      'scored',
      `id text, ts timestamptz, customer text, model_name text, model_version text, env text, prediction text,
       score double precision, action_taken text, "${feature}" boolean, ds_namespace text, ds_name text,
       ds_version text, feat_version text`,
      data.rows,
    );
    await admin.end();
    await expectEachModelsOwn(`${server.adminUrl}?table=scored`, data);
  }, 120_000);
});
