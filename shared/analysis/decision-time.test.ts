import { describe, expect, it } from 'vitest';
import { decisionsUntil, decisionTime } from './decision-time';
import { testEvidence } from './test-evidence';

describe('decision times', () => {
  const { decisions } = testEvidence();

  it('is the parsed timestamp', () => {
    for (const d of decisions) expect(decisionTime(d)).toBe(Date.parse(d.timestamp));
  });

  it('cuts the time-sorted log at a moment, inclusive', () => {
    const t = Date.parse('2026-10-05T12:00:00Z');
    expect(decisionsUntil(decisions, t)).toEqual(decisions.filter((d) => Date.parse(d.timestamp) <= t));
    expect(decisionsUntil(decisions, 0)).toEqual([]);
  });
});
