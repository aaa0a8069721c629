import { describe, expect, it } from 'vitest';
import { formatBucket, formatTime, zoneLabel } from './time';

describe('formatTime', () => {
  it('shows UTC times with the zone name', () => {
    expect(formatTime('2026-11-20T10:15:00Z', 'UTC')).toBe('2026-11-20 10:15:00 UTC');
  });

  it('converts an offset timestamp to UTC', () => {
    expect(formatTime('2026-11-20T11:15:00+01:00', 'UTC')).toBe('2026-11-20 10:15:00 UTC');
  });

  it('shows local times with their numeric offset', () => {
    expect(formatTime('2026-11-20T10:15:00Z', 'local', 'Europe/Berlin')).toBe('2026-11-20 11:15:00 +01:00');
    expect(formatTime('2026-07-20T10:15:00Z', 'local', 'Europe/Berlin')).toBe('2026-07-20 12:15:00 +02:00');
    expect(formatTime('2026-11-20T10:15:00Z', 'local', 'America/New_York')).toBe('2026-11-20 05:15:00 -05:00');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatTime('yesterday', 'UTC')).toBe('yesterday');
  });
});

describe('formatBucket and zoneLabel', () => {
  it('labels hour and day buckets in the chosen zone', () => {
    expect(formatBucket('2026-11-20T23:00:00Z', 'hour', 'UTC')).toBe('11-20 23:00');
    expect(formatBucket('2026-11-20T23:00:00Z', 'day', 'local', 'Asia/Tokyo')).toBe('2026-11-21');
  });

  it('names the zone', () => {
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(zoneLabel('local', 'Asia/Tokyo')).toBe('Asia/Tokyo (+09:00)');
  });
});
