/**
 * A saved column mapping (the way Timesketch maps CSV headers): JSON lines whose field names the detector does
 * not know are imported as `kind`, each app field read from the source field the user picked. Dotted app
 * fields (`model.name`, `target.id`) build nested objects; unmapped source fields are kept as received.
 */
import { isObject } from './json-input';

/** The kinds a mapping can import into (the app's own JSONL formats, and OpenLineage/pull requests). */
export const MAPPABLE_KINDS = ['decision-log', 'deployments', 'audit-log', 'enforcement-log'] as const;
export type MappableKind = (typeof MAPPABLE_KINDS)[number];

export interface ImportMapping {
  readonly kind: MappableKind;
  /** App field (e.g. `decision_id`, `model.name`) → source field (a top-level key, or a dotted path). */
  readonly fields: Readonly<Record<string, string>>;
}

/** The record rewritten with the app's field names. */
export function applyMapping(
  value: Readonly<Record<string, unknown>>,
  mapping: ImportMapping,
): Record<string, unknown> {
  const used = new Set(Object.values(mapping.fields));
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(value).filter(([k]) => !used.has(k)));
  for (const [appField, sourceField] of Object.entries(mapping.fields)) {
    const v = read(value, sourceField);
    if (v !== undefined) write(out, appField, v);
  }
  return out;
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
