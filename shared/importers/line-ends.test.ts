/**
 * Line ends: LF, CRLF and a bare CR (old Mac files) each end a line, in a CSV and in JSON lines, whatever the size
 * of the pieces the text arrives in; a rejected row or line is named by the line an editor shows it on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { HEAD_SIZE } from './index';
import { NANNYML_MAPPING } from './nannyml-mapping.fixture';
import { startImport, type StartOptions } from './streaming';

/** The real NannyML inference log (a decision log through its saved mapping) and GitHub's audit log (JSON lines). */
const csvLines = lines('inference/nannyml/nannyml_california_housing_analysis.csv');
const auditLines = lines('audit/github_audit/elastic_github_test-audit-json_first_page.ndjson');

function lines(path: string): string[] {
  return readFileSync(realFixture(path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Imports `text` pushed in pieces of `piece` characters, as the app and the CLI push a file's decoded text. */
function importPieces(name: string, text: string, piece: number, options: StartOptions = {}) {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: 'a'.repeat(64), name }, options);
  for (let start = 0; start < text.length; start += piece) job.push(text.slice(start, start + piece));
  const summary = job.end();
  return { ...summary, records: job.take() };
}

/** The smallest piece size from 500 that cuts `text` between a CR and its LF at least once. */
function cuttingCrlf(text: string): number {
  for (let size = 500; size < text.length; size += 1) {
    for (let at = size; at < text.length; at += size) if (text[at - 1] === '\r' && text[at] === '\n') return size;
  }
  throw new Error('no piece size cuts a CRLF');
}

const ENDS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

describe.each(Object.entries(ENDS))('lines ended by %s', (_, end) => {
  it('a CSV: every row imported, a ragged row rejected on its own line', () => {
    const text = csvLines.join(end) + end;
    const piece = end === '\r\n' ? cuttingCrlf(text) : 4096;
    const whole = importPieces('analysis.csv', text, piece, { mapping: NANNYML_MAPPING });
    expect(whole.detected).toBe('decision-log');
    expect(whole.counts).toEqual({ decision: csvLines.length - 1 });
    expect(whole.rejections).toEqual([]);

    const damaged = csvLines.map((line, i) => (i + 1 === 4321 ? `${line},extra` : line));
    const result = importPieces('analysis.csv', damaged.join(end), piece, { mapping: NANNYML_MAPPING });
    expect(result.counts).toEqual({ decision: csvLines.length - 2 });
    expect(result.rejections.map((r) => r.line)).toEqual([4321]);
    expect(result.rejections[0]?.reason).toMatch(/^the row has \d+ fields, the header has \d+$/);
  });

  it('JSON lines: every entry imported, a cut line rejected on its own line', () => {
    const text = auditLines.join(end) + end;
    const piece = end === '\r\n' ? cuttingCrlf(text) : 1000;
    const whole = importPieces('audit.ndjson', text, piece);
    expect(whole.counts).toEqual({ audit: auditLines.length });
    expect(whole.rejections).toEqual([]);

    const damaged = auditLines.map((line, i) => (i + 1 === 57 ? line.slice(0, 40) : line));
    const result = importPieces('audit.ndjson', damaged.join(end), piece);
    expect(result.counts).toEqual({ audit: auditLines.length - 1 });
    expect(result.rejections.map((r) => r.line)).toEqual([57]);
    expect(result.rejections[0]?.reason).toMatch(/^invalid JSON/);
  });
});

describe('lines ended each way in one file', () => {
  it('a CSV: every row imported, a ragged row rejected on its own line', () => {
    const mixed = (lines: ReadonlyArray<string>) =>
      lines.map((line, i) => line + (['\n', '\r\n', '\r'][i % 3] as string)).join('');
    const whole = importPieces('analysis.csv', mixed(csvLines), 4096, { mapping: NANNYML_MAPPING });
    expect(whole.counts).toEqual({ decision: csvLines.length - 1 });
    expect(whole.rejections).toEqual([]);

    const damaged = csvLines.map((line, i) => (i + 1 === 7001 ? `${line},extra` : line));
    const result = importPieces('analysis.csv', mixed(damaged), 4096, { mapping: NANNYML_MAPPING });
    expect(result.counts).toEqual({ decision: csvLines.length - 2 });
    expect(result.rejections.map((r) => r.line)).toEqual([7001]);
  });
});
