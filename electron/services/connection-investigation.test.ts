/**
 * The app's investigation of a decision where its log lives, through the IPC handlers: the sample's decisions as a
 * warehouse keeps them (flat rows, columns named as the app's fields are: named-sample.fixture.ts), written by DuckDB
 * as a hive-partitioned Parquet folder and as a view on a real PostgreSQL server, saved as connections. The handlers find a decision, page the
 * list, and investigate the case decision with the sample's other evidence as the renderer sends it (JSON, through the
 * contract's validation): the same result as the CLI's `investigate --source <that log> --json`.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { lineageCard } from '../../shared/lineage/lineage-card.js';
import {
  connectionInvestigationSchemas,
  type ChangedLines,
  type ConnectionInvestigation,
  type ConnectionInvestigationChannels,
} from '../../shared/ipc/connection-investigation-channels.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { EvidenceRecord } from '../../shared/model/records.js';
import { investigationJson, runInvestigateCommand } from '../cli/investigate-command.js';
import { readDiffs } from '../cli/suspect-diffs.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { connectionStore } from '../warehouse/connection-store.js';
import {
  createFlatTable,
  FLAT_MAPPING,
  flatRows,
  otherEvidence,
  truth,
  writeFlatFiles,
} from '../warehouse/flat-sample.fixture.js';
import { workDir } from '../warehouse/flat-report.fixture.js';
import { createNamedView, writeNamedParquet } from '../warehouse/named-sample.fixture.js';
import { openConnections } from '../warehouse/open-connections.js';
import { createConnectionInvestigationHandlers, DECISION_PAGE_SIZE } from './connection-investigation-services.js';
import { createGitRunner } from './git-runner.js';

const { dir, mappingFile: flatMappingFile } = workDir('li-connection-investigation-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const hive = join(dir, 'hive');
const PASSWORD = 'c0nnection-reader-Secret';
const git = createGitRunner();

/** The sample's other evidence as the renderer holds it (every record but decisions), and the JSON of the CLI. */
let evidence: EvidenceSet;
let names: Record<string, string>;
let repositories: ReadonlyMap<string, string>;

beforeAll(async () => {
  await writeNamedParquet(dir, hive);
  const loaded = await loadEvidence(otherEvidence(), { git, cacheDir: join(dir, 'repositories') });
  evidence = loaded.set;
  names = loaded.sourceNames;
  repositories = loaded.repositories;
}, 120_000);

/** The evidence's records but decisions, as the case sends them. */
const otherRecords = (set: EvidenceSet): EvidenceRecord[] =>
  Object.entries(set).flatMap(([kind, list]) => (kind === 'decisions' ? [] : (list as EvidenceRecord[])));

/** A request as it crosses the bridge (JSON) and the contract's validation. */
const sent = <K extends keyof ConnectionInvestigationChannels>(
  channel: K,
  request: ConnectionInvestigationChannels[K]['request'],
) => parse(channel, JSON.parse(JSON.stringify(request))) as ConnectionInvestigationChannels[K]['request'];

/** The contract's validation of these channels' requests (shared/ipc/contract.ts parseRequest). */
const parse = (channel: keyof ConnectionInvestigationChannels, request: unknown) =>
  connectionInvestigationSchemas[channel].parse(request);

