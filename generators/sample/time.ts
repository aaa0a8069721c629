/** Time arithmetic and the timestamp spellings the sample's sources use (all in epoch milliseconds). */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetSuffix(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** `2026-01-12T09:15:00Z` (whole seconds, UTC), as GitHub and the app's JSONL formats write times. */
export function formatUtc(ms: number): string {
  return new Date(Math.floor(ms / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 in a fixed offset: `2026-01-12T10:15:00.123+01:00` (milliseconds optional). */
export function formatWithOffset(ms: number, offsetMinutes: number, millis = false): string {
  const local = new Date(Math.floor(ms) + offsetMinutes * MINUTE).toISOString();
  const body = millis ? local.slice(0, 23) : local.slice(0, 19);
  return `${body}${offsetSuffix(offsetMinutes, true)}`;
}

/** Git's raw date: `<epoch seconds> +0100`. */
export function gitRawDate(ms: number, offsetMinutes: number): string {
  return `${Math.floor(ms / SECOND)} ${offsetSuffix(offsetMinutes, false)}`;
}

/** Day of week (0 = Sunday) and minutes since local midnight, in a fixed offset. */
export function localClock(ms: number, offsetMinutes: number): { readonly weekday: number; readonly minutes: number } {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return { weekday: d.getUTCDay(), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

const WORK_START = 9 * 60;
const WORK_END = 18 * 60 + 30;

/**
 * The first moment at or after `ms` that falls inside working hours (09:00–18:30, Monday to Friday)
 * in the given offset; times outside move to the next working morning, `lateMinutes` after 09:00.
 */
export function toWorkingTime(ms: number, offsetMinutes: number, lateMinutes = 0): number {
  let t = ms;
  for (let guard = 0; guard < 10; guard++) {
    const { weekday, minutes } = localClock(t, offsetMinutes);
    const weekend = weekday === 0 || weekday === 6;
    if (!weekend && minutes >= WORK_START && minutes < WORK_END) return t;
    const shifted = t + offsetMinutes * MINUTE;
    const midnight = t - (((shifted % DAY) + DAY) % DAY);
    if (!weekend && minutes < WORK_START) return midnight + (WORK_START + lateMinutes) * MINUTE;
    t = midnight + DAY;
  }
  return t;
}

/** True on Saturday and Sunday (UTC). */
export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}
