import { describe, expect, it } from 'vitest';
import { citeEvidence, formatFigure } from './format-metric';

describe('how the dashboard writes figures and evidence', () => {
  it('writes shares as percentages, hours and weekly rates with their unit, and nothing measured as n/a', () => {
    expect(formatFigure(0.97531, 'share')).toBe('97.5%');
    expect(formatFigure(1, 'share')).toBe('100.0%');
    expect(formatFigure(56.6, 'hours')).toBe('56.6 h');
    expect(formatFigure(1.125, 'changes per week')).toBe('1.125 per week');
    expect(formatFigure(null, 'hours')).toBe('n/a');
  });

  it('cites a record by its file name and line, or JSON pointer, and names an unknown source by its hash', () => {
    const names = { abc: 'audit-log.jsonl' };
    expect(citeEvidence({ sourceId: 'abc', line: 12 }, names)).toBe('audit-log.jsonl:12');
    expect(citeEvidence({ sourceId: 'abc', pointer: '/3' }, names)).toBe('audit-log.jsonl#/3');
    expect(citeEvidence({ sourceId: '0123456789abcdef', line: 1 }, names)).toBe('source 0123456789ab:1');
    expect(citeEvidence(undefined, names)).toBe('');
  });
});
