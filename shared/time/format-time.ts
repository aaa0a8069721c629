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

/** An RFC 3339 instant inside a sentence: a date, a time and its zone (`Z` or an offset). */
const INSTANT = /\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)/g;

/**
 * A sentence the engine wrote with RFC 3339 instants in it (`No run wrote n:d by 2022-05-09T23:15:00.000Z.`), each
 * instant printed as `formatTime` prints it, so a report's sentences read their times in the report's zone.
 */
export function formatTimesIn(text: string, zone: TimeZoneChoice): string {
  return text.replace(INSTANT, (iso) => formatTime(iso, zone));
}

/** Milliseconds since the epoch of an RFC 3339 time (NaN when unparseable). */
export function toMillis(iso: string): number {
  return Date.parse(iso);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
