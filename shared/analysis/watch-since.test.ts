import { describe, expect, it } from 'vitest';
import type { Decision } from '../model/records';
import { countsSince, firstWithOutcome } from './watch-since';

const decision = (id: string, timestamp: string, subjectId: string, action: string, version = '1'): Decision =>
  ({
    decisionId: id,
    timestamp,
    subjectId,
    model: { name: 'm', version },
    action,
    features: [],
  }) as unknown as Decision;

const log = [
  decision('a', '2026-01-01T10:00:00Z', 's1', 'reject'),
  decision('b', '2026-01-02T09:00:00Z', 's1', 'reject'),
  decision('c', '2026-01-02T08:00:00Z', 's2', 'approve'),
  decision('d', '2026-01-03T08:00:00Z', 's3', 'reject', '2'),
];

describe('watch alerts over decisions in memory', () => {
  it('counts the decisions and distinct subjects of the series from the start on', () => {
    expect(countsSince(log, 'm', undefined, '2026-01-02T00:00:00Z')).toEqual({ decisions: 3, subjects: 3 });
    expect(countsSince(log, 'm', '1', '2026-01-02T00:00:00Z')).toEqual({ decisions: 2, subjects: 2 });
  });
  it('finds the earliest decision of the shift with the outcome, not the first in the file', () => {
    expect(firstWithOutcome(log, 'm', undefined, 'reject', '2026-01-02T00:00:00Z')?.decisionId).toBe('b');
    expect(firstWithOutcome(log, 'm', '2', 'reject', '2026-01-02T00:00:00Z')?.decisionId).toBe('d');
    expect(firstWithOutcome(log, 'm', undefined, 'refer', '2026-01-01T00:00:00Z')).toBeUndefined();
  });
});
