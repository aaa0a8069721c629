/**
 * The app imports a Windows-1252 (Latin-1) file as the CLI does: every name decoded, nothing replaced by U+FFFD
 * (electron/sources/latin1-inputs.test.ts is the same file through the CLI's reader).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineageDb } from '../db/lineage-db';
import { loadRecords } from '../db/load-evidence';
import { runImport } from './run-import';

let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`latin1-import-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

const text =
  '{"id":"dep-1","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1","actor":"Zoë Müller"}\n' +
  '{"id":"dep-2","timestamp":"2026-01-02T00:00:00Z","environment":"prod","commit":"abcdef2","actor":"René – “R”"}\n';

/** The bytes Windows-1252 writes for the punctuation the test's names hold (the rest is Latin-1). */
const WINDOWS_1252_PUNCTUATION: Readonly<Record<string, number>> = { '–': 0x96, '“': 0x93, '”': 0x94 };

describe('a Windows-1252 file in the app', () => {
  it('is decoded as Windows-1252: the names as written, nothing rejected', async () => {
    const bytes = Uint8Array.from(text, (c) => WINDOWS_1252_PUNCTUATION[c] ?? c.charCodeAt(0));
    const file = new File([bytes as BlobPart], 'deployments.jsonl');
    const noCancel = { cancelled: () => false, onProgress: () => undefined };
    const end = await runImport(db, { file, name: 'deployments.jsonl' }, noCancel);
    if (end.status !== 'imported') throw new Error(end.status);
    expect(end.source).toMatchObject({ counts: { deployment: 2 }, rejected: 0 });
    const records = await loadRecords(db, [end.source.id]);
    expect(records.map((r) => (r.kind === 'deployment' ? r.actor : r.kind))).toEqual(['Zoë Müller', 'René – “R”']);
  });
});
