/**
 * A connection case's affected decisions, paged and exported where the log lives, through the IPC handlers: the
 * sample's decisions as a hive-partitioned Parquet folder and as a view on a real PostgreSQL server
 * (named-sample.fixture.ts). Its pages, its CSV and its subjects' CSV are those of the same decisions imported — the
 * scope the app's engine finds over the sample's decision log, exported by the Scope step's own CSV writers — for the
 * blast radius of the planted change (with the sample's other evidence) and for the suspect versions (with none).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { affectedDecisionRow, affectedDecisionsCsv, affectedSubjectsCsv } from '../../shared/analysis/csv.js';
import type { DiffOf, ImpactScope } from '../../shared/analysis/engine-types.js';
import { runEngine } from '../../shared/analysis/engine.js';
import {
  connectionAffectedSchemas,
  type ConnectionAffectedChannels,
} from '../../shared/ipc/connection-affected-channels.js';
import type { ChangedLines } from '../../shared/ipc/connection-investigation-channels.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision, EvidenceRecord } from '../../shared/model/records.js';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection.js';
import { readDiffs } from '../cli/suspect-diffs.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { connectionStore } from '../warehouse/connection-store.js';
import { createFlatTable, otherEvidence, SAMPLE, truth } from '../warehouse/flat-sample.fixture.js';
import { createNamedView, writeNamedParquet } from '../warehouse/named-sample.fixture.js';
import { openConnections } from '../warehouse/open-connections.js';
import { AFFECTED_PAGE_SIZE, createConnectionAffectedHandlers } from './connection-affected-services.js';
import { createConnectionInvestigationHandlers } from './connection-investigation-services.js';
import { createGitRunner } from './git-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'li-connection-affected-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const hive = join(dir, 'hive');
const git = createGitRunner();
const feature = truth.feature.name as string;

/** The sample imported whole (its decision log too), and the commit suspects' changed lines. */
let imported: EvidenceSet;
let diffOf: DiffOf;

