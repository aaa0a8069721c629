import { describe, expect, it } from 'vitest';
import { utcMillis } from './utc-millis';

/** A seeded generator (mulberry32): the same times every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('an RFC 3339 time in epoch milliseconds', () => {
  it('is what Date.parse gives, for 20,000 times of the usual form across four centuries', () => {
    const next = random(7);
    const pick = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
    for (let i = 0; i < 20_000; i++) {
      const day = `${pad(pick(1800, 2200), 4)}-${pad(pick(1, 12), 2)}-${pad(pick(1, 31), 2)}`;
      const time = `${pad(pick(0, 23), 2)}:${pad(pick(0, 59), 2)}:${pad(pick(0, 59), 2)}`;
      for (const text of [`${day}T${time}Z`, `${day}T${time}.${pad(pick(0, 999), 3)}Z`])
        expect(utcMillis(text), text).toBe(Date.parse(text));
    }
  });

  it('is what Date.parse gives for the other forms and the edges, NaN where it is not a time', () => {
    const texts = [
      '2026-03-04T09:30:00Z',
      '2026-03-04T09:30:00.5Z',
      '2026-03-04T09:30:00.123456Z',
      '2026-03-04T11:30:00+02:00',
      '2026-03-04T09:30:00.000-05:00',
      '2026-03-04 09:30:00Z',
      '2026-03-04t09:30:00z',
      '2026-03-04',
      '2024-02-29T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:59:60Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '0099-01-01T00:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '2026-0a-04T09:30:00Z',
      '2026-03-04T09:30:00.12aZ',
      'not a time at all, 24 c',
      '',
    ];
    for (const text of texts) expect(utcMillis(text), text).toBe(Date.parse(text));
    expect(utcMillis('2026-03-04T09:30:00.250Z')).toBe(Date.UTC(2026, 2, 4, 9, 30, 0, 250));
    expect(utcMillis('not a time at all, 24 c')).toBeNaN();
  });
});
