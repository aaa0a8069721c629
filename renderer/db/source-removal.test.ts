/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { runImport, type RunOptions } from '../import/run-import';
import { createCase } from './case-log';
import { chunkKey } from './chunks';
import { LineageDb, type StoredSource } from './lineage-db';
import { loadRecords } from './load-evidence';
import { removeOrphanRows } from './orphan-rows';
import { finalizeRemoval, finalizeRemovals, restoreSource, setSourceAside } from './source-removal';
import { listCompleteSources } from './staged-import';

/** Real exports a team would import into one investigation: GitHub's audit log, two dbt runs' OpenLineage events. */
const FILES = [
  ['audit.ndjson', 'audit/github_audit/elastic_github_test-audit-json_first_page.ndjson'],
  ['postgres-run.json', 'openlineage/ol_dbt_postgres_run_events.json'],
  ['spark-run.json', 'openlineage/ol_dbt_spark_thrift_run_events.json'],
] as const;
const fileOf = (name: string, path: string) => new File([readFileSync(realFixture(path))], name);

let db: LineageDb;
let n = 0;
const sources: Record<string, StoredSource> = {};
const noCancel: RunOptions = { cancelled: () => false, onProgress: () => undefined };

async function importInto(caseId: string, name: string, path: string, options: Partial<RunOptions> = {}) {
  const end = await runImport(db, { file: fileOf(name, path), name }, { ...noCancel, caseId, ...options });
  // A file stored already joins the case as it is.
  if (end.status !== 'imported' && end.status !== 'already-imported')
    throw new Error(`${name}: ${JSON.stringify(end)}`);
  return end.source;
}
const caseSources = async (id: string) => (await db.getCase(id))!.sourceIds;
const chunksOf = (source: StoredSource) => db.recordChunks.where('sourceId').equals(chunkKey(source)).count();

beforeEach(async () => {
  n += 1;
  db = new LineageDb(`source-removal-test-${n}`);
  // Two investigations share the Postgres run's lineage; the first has the audit log and the Spark run too.
  await createCase(db, { id: 'refused-offers', title: 'Refused offers', description: '', sourceIds: [] });
  await createCase(db, { id: 'late-scores', title: 'Late scores', description: '', sourceIds: [] });
  for (const [name, path] of FILES) sources[name] = await importInto('refused-offers', name, path);
  await importInto('late-scores', 'postgres-run.json', FILES[1][1]);
});
afterEach(async () => {
  await db.delete();
});

describe('removing a source with its undo', () => {
  it('takes it out of every case and the list, and the undo puts it back in its place with the same records', async () => {
    const removedId = sources['postgres-run.json']!.id;
    const ids = await caseSources('refused-offers');
    const records = await loadRecords(db, ids);
    const issues = await db.sourceIssues.get(removedId);

    const removed = await setSourceAside(db, removedId);
    expect(removed?.source.name).toBe('postgres-run.json');
    expect((await listCompleteSources(db)).map((s) => s.name).sort()).toEqual(['audit.ndjson', 'spark-run.json']);
    expect(await caseSources('refused-offers')).toEqual(ids.filter((id) => id !== removedId));
    expect(await caseSources('late-scores')).toEqual([]);
    const without = await loadRecords(db, await caseSources('refused-offers'));
    expect(without.length).toBe(records.length - Object.values(removed!.source.counts).reduce((a, b) => a + b, 0));

    expect(await restoreSource(db, removedId)).toBe(true);
    expect(await caseSources('refused-offers')).toEqual(ids); // the middle of three, as imported
    expect(await caseSources('late-scores')).toEqual([removedId]);
    expect(await db.sources.get(removedId)).toEqual(sources['postgres-run.json']);
    expect(await loadRecords(db, ids)).toEqual(records);
    expect(await db.sourceIssues.get(removedId)).toEqual(issues);
    expect(await db.removedSources.count()).toBe(0);
  });

  it('once final, leaves no record or issue of it, the other sources untouched, and cannot be undone', async () => {
    const gone = sources['spark-run.json']!;
    const others = [sources['audit.ndjson']!, sources['postgres-run.json']!];
    const kept = await Promise.all(others.map(chunksOf));
    expect(await chunksOf(gone)).toBeGreaterThan(0);

    await setSourceAside(db, gone.id);
    // The first look after a start of another window must not take the rows of a removal still offered for undo.
    expect(await removeOrphanRows(db)).toEqual({ chunks: 0, issues: 0 });
    expect(await chunksOf(gone)).toBeGreaterThan(0);

    await finalizeRemoval(db, gone.id);
    expect(await chunksOf(gone)).toBe(0);
    expect(await db.sourceIssues.get(gone.id)).toBeUndefined();
    expect(await Promise.all(others.map(chunksOf))).toEqual(kept);
    expect(await restoreSource(db, gone.id)).toBe(false);
    expect(await caseSources('refused-offers')).toEqual(others.map((s) => s.id));
    expect(await removeOrphanRows(db)).toEqual({ chunks: 0, issues: 0 });
  });

  it('makes final, at a start, only the removals offered before it', async () => {
    await setSourceAside(db, sources['audit.ndjson']!.id, new Date('2026-03-02T09:00:00Z'));
    await setSourceAside(db, sources['spark-run.json']!.id, new Date('2026-03-02T09:30:00Z'));
    expect(await finalizeRemovals(db, new Date('2026-03-02T09:15:00Z'))).toBe(1);
    expect(await chunksOf(sources['audit.ndjson']!)).toBe(0);
    expect(await restoreSource(db, sources['audit.ndjson']!.id)).toBe(false);
    expect(await restoreSource(db, sources['spark-run.json']!.id)).toBe(true);
    expect((await listCompleteSources(db)).map((s) => s.name).sort()).toEqual(['postgres-run.json', 'spark-run.json']);
  });

  it.each([
    ['read at once', {}],
    ['staged before its hash is known', { provisionalFrom: 0 }],
  ])('a file imported again while its removal is offered (%s) is stored once, the removal final', async (_, how) => {
    const first = sources['postgres-run.json']!;
    const records = await loadRecords(db, [first.id]);
    await setSourceAside(db, first.id);
    const end = await runImport(
      db,
      { file: fileOf('postgres-run.json', FILES[1][1]), name: 'postgres-run.json' },
      { ...noCancel, caseId: 'late-scores', ...how },
    );
    expect(end.status).toBe('imported');
    const again = (end as { source: StoredSource }).source;
    expect(again.id).toBe(first.id);
    expect(await db.removedSources.count()).toBe(0);
    expect(await loadRecords(db, [again.id])).toEqual(records);
    const rows = (await db.recordChunks.toArray()).filter((c) => c.rows.length > 0);
    const total = rows.reduce((sum, c) => sum + c.rows.length, 0);
    const imported = await Promise.all(Object.values(sources).map((s) => loadRecords(db, [s.id])));
    expect(total).toBe(imported.reduce((sum, r) => sum + r.length, 0));
    expect(await restoreSource(db, first.id)).toBe(false);
    expect(await caseSources('late-scores')).toEqual([first.id]);
  });
});
