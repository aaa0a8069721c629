/**
 * The mapping dialog's preview of a CSV shows the file's first rows whatever ends its lines, mixed ones included:
 * the real NannyML inference log with its lines ended in turn by LF, CRLF and a bare CR.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { previewTable } from './csv-format';

const lines = readFileSync(realFixture('inference/nannyml/nannyml_california_housing_analysis.csv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, 200);
const [header = '', ...rows] = lines;

describe("a CSV's preview", () => {
  it.each([
    ['LF', ['\n']],
    ['CRLF', ['\r\n']],
    ['CR', ['\r']],
    ['CR, LF and CRLF in turn', ['\r', '\n', '\r\n']],
  ])('shows its first five rows, each cell under its header, with lines ended by %s', (_, ends) => {
    const text = lines.map((line, i) => line + (ends[i % ends.length] as string)).join('');
    const preview = previewTable(text);
    expect(preview?.headers).toEqual(header.split(','));
    expect(preview?.rows.map((row) => Object.values(row).join(','))).toEqual(rows.slice(0, 5));
  });
});