beforeAll(async () => {
  await writeNamedParquet(dir, hive);
  const loaded = await loadEvidence([...otherEvidence(), join(SAMPLE, 'decisions.jsonl')], {
    git,
    cacheDir: join(dir, 'repositories'),
  });
  imported = loaded.set;
  diffOf = await readDiffs(git, imported.commits, loaded.repositories);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A request as it crosses the bridge (JSON) and the contract's validation. */
const sent = <K extends keyof ConnectionAffectedChannels>(
  channel: K,
  request: ConnectionAffectedChannels[K]['request'],
) =>
  connectionAffectedSchemas[channel].parse(
    JSON.parse(JSON.stringify(request)),
  ) as ConnectionAffectedChannels[K]['request'];

/** The case decision's investigation as the app makes it over the imported log, with (or without) the other evidence. */
function importedResult(withOther: boolean) {
  const set = withOther ? imported : { ...emptySet(), decisions: imported.decisions };
  const decision = imported.decisions.find((d) => d.decisionId === truth.caseDecisionId) as Decision;
  return runEngine(set, decision, feature, { diffOf });
}
const importedScope = (withOther: boolean): ImpactScope => importedResult(withOther).scope;

const emptySet = (): EvidenceSet =>
  Object.fromEntries(Object.keys(imported).map((k) => [k, []])) as unknown as EvidenceSet;

/** The CSV rows of decisions (what a user compares: every exported column). */
const rowsOf = (decisions: ReadonlyArray<Decision>) => decisions.map((d) => affectedDecisionRow(d, feature));

/** Investigates the case decision in the connection (with the other evidence or none): the scope's selection. */
async function selectionIn(location: string, withOther: boolean) {
  const store = connectionStore(join(dir, 'data', `${location.length}-${withOther}`));
  const saved = await store.save({ name: 'Sample decisions', location });
  const open = openConnections(store);
  const investigation = createConnectionInvestigationHandlers(open);
  const others: EvidenceRecord[] = withOther
    ? Object.entries(imported).flatMap(([kind, list]) => (kind === 'decisions' ? [] : (list as EvidenceRecord[])))
    : [];
  // The commit suspects' changed lines, as the renderer sends them once read.
  const diffs: ChangedLines[] = importedResult(true)
    .suspects.suspects.filter((s) => s.kind === 'commit')
    .flatMap((s) => s.paths.map((path) => ({ commit: s.id, path, lines: diffOf(s.id, path) ?? null })));
  const answer = await investigation['connections:investigate']({
    id: saved.id,
    decisionId: truth.caseDecisionId,
    featureName: feature,
    options: {},
    evidence: others,
    ...(withOther && { diffs }),
  });
  expect(answer.refused).toBeUndefined();
  const selection = JSON.parse(JSON.stringify(answer.affected)) as AffectedSelection;
  return { id: saved.id, open, selection, scope: answer.result?.scope };
}

/** Every page of the connection's affected decisions, its CSV and its subjects' CSV, each in chunks of 100. */
async function pagesAndCsv(open: ReturnType<typeof openConnections>, id: string, selection: AffectedSelection) {
  const handlers = createConnectionAffectedHandlers(open, 100);
  const pages: Decision[][] = [];
  for (let page = 0; ; page++) {
    const got = await handlers['connections:affected'](sent('connections:affected', { id, selection, page }));
    expect(got.pageSize).toBe(AFFECTED_PAGE_SIZE);
    pages.push([...got.decisions]);
    if (got.decisions.length < AFFECTED_PAGE_SIZE) break;
  }
  let csv = '';
  let chunks = 0;
  for (let offset = 0; ; chunks++) {
    const got = await handlers['connections:affectedCsv'](
      sent('connections:affectedCsv', { id, selection, featureName: feature, offset }),
    );
    csv += got.csv;
    offset += got.rows;
    if (got.done) break;
  }
  let subjects = '';
  for (let offset = 0; ;) {
    const got = await handlers['connections:affectedSubjectsCsv'](
      sent('connections:affectedSubjectsCsv', { id, selection, offset }),
    );
    subjects += got.csv;
    offset += got.rows;
    if (got.done) break;
  }
  return { pages, csv, chunks, subjects };
}

/** The connection's pages and CSV equal the imported case's list and export, page by page. */
async function expectSameAsImported(location: string, withOther: boolean, by: AffectedSelection['by']) {
  const { id, open, selection, scope } = await selectionIn(location, withOther);
  const expected = importedScope(withOther);
  expect(selection.by).toBe(by);
  expect(scope?.affected).toBe(expected.affected);
  expect(expected.decisions.length).toBe(expected.affected);
  const { pages, csv, chunks, subjects } = await pagesAndCsv(open, id, selection);
  expect(pages).toHaveLength(Math.floor(expected.affected / AFFECTED_PAGE_SIZE) + 1);
  pages.forEach((page, n) =>
    expect(rowsOf(page)).toEqual(
      rowsOf(expected.decisions.slice(n * AFFECTED_PAGE_SIZE, (n + 1) * AFFECTED_PAGE_SIZE)),
    ),
  );
  expect(chunks).toBe(Math.floor(expected.affected / 100));
  expect(csv).toBe(affectedDecisionsCsv(expected));
  // The subjects to notify: one row each, the imported case's export of the same decisions.
  expect(subjects.trimEnd().split('\r\n')).toHaveLength(expected.subjects + 1);
  expect(subjects).toBe(affectedSubjectsCsv(expected));
  await open.closeAll();
  return expected;
}

describe("a Parquet connection case's affected decisions", () => {
  it("pages and exports the planted change's blast radius as the imported case does", async () => {
    const expected = await expectSameAsImported(hive, true, 'radius');
    expect(expected.method).toBe('blast-radius');
    expect(expected.affected).toBe(truth.decisions.affected);
  }, 240_000);

  it('pages and exports the suspect versions as the imported case does, where no change is a suspect', async () => {
    const expected = await expectSameAsImported(hive, false, 'versions');
    expect(expected.method).toBe('version');
  }, 240_000);

  it('refuses a selection that is not values', () => {
    const base = { id: 'abc', page: 0 };
    const versions = { by: 'versions', model: 'm', versionKind: 'feature_version', versions: ['v1'] };
    const parse = (r: unknown) => connectionAffectedSchemas['connections:affected'].parse(r);
    expect(() => parse({ ...base, selection: { ...versions, sql: 'SELECT 1' } })).toThrow(/Unrecognized key/);
    const radius = { by: 'radius', lineage: { model: 'm', versions: [] }, filter: { writtenFrom: 1.5 } };
    expect(() => parse({ ...base, selection: radius })).toThrow(/a time in epoch milliseconds/);
    expect(() => parse({ ...base, selection: { ...versions, versionKind: 'x; DROP TABLE' } })).toThrow();
  });
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())("a PostgreSQL connection case's affected decisions, on a real server", () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
    await createFlatTable(server.adminUrl, 'affected-reader-Secret');
    await createNamedView(server.adminUrl);
  }, 120_000);
  afterAll(() => server?.stop());

  it("pages and exports the planted change's blast radius as the imported case does", async () => {
    const url = `postgresql://reader:affected-reader-Secret@127.0.0.1:${server.port}/postgres?table=ml.named`;
    await expectSameAsImported(url, true, 'radius');
  }, 240_000);
});
