/** Times are epoch milliseconds (UTC) inside the simulation and RFC 3339 strings in the files. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** RFC 3339 with `Z`, or with the given offset from UTC (in minutes) as the local wall-clock time. */
export function iso(ms: number, offsetMinutes = 0, millis = false): string {
  const shifted = new Date(ms + offsetMinutes * MINUTE).toISOString();
  const base = millis ? shifted.slice(0, 23) : shifted.slice(0, 19);
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Git's raw date: seconds since the epoch and the author's zone, as `1700000000 +0100`. */
export function gitDate(ms: number, zone: string): string {
  return `${Math.floor(ms / 1000)} ${zone}`;
}

export function dayStart(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** 0 = Sunday … 6 = Saturday (UTC). */
export function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

export function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
