/**
 * The app imports a Windows-1252 (Latin-1) file as the CLI does: every name decoded, nothing replaced by U+FFFD, and
 * one warning on the source naming the file and the first line that shows it (electron/sources/latin1-inputs.test.ts
 * is the same through the CLI's reader).
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

const WARNED = /^not UTF-8: read as Windows-1252 \(Latin-1\)/;
const noCancel = { cancelled: () => false, onProgress: () => undefined };
const latin1 = (text: string) => Uint8Array.from(text, (c) => WINDOWS_1252_PUNCTUATION[c] ?? c.charCodeAt(0));

async function imported(bytes: Uint8Array, name = 'deployments.jsonl') {
  const end = await runImport(db, { file: new File([bytes as BlobPart], name), name }, noCancel);
  if (end.status !== 'imported') throw new Error(end.status);
  const issues = await db.sourceIssues.get(end.source.id);
  return { source: end.source, warnings: issues?.warnings ?? [] };
}

const text =
  '{"id":"dep-1","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1","actor":"Zoë Müller"}\n' +
  '{"id":"dep-2","timestamp":"2026-01-02T00:00:00Z","environment":"prod","commit":"abcdef2","actor":"René – “R”"}\n';

/** The bytes Windows-1252 writes for the punctuation the test's names hold (the rest is Latin-1). */
const WINDOWS_1252_PUNCTUATION: Readonly<Record<string, number>> = { '–': 0x96, '“': 0x93, '”': 0x94 };

describe('a Windows-1252 file in the app', () => {
  it('is decoded as Windows-1252: the names as written, nothing rejected', async () => {
    const { source, warnings } = await imported(latin1(text));
    expect(source).toMatchObject({ counts: { deployment: 2 }, rejected: 0, warnings: 1 });
    const records = await loadRecords(db, [source.id]);
    expect(records.map((r) => (r.kind === 'deployment' ? r.actor : r.kind))).toEqual(['Zoë Müller', 'René – “R”']);
    expect(warnings).toEqual([{ sourceName: 'deployments.jsonl', line: 1, message: expect.stringMatching(WARNED) }]);
  });

  it('says so once, on the first line holding such a byte, its lines ended by a bare CR', async () => {
    const lines = text.trim().split('\n');
    const ascii = lines.map((line, i) =>
      line.replace(/"id":"dep-\d"/, `"id":"dep-${i + 3}"`).replace(/"actor":"[^"]*"/, '"actor":"ada"'),
    );
    const { source, warnings } = await imported(latin1([...ascii, ...lines].join('\r') + '\r'));
    expect(source).toMatchObject({ counts: { deployment: 4 }, rejected: 0, warnings: 1 });
    expect(warnings).toEqual([{ sourceName: 'deployments.jsonl', line: 3, message: expect.stringMatching(WARNED) }]);
  });

  it('says nothing of a file in UTF-8', async () => {
    const { source, warnings } = await imported(new TextEncoder().encode(text));
    expect(source).toMatchObject({ counts: { deployment: 2 }, rejected: 0, warnings: 0 });
    expect(warnings).toEqual([]);
  });
});
