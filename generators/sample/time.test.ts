import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, formatUtc, formatWithOffset, gitRawDate, localClock, toWorkingTime } from './time';

const monday9utc = Date.UTC(2026, 0, 12, 9, 0, 0);

describe('timestamps', () => {
  it('spells UTC, fixed offsets and Git raw dates', () => {
    expect(formatUtc(monday9utc + 1234)).toBe('2026-01-12T09:00:01Z');
    expect(formatWithOffset(monday9utc, 60)).toBe('2026-01-12T10:00:00+01:00');
    expect(formatWithOffset(monday9utc + 5, -300, true)).toBe('2026-01-12T04:00:00.005-05:00');
    expect(formatWithOffset(monday9utc, 330)).toBe('2026-01-12T14:30:00+05:30');
    expect(gitRawDate(monday9utc, 60)).toBe(`${monday9utc / 1000} +0100`);
    expect(gitRawDate(monday9utc, -300)).toBe(`${monday9utc / 1000} -0500`);
    expect(Date.parse(formatWithOffset(monday9utc, 330))).toBe(monday9utc);
  });
});

describe('toWorkingTime', () => {
  it('keeps a time inside working hours', () => {
    expect(toWorkingTime(monday9utc, 60)).toBe(monday9utc);
  });

  it('moves an early time to 09:00 local the same day', () => {
    const early = Date.UTC(2026, 0, 12, 5, 0, 0);
    expect(localClock(toWorkingTime(early, 60), 60)).toEqual({ weekday: 1, minutes: 9 * 60 });
  });

  it('moves an evening time to the next morning, late minutes after nine', () => {
    const evening = Date.UTC(2026, 0, 12, 19, 0, 0);
    const t = toWorkingTime(evening, 0, 25);
    expect(t).toBe(Date.UTC(2026, 0, 13, 9, 25, 0));
  });

  it('moves a weekend to Monday morning', () => {
    const saturday = Date.UTC(2026, 0, 17, 11, 0, 0);
    const t = toWorkingTime(saturday, 60);
    expect(localClock(t, 60)).toEqual({ weekday: 1, minutes: 9 * 60 });
    expect(t - saturday).toBeGreaterThan(40 * HOUR);
    expect(t % MINUTE).toBe(0);
  });
});
