/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { LineageRunEvent } from '../../shared/model/records';
import { LineageDb } from '../db/lineage-db';
import { beginStaging, discardStaged, listCompleteSources, removeSource } from '../db/staged-import';
import { runImport } from './run-import';
import type { ImportProgress } from './worker-protocol';
import { loadRecords } from '../db/load-evidence';
import { createCase } from '../db/case-log';

const REAL = realFixture('openlineage/ol_dbt_postgres_run_events.json');
const realFile = () => {
  const bytes = readFileSync(REAL);
  return {
    file: new File([bytes], 'ol_dbt_postgres_run_events.json'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
};

/** 3,000 (or `count`) deployment lines with one broken line (line 1,234) among them. */
function deploymentsWithOneBadLine(count = 3000): File {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `dep-${i}`,
      timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      environment: 'production',
      commit: 'abcdef1',
    }),
  );
  lines[1233] = '{"id": "dep-broken", "timestamp": ';
  return new File([lines.join('\n') + '\n'], 'deployments.jsonl');
}

const noCancel = { cancelled: () => false, onProgress: () => undefined };
let db: LineageDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = new LineageDb(`run-import-test-${n}`);
  await createCase(db, { id: 'case-1', title: 'T', description: '', sourceIds: [] });
});
afterEach(async () => {
  await db.delete();
});

describe('runImport (the worker’s import of one file)', () => {
  it('imports a real OpenLineage file into the case, keyed by its SHA-256, with every run event', async () => {
    const { file, sha256 } = realFile();
    const progress: ImportProgress[] = [];
    const end = await runImport(
      db,
      { file, name: file.name },
      { ...noCancel, caseId: 'case-1', onProgress: (p) => progress.push(p) },
    );
    expect(end.status).toBe('imported');
    if (end.status !== 'imported') return;
    expect(end.source).toMatchObject({
      id: sha256,
      detected: 'openlineage',
      status: 'complete',
      counts: { 'lineage-run': 10 },
    });
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([sha256]);
    const runs = (await loadRecords(db, [sha256])) as LineageRunEvent[];
    expect(runs.map((r) => r.job.name)).toContain('postgres.public.jaffle_shop.customers');
    expect(runs.every((r) => r.provenance.sourceId === sha256 && r.provenance.pointer !== undefined)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'committing', records: 10, totalBytes: file.size });
  });

  it('imports the same file again without changing anything', async () => {
    const { file } = realFile();
    await runImport(db, { file, name: file.name }, noCancel);
    const before = { sources: await db.sources.toArray(), chunks: await db.recordChunks.toArray() };
    const again = await runImport(db, { file, name: 'renamed.json' }, { ...noCancel, caseId: 'case-1' });
    expect(again.status).toBe('already-imported');
    expect({ sources: await db.sources.toArray(), chunks: await db.recordChunks.toArray() }).toEqual(before);
  });

  it('keeps the good lines of a file with one bad line, and names the bad line', async () => {
    const end = await runImport(db, { file: deploymentsWithOneBadLine(), name: 'deployments.jsonl' }, noCancel);
    if (end.status !== 'imported') throw new Error(JSON.stringify(end));
    expect(end.source.counts).toEqual({ deployment: 2999 });
    expect(end.source.rejected).toBe(1);
    const issues = await db.sourceIssues.get(end.source.id);
    expect(issues?.rejections).toEqual([expect.objectContaining({ sourceName: 'deployments.jsonl', line: 1234 })]);
    const chunks = await db.recordChunks.where('sourceId').equals(end.source.id).toArray();
    expect(chunks.map((c) => c.rows.length).sort((a, b) => a - b)).toEqual([999, 1000, 1000]);
  });

  it('skips a file that is not evidence: nothing stored, not in the case, the reason given', async () => {
    const schema = readFileSync(realFixture('openlineage/spec/OpenLineage.json'));
    const notes = readFileSync(realFixture('audit/SOURCES.md'));
    const ends = [
      await runImport(db, { file: new File([schema], 'OpenLineage.json'), name: 'OpenLineage.json' }, noCancel),
      await runImport(
        db,
        { file: new File([notes], 'SOURCES.md'), name: 'SOURCES.md' },
        { ...noCancel, caseId: 'case-1' },
      ),
    ];
    expect(ends).toEqual([
      { status: 'skipped', reason: 'a JSON Schema of a format, not data' },
      { status: 'skipped', reason: 'Markdown documentation (first line: "# Sources — audit"), not evidence' },
    ]);
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
  });

  it('leaves nothing behind when cancelled mid-file', async () => {
    let phase = '';
    const end = await runImport(
      db,
      { file: deploymentsWithOneBadLine(), name: 'deployments.jsonl' },
      { caseId: 'case-1', cancelled: () => phase === 'importing', onProgress: (p) => (phase = p.phase) },
    );
    expect(end.status).toBe('cancelled');
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
  });
});

describe('chunk writes overlapping the parse', () => {
  /** A clock that moves 1 s per reading, so that every progress report goes out. */
  const ticking = () => {
    let t = 0;
    return () => (t += 1000);
  };

  it('writes every chunk of a file large enough for several writes', async () => {
    const end = await runImport(
      db,
      { file: deploymentsWithOneBadLine(20_000), name: 'many.jsonl' },
      { ...noCancel, now: ticking() },
    );
    if (end.status !== 'imported') throw new Error(JSON.stringify(end));
    expect(end.source.counts).toEqual({ deployment: 19_999 });
    const chunks = await db.recordChunks.where('sourceId').equals(end.source.id).toArray();
    expect(chunks.map((c) => c.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(chunks.reduce((n, c) => n + c.rows.length, 0)).toBe(19_999);
  });

  it('leaves nothing behind when cancelled after chunks were written', async () => {
    let records = 0;
    const end = await runImport(
      db,
      { file: deploymentsWithOneBadLine(20_000), name: 'many.jsonl' },
      {
        caseId: 'case-1',
        now: ticking(),
        cancelled: () => records >= 9000,
        onProgress: (p) => (records = p.records),
      },
    );
    expect(end.status).toBe('cancelled');
    expect(records).toBeGreaterThanOrEqual(9000); // the full chunks had gone to a write before the cancel
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
  });
});

describe('staged sources and removal', () => {
  it('never lists what a crashed import left staging, and discards it with its chunks', async () => {
    const id = 'f'.repeat(64);
    const staging = {
      id,
      sha256: id,
      name: 'half.ndjson',
      size: 1,
      detected: 'unknown',
      importer: '',
      importerVersion: '',
    };
    await beginStaging(db, { ...staging, importedAt: '2026-01-01T00:00:00Z', counts: {}, rejected: 0, warnings: 0 });
    await db.recordChunks.put({ sourceId: id, kind: 'decision', seq: 0, rows: [] });
    expect(await listCompleteSources(db)).toEqual([]);
    await discardStaged(db, id);
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
  });

  it('removes a source with its chunks, its issues and its place in the case', async () => {
    const end = await runImport(
      db,
      { file: deploymentsWithOneBadLine(), name: 'd.jsonl' },
      { ...noCancel, caseId: 'case-1' },
    );
    if (end.status !== 'imported') throw new Error('not imported');
    await removeSource(db, end.source.id);
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
    expect(await db.sourceIssues.count()).toBe(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
  });
});
