/**
 * Helpers shared by the audit-log importers of other producers (CloudTrail, GCP, GitHub): a stable id for an
 * entry that carries none, and epoch-millisecond timestamps.
 */
import { idFromProvenance } from '../model/place-ids';
import type { Provenance } from '../model/records';
import type { FieldReader } from './field-reader';

/** The record's own id at `path`, or one made from the provenance with a warning. */
export function idOrFallback(r: FieldReader, path: string, prefix: string, provenance: Provenance): string {
  const id = r.optionalString(path);
  if (id !== undefined && id !== '') return id;
  const made = idFromProvenance(prefix, provenance);
  r.warnings.push(`no "${path}"; the entry is named ${made} (file and place)`);
  return made;
}

/** A required time as RFC 3339 text or epoch milliseconds (GitHub audit logs use both). */
export function requiredTime(r: FieldReader, ...paths: string[]): string {
  const path = paths.find((p) => r.get(p) !== undefined && r.get(p) !== null) ?? paths[0] ?? '';
  const v = r.get(path);
  if (typeof v === 'number' && Number.isFinite(v)) {
    const ms = v < 1e11 ? v * 1000 : v;
    const date = new Date(ms);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return r.requiredTimestamp(path);
}

/** The first of `paths` holding a non-empty string. */
export function firstString(r: FieldReader, paths: ReadonlyArray<string>): string | undefined {
  for (const path of paths) {
    const v = r.get(path);
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}
