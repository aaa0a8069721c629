/**
 * Invalid UTF-8 is warned of on the line an editor shows it on, whatever ends the lines (LF, CRLF, a bare CR) and
 * wherever the decoded text is cut into pieces: the real GitHub audit log (JSON lines) with one byte FF written into
 * an actor's name, decoded as the app and the CLI decode it (U+FFFD for the byte), the entry kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { HEAD_SIZE, startImport } from './streaming';

const lines = readFileSync(realFixture('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

/** The log's bytes with lines ended by `end` and a byte FF inside the first string of line `damaged`. */
function damagedBytes(end: string, damaged: number): Uint8Array {
  const utf8 = new TextEncoder();
  const parts = lines.map((line, i) => {
    const bytes = utf8.encode(line + end);
    if (i + 1 !== damaged) return bytes;
    const at = line.indexOf('":"') + 3;
    return Uint8Array.from([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)]);
  });
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function importPieces(text: string, piece: number) {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: 'a'.repeat(64), name: 'audit.ndjson' });
  for (let start = 0; start < text.length; start += piece) job.push(text.slice(start, start + piece));
  return job.end();
}

describe.each([
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
])('invalid UTF-8 in a file whose lines end with %s', (_, end) => {
  it.each([1000, 97, 2])('is warned of on its own line, the text pushed in pieces of %i', (piece) => {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(damagedBytes(end, 61));
    const summary = importPieces(text, piece);
    expect(summary.counts).toEqual({ audit: lines.length });
    expect(summary.rejectedCount).toBe(0);
    expect(summary.warnings.filter((w) => w.message.startsWith('invalid UTF-8'))).toEqual([
      {
        sourceName: 'audit.ndjson',
        line: 61,
        message: 'invalid UTF-8: 1 byte sequence replaced with U+FFFD (line 61)',
      },
    ]);
  });
});
