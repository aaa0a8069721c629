/**
 * A saved column mapping (the way Timesketch maps CSV headers): CSV rows, or JSON lines whose field names the
 * detector does not know, are imported as `kind`, each app field read from the source field the user picked.
 * Dotted app fields (`model.name`, `target.id`) build nested objects; unmapped source fields are kept as received.
 * The rewritten record then goes through the kind's own validator, as a record of the app's format would.
 */
import { isObject } from './json-input';

/** The kinds a mapping can import into (the app's own JSONL formats, and OpenLineage/pull requests). */
export const MAPPABLE_KINDS = ['decision-log', 'deployments', 'audit-log', 'enforcement-log'] as const;
export type MappableKind = (typeof MAPPABLE_KINDS)[number];

/** How the source writes its times: RFC 3339 text (the default), or seconds / milliseconds since 1970. */
export type TimeFormat = 'rfc3339' | 'epoch-seconds' | 'epoch-milliseconds';

/** The prefix of app fields that apply to every feature of a decision (`features[].dataset_version`). */
export const EACH_FEATURE = 'features[].';

export interface ImportMapping {
  readonly kind: MappableKind;
  /** App field (e.g. `decision_id`, `model.name`) → source field (a top-level key, or a dotted path). */
  readonly fields: Readonly<Record<string, string>>;
  /** Decision logs: source columns read as the decision's features, each `{ name: column, value: cell }`. */
  readonly features?: ReadonlyArray<string>;
  /** App field → a fixed value, for a field the input does not have (e.g. the model's name). */
  readonly constants?: Readonly<Record<string, string>>;
  /** How `timestamp` is written; RFC 3339 when absent. */
  readonly timeFormat?: TimeFormat;
  /** The UTC offset (`Z`, `+02:00`) of times written without one; absent: read as UTC with a warning each. */
  readonly timeOffset?: string;
}

/** The record rewritten with the app's field names. */
export function applyMapping(
  value: Readonly<Record<string, unknown>>,
  mapping: ImportMapping,
): Record<string, unknown> {
  const fieldEntries = Object.entries(mapping.fields);
  const used = new Set([...fieldEntries.map(([, source]) => source), ...(mapping.features ?? [])]);
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(value).filter(([k]) => !used.has(k)));
  const perFeature: Array<readonly [string, unknown]> = [];
  const set = (appField: string, v: unknown) => {
    if (appField.startsWith(EACH_FEATURE)) perFeature.push([appField.slice(EACH_FEATURE.length), v]);
    else write(out, appField, appField === 'timestamp' ? timeOf(v, mapping) : v);
  };
  for (const [appField, v] of Object.entries(mapping.constants ?? {})) set(appField, v);
  for (const [appField, sourceField] of fieldEntries) {
    const v = read(value, sourceField);
    if (v !== undefined) set(appField, v);
  }
  if (mapping.features) {
    out.features = mapping.features.map((column) => {
      const feature: Record<string, unknown> = { name: column, value: read(value, column) ?? null };
      for (const [key, v] of perFeature) write(feature, key, v);
      return feature;
    });
  }
  return out;
}

/** A time rewritten as RFC 3339 by the mapping's hints; anything unreadable is left for the validator to name. */
function timeOf(v: unknown, mapping: ImportMapping): unknown {
  const epoch = mapping.timeFormat === 'epoch-seconds' ? 1000 : mapping.timeFormat === 'epoch-milliseconds' ? 1 : 0;
  if (epoch > 0) {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    const date = typeof n === 'number' && Number.isFinite(n) ? new Date(n * epoch) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString() : v;
  }
  if (mapping.timeOffset === undefined || typeof v !== 'string') return v;
  const text = v.trim();
  const hasTime = /\d{2}:\d{2}/.test(text);
  const hasOffset = /(Z|z|[+-]\d{2}(:?\d{2})?)$/.test(text) && hasTime;
  return hasTime && !hasOffset ? `${text}${mapping.timeOffset}` : v;
}

function read(value: Readonly<Record<string, unknown>>, path: string): unknown {
  if (path in value) return value[path];
  let current: unknown = value;
  for (const key of path.split('.')) current = isObject(current) ? current[key] : undefined;
  return current;
}

function write(target: Record<string, unknown>, path: string, v: unknown): void {
  const keys = path.split('.');
  let current = target;
  keys.slice(0, -1).forEach((key) => {
    if (!isObject(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  });
  current[keys[keys.length - 1] ?? path] = v;
}
