import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from './index';
import { NANNYML_MAPPING } from './nannyml-mapping.fixture';

/** The real NannyML inference log (8,232 rows), read as a decision log through its saved mapping. */
const csv = readFileSync(realFixture('inference/nannyml/nannyml_california_housing_analysis.csv'), 'utf8');
const rows = csv.split('\n').filter((line) => line.trim() !== '').length - 1;
const read = (text: string, name = 'analysis.csv', mapping: typeof NANNYML_MAPPING | null = NANNYML_MAPPING) =>
  importInput({ name, sha256: 'a'.repeat(64), size: text.length, text }, mapping ? { mapping } : {});
const binary = /^unrecognized input: it looks like binary data, not text/;

/** The file with `character` written into a field of the given 1-based lines. */
function damaged(lines: ReadonlyArray<number>, character: string): string {
  const all = csv.split('\n');
  for (const line of lines) all[line - 1] = (all[line - 1] ?? '').replace(',', `,${character}`);
  return all.join('\n');
}

describe('a CSV with a NUL or another control character in a row', () => {
  it('is still read as the CSV it is: that row is rejected with its line, every other row imported', () => {
    expect(read(csv).counts).toEqual({ decision: rows }); // the file as published
    const result = read(damaged([4], '\u0000'));
    expect(result.detected).toBe('decision-log');
    expect(result.counts).toEqual({ decision: rows - 1 });
    expect(result.rejections).toEqual([
      expect.objectContaining({ line: 4, reason: 'a control character (U+0000) in the row, not text: not read' }),
    ]);
  });

  it('names each damaged row, whatever the control character, far into the file', () => {
    const result = read(damaged([3, 5000], '\u0007'));
    expect(result.counts).toEqual({ decision: rows - 2 });
    expect(result.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'a control character (U+0007) in the row, not text: not read'],
      [5000, 'a control character (U+0007) in the row, not text: not read'],
    ]);
  });

  it('is binary data when its header holds one, or when the file is binary (the log compressed)', () => {
    const header = read(damaged([1], '\u0000'), 'analysis.csv', null);
    expect(header.counts).toEqual({});
    expect(header.rejections[0]?.reason).toMatch(binary);
    const compressed = read(deflateRawSync(Buffer.from(csv)).toString('latin1'), 'analysis.csv', null);
    expect(compressed.counts).toEqual({});
    expect(compressed.rejections[0]?.reason).toMatch(binary);
  });
});
