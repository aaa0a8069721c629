import { format } from 'date-fns';
import { tz } from '@date-fns/tz';

export type TimeZoneChoice = 'local' | 'UTC';

/**
 * Formats an instant with its zone always visible: `2026-11-20 10:15:00 UTC` or `2026-11-20 11:15:00 +01:00`.
 * Returns the input unchanged when it is not a valid time.
 */
export function formatTime(iso: string, zone: TimeZoneChoice): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (zone === 'UTC') return `${format(date, 'yyyy-MM-dd HH:mm:ss', { in: tz('UTC') })} UTC`;
  return format(date, 'yyyy-MM-dd HH:mm:ss xxx');
}

/** Milliseconds since the epoch of an RFC 3339 time (NaN when unparseable). */
export function toMillis(iso: string): number {
  return Date.parse(iso);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
