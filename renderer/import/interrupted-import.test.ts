/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { createCase } from '../db/case-log';
import { listInterruptedImports, STALE_AFTER_MS } from '../db/interrupted-imports';
import { loadEvidence } from '../db/load-evidence';
import { discardStaged } from '../db/staged-import';
import { fileCutAt, steppingClock, TestConnections } from './interrupted-import.fixture';
import { runImport, type RunOptions } from './run-import';

/** GitHub's audit log export, eight times over (784 entries, 126,920 bytes: past the 64 KB the importer detects from). */
const AUDIT = realFixture('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson');
const once = readFileSync(AUDIT, 'utf8');
const bytes = Buffer.from(once.repeat(8));
const ENTRIES = once.split('\n').filter((line) => line.trim() !== '').length * 8;
const NAME = 'audit.ndjson';
/** Where the reads stop, past the importer's head. */
const CUT = 96 * 1024;

const options = (over: Partial<RunOptions> = {}): RunOptions => ({
  cancelled: () => false,
  onProgress: () => undefined,
  caseId: 'case-1',
  pieceSize: 4096,
  provisionalFrom: 0,
  holder: 'holder-of-this-import',
  now: steppingClock(),
  ...over,
});

let connections: TestConnections;
let n = 0;
/** A connection to the test's database: a new one is the app's next start. */
const open = () => connections.open();
const nobodyRunning = async () => new Set<string>();

beforeEach(async () => {
  n += 1;
  connections = new TestConnections(`interrupted-import-test-${n}`);
  await createCase(open(), { id: 'case-1', title: 'Loan denials', description: '', sourceIds: [] });
});
afterEach(() => connections.close());

/** Runs an import that stops at CUT and never returns; resolves once it has saved progress past half of CUT. */
async function importKilledMidWay(): Promise<void> {
  const db = open();
  void runImport(db, { file: fileCutAt(bytes, CUT, 'never returns'), name: NAME }, options());
  for (let i = 0; i < 200; i += 1) {
    const [row] = await db.sources.toArray();
    if ((row?.staged?.bytes ?? 0) >= CUT / 2) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the import never saved its progress');
}

describe('an import interrupted mid-way', () => {
  it('is named on the next start with what it had read, and nothing of it is in the case', async () => {
    await importKilledMidWay();
    const next = open();
    const [item, ...more] = await listInterruptedImports(next, nobodyRunning, 'case-1');
    expect(more).toEqual([]);
    expect(item).toMatchObject({ name: NAME, size: bytes.length, caseId: 'case-1' });
    expect(item?.failure).toBeUndefined();
    expect(item?.bytes).toBeGreaterThanOrEqual(CUT / 2);
    expect(item?.bytes).toBeLessThanOrEqual(CUT);
    expect(item?.records).toBeGreaterThan(0);
    expect(item?.records).toBeLessThan(ENTRIES);
    const record = await next.getCase('case-1');
    expect(record?.sourceIds).toEqual([]);
    expect((await loadEvidence(next, record?.sourceIds ?? [])).audit).toEqual([]);
  });

  it('is not taken for interrupted while its holder still runs (in another window)', async () => {
    await importKilledMidWay();
    const stillRunning = async () => new Set(['holder-of-this-import']);
    expect(await listInterruptedImports(open(), stillRunning, 'case-1')).toEqual([]);
    // where running imports cannot be known (no Web Locks), only once its progress is old
    const unknown = async () => undefined;
    expect(await listInterruptedImports(open(), unknown, 'case-1')).toEqual([]);
    const later = Date.now() + STALE_AFTER_MS + 1000;
    expect(await listInterruptedImports(open(), unknown, 'case-1', later)).toHaveLength(1);
  });

  it('is retried into the case after its rows are discarded, with every entry', async () => {
    await importKilledMidWay();
    const next = open();
    const [item] = await listInterruptedImports(next, nobodyRunning, 'case-1');
    await discardStaged(next, item?.sourceId ?? '');
    expect(await next.recordChunks.count()).toBe(0);
    const end = await runImport(next, { file: new File([bytes], NAME), name: NAME }, options());
    expect(end.status).toBe('imported');
    expect(await listInterruptedImports(next, nobodyRunning, 'case-1')).toEqual([]);
    const record = await next.getCase('case-1');
    expect((await loadEvidence(next, record?.sourceIds ?? [])).audit).toHaveLength(ENTRIES);
  });
});

describe('an import whose read fails mid-way', () => {
  it('fails naming the file, keeps no record, and is named with its reason until discarded', async () => {
    const db = open();
    const end = await runImport(db, { file: fileCutAt(bytes, CUT, 'fails'), name: NAME }, options());
    expect(end).toEqual({ status: 'failed', reason: `${NAME}: NotReadableError: the file could not be read` });
    expect(await db.recordChunks.count()).toBe(0);
    const [item] = await listInterruptedImports(open(), async () => new Set(['holder-of-this-import']), 'case-1');
    expect(item?.failure).toBe(`${NAME}: NotReadableError: the file could not be read`);
    expect(item?.bytes).toBeGreaterThan(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
    await discardStaged(db, item?.sourceId ?? '');
    expect(await listInterruptedImports(db, nobodyRunning)).toEqual([]);
    expect(await db.sources.count()).toBe(0);
  });
});
