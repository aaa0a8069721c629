import { describe, expect, it } from 'vitest';
import type { StoredSource } from '../db/lineage-db';
import { describeImportSummary, NOT_IMPORTED_KEPT, summarizeImport } from './import-summary';
import type { ImportEnd } from './worker-protocol';

const source = (name: string, counts: Record<string, number>, warnings = 0, rejected = 0): StoredSource => ({
  id: `sha-${name}`,
  name,
  detected: 'openlineage',
  size: 100,
  sha256: `sha-${name}`,
  importer: 'openlineage-json',
  importerVersion: '1',
  importedAt: '2026-03-01T10:00:00Z',
  counts,
  warnings,
  rejected,
});

const ENDED_AT = '2026-03-01T10:05:00Z';

describe('summarizeImport', () => {
  const files: Array<{ name: string; end: ImportEnd }> = [
    { name: 'a.json', end: { status: 'imported', source: source('a.json', { run: 3, dataset: 2 }, 1, 0) } },
    { name: 'b.jsonl', end: { status: 'imported', source: source('b.jsonl', { deployment: 11 }, 0, 1) } },
    { name: 'c.json', end: { status: 'already-imported', source: source('c.json', { run: 40 }, 9, 9) } },
    { name: 'README.md', end: { status: 'skipped', reason: 'documentation, not evidence' } },
    { name: 'd.json', end: { status: 'failed', reason: 'd.json: line 3: not JSON' } },
    { name: 'e.json', end: { status: 'cancelled' } },
  ];

  it('counts the files by how they ended, and the records of those imported only', () => {
    const summary = summarizeImport(files, ENDED_AT);
    expect(summary).toMatchObject({
      endedAt: ENDED_AT,
      files: 6,
      imported: 2,
      alreadyImported: 1,
      skipped: 1,
      failed: 1,
      cancelled: 1,
      records: 16,
      warnings: 1,
      rejected: 1,
    });
    expect(summary.notImported).toEqual([
      { name: 'README.md', status: 'skipped', reason: 'documentation, not evidence' },
      { name: 'd.json', status: 'failed', reason: 'd.json: line 3: not JSON' },
      { name: 'e.json', status: 'cancelled' },
    ]);
  });

  it('names the first files not kept, and counts them all', () => {
    const skipped = Array.from({ length: NOT_IMPORTED_KEPT + 5 }, (_, i) => ({
      name: `doc-${i}.md`,
      end: { status: 'skipped', reason: 'documentation' } as const,
    }));
    const summary = summarizeImport(skipped, ENDED_AT);
    expect(summary.skipped).toBe(NOT_IMPORTED_KEPT + 5);
    expect(summary.notImported).toHaveLength(NOT_IMPORTED_KEPT);
  });

  it('reads in words: files by outcome, then the records', () => {
    expect(describeImportSummary(summarizeImport(files, ENDED_AT))).toEqual({
      files: '6 files: 2 imported, 1 already imported, 1 skipped (not evidence), 1 failed, 1 cancelled.',
      records: 'Imported 16 records with 1 warning, 1 rejected.',
    });
    const one = summarizeImport([files[3]!], ENDED_AT);
    expect(describeImportSummary(one)).toEqual({ files: '1 file: 0 imported, 1 skipped (not evidence).' });
  });
});