/** `investigate --json` of the case decision over the other evidence and `source` (its mapping suggested, or that file's). */
async function cliJson(source: string, mappingFile?: string) {
  const out: string[] = [];
  const args = [
    ...[...otherEvidence(), source].flatMap((p) => ['--source', p]),
    ...(mappingFile ? ['--mapping', mappingFile] : []),
  ];
  const code = await runInvestigateCommand(
    [...args, '--decision', truth.caseDecisionId, '--feature', truth.feature.name, '--json'],
    {
      out: (l) => out.push(l),
      err: () => undefined,
    },
  );
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

/** Saves `location` (read through `mapping`, JSON, if given) as a connection and gives the handlers over it. */
async function connect(location: string, mapping?: string) {
  const store = connectionStore(join(dir, 'data', location.length.toString()));
  const saved = await store.save({ name: 'Sample decisions', location, ...(mapping !== undefined && { mapping }) });
  const open = openConnections(store);
  return { id: saved.id, open, handlers: createConnectionInvestigationHandlers(open) };
}

/** The app's investigation: first without diffs, then with the commit suspects' changed lines (as the renderer reads them). */
async function investigateInApp(handlers: ReturnType<typeof createConnectionInvestigationHandlers>, id: string) {
  const request = {
    id,
    decisionId: truth.caseDecisionId as string,
    featureName: truth.feature.name as string,
    options: {},
    evidence: otherRecords(evidence),
  };
  const first = await handlers['connections:investigate'](sent('connections:investigate', request));
  const diffOf = await readDiffs(git, evidence.commits, repositories);
  const diffs: ChangedLines[] = (first.result?.suspects.suspects ?? [])
    .filter((s) => s.kind === 'commit')
    .flatMap((s) => s.paths.map((path) => ({ commit: s.id, path, lines: diffOf(s.id, path) ?? null })));
  const second = await handlers['connections:investigate'](sent('connections:investigate', { ...request, diffs }));
  return JSON.parse(JSON.stringify(second)) as ConnectionInvestigation;
}

function expectSameAsCli(app: ConnectionInvestigation, cli: unknown, location: string) {
  expect(app.refused).toBeUndefined();
  const result = app.result;
  if (!result) throw new Error('no result');
  const set = { ...evidence, decisions: [result.decision] };
  // The decisions' provenance names the log by the SHA-256 of its location: both cite it by the location.
  const cited = { ...names, [createHash('sha256').update(location).digest('hex')]: location };
  const json = investigationJson(result, cited, lineageCard(set, result.decision, truth.feature.name));
  expect(JSON.parse(JSON.stringify(json))).toEqual(cli);
  expect(result.scope.affected).toBe(truth.decisions.affected);
  expect([truth.plantedCommit, truth.mergeCommit]).toContain(result.suspects.suspects[0]?.id);
}

describe('investigating a decision in a saved Parquet connection', () => {
  it('finds a decision, pages the list, and investigates as the CLI does', async () => {
    const { id, open, handlers } = await connect(hive);
    const found = await handlers['connections:decision'](
      sent('connections:decision', { id, decisionId: truth.caseDecisionId }),
    );
    expect(found.decision?.decisionId).toBe(truth.caseDecisionId);
    expect(found.decision?.features.map((f) => f.name)).toContain(truth.feature.name);
    const missing = await handlers['connections:decision']({ id, decisionId: 'no-such-decision' });
    expect(missing.reason).toBe(`no-such-decision is not found in Sample decisions (${hive})`);

    const rows = flatRows();
    const page = await handlers['connections:decisions'](sent('connections:decisions', { id, page: 1 }));
    expect(page.total).toBe(rows.length);
    expect(page.decisions).toHaveLength(DECISION_PAGE_SIZE);
    // Time order, then id: the second page starts after the first fifty.
    const ordered = [...rows].sort(
      (a, b) => Date.parse(String(a.ts)) - Date.parse(String(b.ts)) || String(a.id).localeCompare(String(b.id)),
    );
    expect(page.decisions.map((d) => d.decisionId)).toEqual(
      ordered.slice(DECISION_PAGE_SIZE, 2 * DECISION_PAGE_SIZE).map((r) => r.id),
    );
    const none = await handlers['connections:decisions']({ id, model: 'no-such-model', page: 0 });
    expect(none).toEqual({ decisions: [], total: 0, pageSize: DECISION_PAGE_SIZE });

    const app = await investigateInApp(handlers, id);
    expectSameAsCli(app, await cliJson(hive), hive);
    // Only the cited decisions were read whole; each is cited by the query that reads it, one row each.
    const cited = new Set(app.cited?.map((d) => d.decisionId));
    expect(cited.size).toBeLessThan(10);
    expect(cited).toContain(truth.onset.decisionId);
    const keys = new Set(app.cited?.map((d) => JSON.stringify([d.model.name, d.decisionId])));
    expect(app.queries?.map((q) => JSON.stringify(q.params))).toEqual([...keys]);
    expect(app.queries?.every((q) => q.rows === 1 && /^[0-9a-f]{64}$/.test(q.sha256))).toBe(true);
    await open.closeAll();
  }, 240_000);

  it('reads a log whose columns are named otherwise through the column mapping saved with the connection', async () => {
    const parquet = join(dir, 'flat.parquet');
    await writeFlatFiles(join(dir, 'flat.jsonl'), parquet);
    const broken = connect(parquet, JSON.stringify({ ...FLAT_MAPPING, kind: 'recipe' }));
    await expect(broken).rejects.toThrow(/^the column mapping is not one: kind: /);
    const { id, open, handlers } = await connect(parquet, JSON.stringify(FLAT_MAPPING, null, 2));
    const app = await investigateInApp(handlers, id);
    expectSameAsCli(app, await cliJson(parquet, flatMappingFile), parquet);
    await open.closeAll();
  }, 240_000);

  it('refuses a request that is not values: SQL, another kind of record, an unknown connection', async () => {
    const base = { id: 'abc', decisionId: 'd', featureName: 'f', options: {}, evidence: [] };
    expect(() => parse('connections:investigate', { ...base, sql: 'SELECT 1' })).toThrow(/Unrecognized key/);
    expect(() =>
      parse('connections:investigate', { ...base, evidence: [{ kind: 'decision', decisionId: 'x' }] }),
    ).toThrow(/a record of evidence other than a decision/);
    const { handlers } = await connect(hive);
    await expect(handlers['connections:decision']({ id: 'gone', decisionId: 'd' })).rejects.toThrow(
      'No saved connection gone.',
    );
  });
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())('investigating a decision in a saved PostgreSQL connection, on a real server', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
    await createFlatTable(server.adminUrl, PASSWORD);
    await createNamedView(server.adminUrl);
  }, 120_000);
  afterAll(() => server?.stop());

  it('investigates as the CLI does, the password kept out of every answer', async () => {
    const url = `postgresql://reader:${PASSWORD}@127.0.0.1:${server.port}/postgres?table=ml.named`;
    const { id, open, handlers } = await connect(url);
    const app = await investigateInApp(handlers, id);
    expectSameAsCli(app, await cliJson(url), url.replace(`:${PASSWORD}`, ''));
    expect(JSON.stringify(app)).not.toContain(PASSWORD);
    await open.closeAll();
  }, 240_000);
});
