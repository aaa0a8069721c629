/**
 * Timestamp normalization shared by every importer: RFC 3339 in, ISO 8601 UTC out.
 * A timestamp with an offset keeps its instant; one without is read as UTC (and the caller warns).
 */

export type TimestampResult =
  | { readonly ok: true; readonly iso: string; readonly assumedUtc: boolean }
  | { readonly ok: false; readonly reason: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an RFC 3339 timestamp (also accepting a space for `T`, a missing offset or a date alone)
 * into an ISO string in UTC. Rejects anything else, including numbers and placeholders.
 */
export function parseTimestamp(value: unknown): TimestampResult {
  if (typeof value !== 'string') {
    return { ok: false, reason: `must be an RFC 3339 timestamp string, got ${describeType(value)}` };
  }
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    if (!isCalendarDay(text)) return { ok: false, reason: `"${clip(value)}" is not a valid date` };
    return fromDate(new Date(`${text}T00:00:00Z`), value, true);
  }
  const match = DATE_TIME.exec(text);
  if (!match) return { ok: false, reason: `"${clip(value)}" is not an RFC 3339 timestamp` };
  const [, day = '', time = '', offset] = match;
  if (!isCalendarDay(day)) return { ok: false, reason: `"${clip(value)}" is not a valid date` };
  const seconds = time.length === 5 ? `${time}:00` : time.replace(',', '.');
  const zone = offset ? normalizeOffset(offset) : 'Z';
  return fromDate(new Date(`${day}T${seconds}${zone}`), value, !offset);
}

function fromDate(date: Date, original: string, assumedUtc: boolean): TimestampResult {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return { ok: false, reason: `"${clip(original)}" is not a valid date` };
  return { ok: true, iso: date.toISOString(), assumedUtc };
}

/** True when YYYY-MM-DD names a real day (JavaScript would roll 02-30 over to March). */
function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function normalizeOffset(offset: string): string {
  if (offset === 'Z' || offset === 'z') return 'Z';
  const digits = offset.slice(1).replace(':', '');
  const hours = digits.slice(0, 2);
  const minutes = digits.slice(2, 4) || '00';
  return `${offset[0]}${hours}:${minutes}`;
}

/** A short name of a JSON value's type for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Cuts a string for quoting in a message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
