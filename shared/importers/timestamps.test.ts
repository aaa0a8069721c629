import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamps';

describe('parseTimestamp', () => {
  it('keeps the instant of a timestamp with an offset', () => {
    expect(parseTimestamp('2026-11-20T10:15:00+02:00')).toEqual({
      ok: true,
      iso: '2026-11-20T08:15:00.000Z',
      assumedUtc: false,
    });
    expect(parseTimestamp('2026-11-20 10:15:00.5-0130')).toMatchObject({ iso: '2026-11-20T11:45:00.500Z' });
  });

  it('reads a timestamp without offset, or a date alone, as UTC and says so', () => {
    expect(parseTimestamp('2026-11-20T10:15')).toEqual({ ok: true, iso: '2026-11-20T10:15:00.000Z', assumedUtc: true });
    expect(parseTimestamp('2026-11-20')).toMatchObject({ iso: '2026-11-20T00:00:00.000Z', assumedUtc: true });
  });

  it('rejects numbers, placeholders and impossible dates', () => {
    for (const value of [
      1700000000000,
      '{{ is_datetime(result) }}',
      '1',
      '2026-02-30T00:00:00Z',
      '2026-11-20T25:00:00Z',
    ]) {
      expect(parseTimestamp(value).ok).toBe(false);
    }
  });
});
