import { describe, expect, it } from 'vitest';
import { formatTime } from './format-time';

describe('formatTime', () => {
  it('shows UTC with its zone name', () => {
    expect(formatTime('2026-11-20T10:15:00+01:00', 'UTC')).toBe('2026-11-20 09:15:00 UTC');
  });
  it('shows local time with its offset', () => {
    const out = formatTime('2026-11-20T10:15:00Z', 'local');
    expect(out).toMatch(/^2026-11-2\d \d\d:\d\d:00 [+-]\d\d:\d\d$/);
  });
  it('leaves an unparseable value as it is', () => {
    expect(formatTime('yesterday', 'UTC')).toBe('yesterday');
  });
});
