import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineageDb } from '../db/lineage-db';
import { runImport } from './run-import';

const noCancel = { cancelled: () => false, onProgress: () => undefined };
let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`bad-input-import-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

const deployment = (i: number, actor = 'ada') =>
  `{"id":"dep-${i}","timestamp":"2026-01-0${i}T00:00:00Z","environment":"prod","commit":"abcdef${i}","actor":"${actor}"}`;

async function imported(bytes: Uint8Array, name = 'deployments.jsonl') {
  const end = await runImport(db, { file: new File([bytes as BlobPart], name), name }, noCancel);
  expect(end.status).toBe('imported');
  if (end.status !== 'imported') throw new Error(end.status);
  const issues = await db.sourceIssues.get(end.source.id);
  return { source: end.source, issues };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

describe('the app reads bad input as the CLI does', () => {
  it('warns of invalid UTF-8 with its line and keeps the record', async () => {
    const bytes = concat(
      utf8(`${deployment(1)}\n${deployment(2, 'b')}`.slice(0, -3)),
      Uint8Array.of(0xff),
      utf8('"}\n'),
    );
    const { source, issues } = await imported(bytes);
    expect(source).toMatchObject({ counts: { deployment: 2 }, warnings: 1, rejected: 0 });
    expect(issues?.warnings).toEqual([
      {
        sourceName: 'deployments.jsonl',
        line: 2,
        message: 'invalid UTF-8: 1 byte sequence replaced with U+FFFD (line 2)',
      },
    ]);
  });

  it('reads a file in UTF-16 with its byte order mark', async () => {
    const text = `${deployment(1, 'Zoë')}\n${deployment(2)}\n`;
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const { source } = await imported(le);
    expect(source).toMatchObject({ detected: 'deployments', counts: { deployment: 2 }, warnings: 0, rejected: 0 });
  });

  it('rejects a line holding a NUL byte, or nested too deep, with its number, and imports the rest', async () => {
    const lines = [
      deployment(1),
      deployment(2, 'a\0b'),
      deployment(3).replace('}', `,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      deployment(4),
    ];
    const { source, issues } = await imported(utf8(lines.join('\n')));
    expect(source).toMatchObject({ detected: 'deployments', counts: { deployment: 2 }, rejected: 2 });
    expect(issues?.rejections.map((r) => [r.line, r.reason.slice(0, 20)])).toEqual([
      [2, 'invalid JSON: Bad co'],
      [3, 'nested deeper than 2'],
    ]);
  });
});
