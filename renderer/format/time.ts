/**
 * The one place times are turned into text. Every time the app shows carries its zone:
 * `2026-11-20 10:15:00 UTC` or `2026-11-20 11:15:00 +01:00`.
 */
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';

export type TimeZoneSetting = 'local' | 'UTC';

let machineZone: string | undefined;

/**
 * The IANA name of the machine's zone (falls back to UTC where the runtime does not know it). Read once: asking
 * Intl for it builds a formatter each time, which cost seconds when a list of a few hundred sources re-rendered.
 */
export function localZoneName(): string {
  if (machineZone === undefined) {
    try {
      machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      machineZone = 'UTC';
    }
  }
  return machineZone;
}

function zoneOf(setting: TimeZoneSetting, localZone?: string): string {
  return setting === 'UTC' ? 'UTC' : (localZone ?? localZoneName());
}

const zones = new Map<string, ReturnType<typeof tz>>();

/** The date-fns zone context for `zone`, made once per zone. */
function inZone(zone: string): ReturnType<typeof tz> {
  let context = zones.get(zone);
  if (!context) {
    context = tz(zone);
    zones.set(zone, context);
  }
  return context;
}

function toDate(value: string | number | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Formats an instant as `yyyy-MM-dd HH:mm:ss` followed by its zone: `UTC`, or the numeric offset for local time.
 * Unparseable input is returned unchanged so evidence is never hidden.
 */
export function formatTime(value: string | number | Date, setting: TimeZoneSetting, localZone?: string): string {
  const date = toDate(value);
  if (!date) return String(value);
  const zone = zoneOf(setting, localZone);
  const text = format(date, 'yyyy-MM-dd HH:mm:ss', { in: inZone(zone) });
  return `${text} ${setting === 'UTC' ? 'UTC' : format(date, 'xxx', { in: inZone(zone) })}`;
}

/** A shorter form for axis labels: `MM-dd HH:mm` (hour buckets) or `yyyy-MM-dd` (day buckets), with the zone. */
export function formatBucket(
  value: string,
  bucket: 'hour' | 'day',
  setting: TimeZoneSetting,
  localZone?: string,
): string {
  const date = toDate(value);
  if (!date) return value;
  const zone = zoneOf(setting, localZone);
  return format(date, bucket === 'hour' ? 'MM-dd HH:mm' : 'yyyy-MM-dd', { in: inZone(zone) });
}

/** The zone label shown beside axis titles and headers: `UTC` or e.g. `Europe/Berlin (+01:00)`. */
export function zoneLabel(setting: TimeZoneSetting, localZone?: string, at: Date = new Date()): string {
  if (setting === 'UTC') return 'UTC';
  const zone = zoneOf(setting, localZone);
  return `${zone} (${format(at, 'xxx', { in: inZone(zone) })})`;
}
