import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../model/records';
import { affectedDecisionsCsv, affectedSubjectsCsv, csvField } from './csv';
import type { ImpactScope } from './engine-types';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1',
  '\r=1',
];

const decision = (i: number, text: string): Decision => ({
  kind: 'decision',
  decisionId: `d-${i}`,
  timestamp: '2026-01-01T00:00:00Z',
  subjectId: text,
  model: { name: text, version: text },
  environment: text,
  action: text,
  features: [{ name: 'f', value: text, featureVersion: text, datasetVersion: text }],
  provenance: { sourceId: 's', line: i },
});

/** What a spreadsheet would see in each cell: the parsed CSV. */
const cells = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;

describe('CSV exports neutralise formulas (OWASP CSV injection)', () => {
  it('writes no cell of imported text that a spreadsheet would read as a formula', () => {
    const scope = { featureName: 'f', decisions: HOSTILE.map((t, i) => decision(i, t)) } as unknown as ImpactScope;
    for (const csv of [affectedDecisionsCsv(scope), affectedSubjectsCsv(scope)]) {
      const rows = cells(csv).slice(1);
      expect(rows).toHaveLength(HOSTILE.length);
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Nothing is lost: each hostile text is there after its leading quote.
    const decisions = cells(affectedDecisionsCsv(scope)).slice(1);
    expect(decisions.map((row) => row[2])).toEqual(HOSTILE.map((t) => `'${t}`));
  });

  it('keeps numbers and text that only look like numbers as they are', () => {
    expect([-0.5, '-0.5', '+3', '-1e-3', 42, 'plain', '2026-01-01T00:00:00Z'].map(csvField)).toEqual([
      '-0.5',
      '-0.5',
      '+3',
      '-1e-3',
      '42',
      'plain',
      '2026-01-01T00:00:00Z',
    ]);
  });
});
