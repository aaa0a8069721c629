import { describe, expect, it } from 'vitest';
import { citeEvidence, countOf, formatFigure, weeksSpan } from './format-metric';

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

  it('counts in words, one in the singular and any other number in the plural, never "(s)"', () => {
    expect(countOf(1, 'record')).toBe('1 record');
    expect(countOf(0, 'case')).toBe('0 cases');
    expect(countOf(1293, 'record')).toBe('1,293 records');
    expect(countOf(2, 'audit-log edit')).toBe('2 audit-log edits');
  });

  it('names the period the weeks of a rate cover, by the first and last week', () => {
    const week = (start: string) => ({ start, value: 0, n: 0 });
    const trend = [
      week('2013-10-28T00:00:00.000Z'),
      week('2013-11-04T00:00:00.000Z'),
      week('2024-10-07T00:00:00.000Z'),
    ];
    expect(weeksSpan(trend)).toBe('3 weeks, from that of 2013-10-28 to that of 2024-10-07');
    expect(weeksSpan(trend.slice(0, 1))).toBe('1 week, that of 2013-10-28');
    expect(weeksSpan([])).toBe('no week');
  });
});
