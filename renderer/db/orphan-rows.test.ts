/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { fileCutAt, steppingClock, TestConnections } from '../import/interrupted-import.fixture';
import { runImport, type RunOptions } from '../import/run-import';
import { listInterruptedImports } from './interrupted-imports';
import type { LineageDb } from './lineage-db';
import { removeOrphanRows } from './orphan-rows';
import { discardStaged } from './staged-import';

/** GitHub's audit log export, 40 times over (3,920 entries, past three chunks of rows). */
const once = readFileSync(realFixture('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson'), 'utf8');
const bytes = Buffer.from(once.repeat(40));
const NAME = 'audit.ndjson';
/** A real OpenLineage file imported before, complete: what no clean-up may touch. */
const lineage = readFileSync(realFixture('openlineage/ol_dbt_postgres_run_events.json'));

const options = (over: Partial<RunOptions> = {}): RunOptions => ({
  cancelled: () => false,
  onProgress: () => undefined,
  pieceSize: 16384,
  provisionalFrom: 0,
  now: steppingClock(), // progress is reported after every piece
  ...over,
});

let connections: TestConnections;
let n = 0;
/** A connection to the test's database: another window, or the app's next start. */
const open = () => connections.open();
/** What the store holds, as a look at IndexedDB would show it. */
const storage = async (db: LineageDb) => ({
  sources: (await db.sources.toArray()).map((s) => `${s.name} (${s.status})`).sort(),
  chunkRows: (await db.recordChunks.toArray()).reduce((sum, c) => sum + c.rows.length, 0),
  issueLists: await db.sourceIssues.count(),
});

let before: Awaited<ReturnType<typeof storage>>;
beforeEach(async () => {
  n += 1;
  connections = new TestConnections(`orphan-rows-test-${n}`);
  const end = await runImport(
    open(),
    { file: new File([lineage], 'run-events.json'), name: 'run-events.json' },
    options(),
  );
  if (end.status !== 'imported') throw new Error(JSON.stringify(end));
  before = await storage(open());
  expect(before).toEqual({ sources: ['run-events.json (complete)'], chunkRows: 10, issueLists: 1 });
});
afterEach(() => connections.close());

describe('rows left by an import that was killed mid-way', () => {
  it('are kept while the import is named as interrupted, and none is left once it is discarded', async () => {
    const window = open();
    void runImport(
      window,
      { file: fileCutAt(bytes, Math.floor(bytes.length * 0.8), 'never returns'), name: NAME },
      options(),
    );
    // the window is killed once some of the import's rows are on disk
    for (let i = 0; (await storage(window)).chunkRows <= before.chunkRows; i += 1) {
      if (i > 500) throw new Error('the import wrote no rows');
      await new Promise((r) => setTimeout(r, 10));
    }
    window.close();

    const next = open();
    expect(await removeOrphanRows(next)).toEqual({ chunks: 0, issues: 0 });
    const [item, ...more] = await listInterruptedImports(next, async () => new Set());
    expect(more).toEqual([]);
    expect(item?.name).toBe(NAME);
    const left = await storage(next);
    expect(left.sources).toEqual([`${NAME} (staging)`, 'run-events.json (complete)']);
    expect(left.chunkRows).toBeGreaterThan(before.chunkRows);

    await discardStaged(next, item?.sourceId ?? '');
    expect(await storage(open())).toEqual(before);
  });

  it('are removed on the next start when another window discarded the import under it and it wrote on', async () => {
    const importing = open();
    const other = open();
    let discarded: Promise<void> | undefined;
    const end = await runImport(
      importing,
      { file: new File([bytes], NAME), name: NAME },
      options({
        // Without an import lock, the other window takes the running import for an interrupted one and discards it.
        onProgress: (p) => {
          if (p.phase !== 'importing' || p.records === 0 || discarded) return;
          discarded = other.sources
            .where('status')
            .equals('staging')
            .first()
            .then((row) => discardStaged(other, row?.id ?? ''));
        },
      }),
    );
    await discarded;
    expect(end).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^audit.ndjson: No staged import/) });
    const left = await storage(other);
    expect(left.sources).toEqual(before.sources);
    expect(left.chunkRows).toBeGreaterThan(before.chunkRows);

    const next = open();
    const removed = await removeOrphanRows(next);
    expect(removed.chunks).toBeGreaterThan(0);
    expect(removed.issues).toBe(0);
    expect(await storage(next)).toEqual(before);
    expect(await removeOrphanRows(next)).toEqual({ chunks: 0, issues: 0 });
  });
});
