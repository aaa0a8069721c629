/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { AuditEntry } from '../../shared/model/records';
import { createCase } from '../db/case-log';
import { LineageDb } from '../db/lineage-db';
import { loadRecords } from '../db/load-evidence';
import { beginStaging, discardStaged, removeSource } from '../db/staged-import';
import { type FileHasher, inThreadHasher } from './file-hasher';
import { runImport, type RunOptions } from './run-import';

const OPENLINEAGE = realFixture('openlineage/ol_dbt_postgres_run_events.json');
/** GitHub's audit log export: no `_document_id`, so each entry is named from the file's id and its line. */
const GITHUB_AUDIT = realFixture('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson');

const real = (path: string) => {
  const bytes = readFileSync(path);
  const name = path.split('/').at(-1) ?? path;
  return { file: new File([bytes], name), name, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/** 20,000 deployment lines (about 2 MB). */
const deployments = () =>
  new File(
    Array.from(
      { length: 20_000 },
      (_, i) =>
        JSON.stringify({
          id: `dep-${i}`,
          timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          environment: 'production',
          commit: 'abcdef1',
        }) + '\n',
    ),
    'deployments.jsonl',
  );

/** Every file staged under a provisional id, whatever its size. */
const provisional: RunOptions = { cancelled: () => false, onProgress: () => undefined, provisionalFrom: 0 };
const dbs: LineageDb[] = [];
const openDb = () => {
  const db = new LineageDb(`provisional-test-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
let db: LineageDb;
beforeEach(async () => {
  db = openDb();
  await createCase(db, { id: 'case-1', title: 'T', description: '', sourceIds: [] });
});
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

describe('a large file staged under a provisional id while it is hashed', () => {
  it('becomes its SHA-256, its records citing the SHA-256 as an import that hashed first would', async () => {
    const { file, name, sha256 } = real(OPENLINEAGE);
    const end = await runImport(db, { file, name }, { ...provisional, caseId: 'case-1' });
    if (end.status !== 'imported') throw new Error(JSON.stringify(end));
    expect(end.source).toMatchObject({ id: sha256, sha256, status: 'complete', detected: 'openlineage' });
    expect(end.source.storageId).toMatch(/^[0-9a-f]{64}$/);
    expect(end.source.storageId).not.toBe(sha256);
    expect(await db.sources.toArray()).toEqual([end.source]);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([sha256]);
    const records = await loadRecords(db, [sha256]);
    const total = Object.values(end.source.counts).reduce((a, b) => a + b, 0);
    expect(records).toHaveLength(total);
    expect(total).toBeGreaterThan(0);
    expect(records.every((r) => r.provenance.sourceId === sha256)).toBe(true);
  });

  it('gives the records and warnings of the hash-first import, ids made from the file included', async () => {
    const { file, name, sha256 } = real(GITHUB_AUDIT);
    const first = openDb();
    const hashedFirst = await runImport(first, { file, name }, { ...provisional, provisionalFrom: Infinity });
    const staged = await runImport(db, { file, name }, provisional);
    if (hashedFirst.status !== 'imported' || staged.status !== 'imported') throw new Error('not imported');
    expect(hashedFirst.source.storageId).toBeUndefined();
    expect(staged.source.storageId).toBeDefined();
    const entries = (await loadRecords(db, [sha256])) as AuditEntry[];
    expect(entries).toHaveLength(98);
    expect(entries[0]?.id).toBe(`github-audit:${sha256.slice(0, 12)}:L1`);
    expect(entries).toEqual(await loadRecords(first, [sha256]));
    const warnings = (await db.sourceIssues.get(sha256))?.warnings ?? [];
    expect(warnings.some((w) => w.message.includes(`github-audit:${sha256.slice(0, 12)}:L1`))).toBe(true);
    expect(warnings).toEqual((await first.sourceIssues.get(sha256))?.warnings);
  });

  it('keeps one source and one set of chunks when the same file is imported twice at once', async () => {
    const { file, name, sha256 } = real(GITHUB_AUDIT);
    const ends = await Promise.all([
      runImport(db, { file, name }, { ...provisional, caseId: 'case-1' }),
      runImport(db, { file, name: 'again.json' }, { ...provisional, caseId: 'case-1' }),
    ]);
    expect(ends.map((e) => e.status).sort()).toEqual(['already-imported', 'imported']);
    const sources = await db.sources.toArray();
    expect(sources.map((s) => [s.id, s.status])).toEqual([[sha256, 'complete']]);
    const chunks = await db.recordChunks.toArray();
    expect(new Set(chunks.map((c) => c.sourceId))).toEqual(new Set([sources[0]?.storageId]));
    expect(await loadRecords(db, [sha256])).toHaveLength(98);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([sha256]);
  });

  it('leaves nothing behind and stops the hasher when cancelled after chunks were written', async () => {
    let records = 0;
    let disposed = false;
    const hasher = (): FileHasher => ({ ...inThreadHasher(), dispose: () => (disposed = true) });
    const end = await runImport(
      db,
      { file: deployments(), name: 'deployments.jsonl' },
      {
        ...provisional,
        caseId: 'case-1',
        hasher,
        cancelled: () => records >= 9000,
        onProgress: (p) => (records = p.records),
      },
    );
    expect(end.status).toBe('cancelled');
    expect(disposed).toBe(true);
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
  });

  it('fails, keeping no record, when the hash cannot be computed: only the failed row naming why', async () => {
    const hasher = (): FileHasher => ({ ...inThreadHasher(), digest: () => Promise.reject(new Error('worker died')) });
    const end = await runImport(db, { file: deployments(), name: 'deployments.jsonl' }, { ...provisional, hasher });
    expect(end).toEqual({ status: 'failed', reason: 'deployments.jsonl: worker died' });
    const rows = await db.sources.toArray();
    expect(rows.map((r) => [r.status, r.staged?.failure])).toEqual([['staging', 'deployments.jsonl: worker died']]);
    expect(await db.recordChunks.count()).toBe(0);
  });

  it('removes a source stored under a provisional id with all its chunks', async () => {
    const end = await runImport(
      db,
      { file: deployments(), name: 'deployments.jsonl' },
      { ...provisional, caseId: 'case-1' },
    );
    if (end.status !== 'imported') throw new Error(JSON.stringify(end));
    expect(await db.recordChunks.count()).toBe(20);
    await removeSource(db, end.source.id);
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
    expect(await db.sourceIssues.count()).toBe(0);
    expect((await db.getCase('case-1'))?.sourceIds).toEqual([]);
  });

  it('discards the chunks of a provisional import that a crash left staging', async () => {
    const token = 'a'.repeat(64);
    const row = { id: token, sha256: '', name: 'big.ndjson', size: 1, detected: 'unknown', importer: '' };
    const rest = { importerVersion: '', importedAt: '2026-01-01T00:00:00Z', counts: {}, rejected: 0, warnings: 0 };
    await beginStaging(db, { ...row, ...rest, storageId: token });
    await db.recordChunks.put({ sourceId: token, kind: 'deployment', seq: 0, rows: [] });
    await discardStaged(db, token);
    expect(await db.sources.count()).toBe(0);
    expect(await db.recordChunks.count()).toBe(0);
  });
});

describe('sources stored before provisional ids', () => {
  it('load and remove by their id when they have no storageId', async () => {
    const { file, name, sha256 } = real(GITHUB_AUDIT);
    const end = await runImport(db, { file, name }, { ...provisional, provisionalFrom: Infinity });
    if (end.status !== 'imported') throw new Error(JSON.stringify(end));
    const chunks = await db.recordChunks.toArray();
    expect(end.source.storageId).toBeUndefined();
    expect(chunks.map((c) => c.sourceId)).toEqual([sha256]);
    // a row as an older version wrote it: no storageId field at all
    const { storageId: _none, ...old } = { ...end.source, storageId: undefined };
    await db.sources.put(old);
    const entries = (await loadRecords(db, [sha256])) as AuditEntry[];
    expect(entries.map((r) => r.provenance.sourceId)).toEqual(Array(98).fill(sha256));
    expect(entries[97]?.id).toBe(`github-audit:${sha256.slice(0, 12)}:L98`);
    await removeSource(db, sha256);
    expect(await db.recordChunks.count()).toBe(0);
  });
});
