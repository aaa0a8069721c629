/**
 * Identity graph importer: the output of identity resolution, one id joined to a profile per row, in the shapes the
 * tools land in the warehouse (exported as CSV or JSON lines; column names in any case — Snowflake exports them in
 * upper case). Each row becomes an `IdentityLink` (records.ts); the shape is told by the row's columns:
 *
 * - RudderStack Profiles' ID graph view `<ENTITY>_MAIN_ID`: `<entity>_main_id` (`user_main_id`; `main_id` in older
 *   projects) is the profile, `other_id` the member, `other_id_type` its type, `valid_at` when the link holds from
 *   (`first_seen_at` and other columns are kept in `extra`).
 *   https://www.rudderstack.com/docs/profiles/dev-docs/warehouse-output/ (the view and its columns)
 * - Segment Profiles Sync `id_graph_updates` (`segment_id`, `canonical_segment_id`, `triggering_event_type`,
 *   `triggering_event_id`, `timestamp`; also the materialized `id_graph`): a row whose `canonical_segment_id` differs
 *   from its `segment_id` is a merge — profile `canonical_segment_id`, member `segment_id` of type `profile`.
 * - Segment `external_id_mapping_updates` (`segment_id`, `external_id_type`, `external_id_value`, `timestamp`, …; the
 *   materialized `external_id_mapping` names the profile `canonical_segment_id`): profile `segment_id`, member
 *   `external_id_value` of type `external_id_type`.
 * - Segment's materialized `user_identifiers` (`canonical_segment_id`, `type`, `value`, `seq`, `received_at`,
 *   `uuid_ts`, `timestamp`): profile `canonical_segment_id`, member `value` of type `type`. Its `profile_merges`
 *   (`canonical_segment_id`, `segment_id`, …) is read as `id_graph_updates`.
 *   https://segment.com/docs/unify/profiles-sync/tables/ (the tables, their columns and the case study's rows)
 *
 * A row that joins an id to itself — Segment's profile creation (`canonical_segment_id` = `segment_id`), a RudderStack
 * main id listed as its own other id — makes no link: an id no link joins to another is its own profile, so it says
 * nothing more, and a self-link would loop a walk up the chain of merges. None of these tables records an unmerge or
 * an end of validity (no `valid_to`): `validTo` is never set from them.
 *
 * Segment writes `timestamp` in UTC (its docs: "The UTC-converted timestamp"), so a time without an offset is read as
 * UTC without a warning; RudderStack's `valid_at` without an offset is read as UTC with one. A row missing its profile,
 * member or time, or with a time that is not RFC 3339, is rejected naming the column as the file spells it.
 */
import type { IdentityLink, Provenance } from '../model/records';
import { FieldReader } from './field-reader';
import type { MapOutcome, RunOptions } from './record-runner';

/** The shapes of identity graph rows this importer reads. */
export type IdentityGraphShape =
  'rudderstack-id-graph' | 'segment-id-graph' | 'segment-external-ids' | 'segment-user-identifiers';

const MAIN_ID = /^(\w+_)?main_id$/;

/** The columns that tell each shape, lower case (`main_id` stands for any `<entity>_main_id`). */
const SIGNATURES: Readonly<Record<IdentityGraphShape, ReadonlyArray<string>>> = {
  'rudderstack-id-graph': ['main_id', 'other_id', 'other_id_type', 'valid_at'],
  'segment-external-ids': ['segment_id', 'external_id_type', 'external_id_value', 'timestamp'],
  'segment-id-graph': ['segment_id', 'canonical_segment_id', 'timestamp'],
  'segment-user-identifiers': ['canonical_segment_id', 'type', 'value', 'timestamp'],
};

const lowerNames = (columns: Iterable<string>) =>
  new Set([...columns].map((c) => (MAIN_ID.test(c.toLowerCase()) ? 'main_id' : c.toLowerCase())));

/** The shape of a row (or of a table, by its header) from its column names in any case, or undefined. */
export function identityGraphShape(columns: Iterable<string>): IdentityGraphShape | undefined {
  const names = lowerNames(columns);
  const has = (name: string) => names.has(name);
  if (has('main_id') && has('other_id') && has('other_id_type')) return 'rudderstack-id-graph';
  if (has('external_id_value') && has('external_id_type') && (has('segment_id') || has('canonical_segment_id'))) {
    return 'segment-external-ids';
  }
  if (has('segment_id') && has('canonical_segment_id')) return 'segment-id-graph';
  if (has('canonical_segment_id') && has('type') && has('value')) return 'segment-user-identifiers';
  return undefined;
}

/** The shape most of whose columns a row has (a row of a known graph missing one), or undefined when none leads. */
function closestShape(columns: Iterable<string>): IdentityGraphShape | undefined {
  const names = lowerNames(columns);
  if (names.has('canonical_segment_id')) names.add('segment_id');
  const scored = Object.entries(SIGNATURES)
    .map(([shape, signature]) => ({ shape, n: signature.filter((c) => names.has(c)).length }))
    .sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  return best && best.n >= 2 && best.n > (next?.n ?? 0) ? (best.shape as IdentityGraphShape) : undefined;
}

/** True when a JSON record is a row of an identity graph (detect.ts). */
export const isIdentityGraphRow = (o: Readonly<Record<string, unknown>>): boolean =>
  identityGraphShape(Object.keys(o)) !== undefined;

/** How the streaming importer maps one row of an identity graph (JSON lines, a JSON array, or a CSV by its header). */
export const identityGraphMapper: RunOptions<IdentityLink> = {
  importer: 'identity-graph',
  detected: 'identity-graph',
  recordName: 'an identity graph row',
  map: mapIdentityGraphRow,
};

/** Where a row's parts are, by the columns as the file spells them (a column the row lacks, in lower case). */
interface Columns {
  readonly profile: string;
  readonly member: string;
  readonly memberType?: string;
  readonly time: string;
  /** The tool writes its times in UTC: one without an offset is read as UTC without a warning. */
  readonly utc: boolean;
  readonly used: ReadonlySet<string>;
}

/** A shape's columns in lower case: profile, member, member type (none: a merged profile), time; UTC times or not. */
function layoutOf(
  shape: IdentityGraphShape,
  lower: ReadonlyArray<string>,
): readonly [string, string, string | undefined, string, boolean] {
  switch (shape) {
    case 'rudderstack-id-graph':
      return [lower.find((k) => MAIN_ID.test(k)) ?? 'main_id', 'other_id', 'other_id_type', 'valid_at', false];
    case 'segment-id-graph':
      return ['canonical_segment_id', 'segment_id', undefined, 'timestamp', true];
    case 'segment-external-ids': {
      const profile = lower.includes('segment_id') ? 'segment_id' : 'canonical_segment_id';
      return [profile, 'external_id_value', 'external_id_type', 'timestamp', true];
    }
    case 'segment-user-identifiers':
      return ['canonical_segment_id', 'value', 'type', 'timestamp', true];
  }
}

function columnsOf(shape: IdentityGraphShape, keys: ReadonlyArray<string>): Columns {
  const lower = keys.map((k) => k.toLowerCase());
  const spelled = (name: string) => keys[lower.indexOf(name)] ?? name;
  const [profileColumn, memberColumn, typeColumn, timeColumn, utc] = layoutOf(shape, lower);
  const profile = spelled(profileColumn);
  const member = spelled(memberColumn);
  const time = spelled(timeColumn);
  const memberType = typeColumn === undefined ? undefined : spelled(typeColumn);
  const used = new Set([profile, member, time, ...(memberType === undefined ? [] : [memberType])]);
  return { profile, member, ...(memberType !== undefined && { memberType }), time, utc, used };
}

/** The columns of rows by their keys: a file's rows share theirs, so each key list is worked out once. */
const columnsByKeys = new Map<string, Columns | undefined>();

function columnsOfRow(keys: ReadonlyArray<string>): Columns | undefined {
  const id = keys.join('\n');
  if (columnsByKeys.has(id)) return columnsByKeys.get(id);
  const shape = identityGraphShape(keys) ?? closestShape(keys);
  const columns = shape && columnsOf(shape, keys);
  if (columnsByKeys.size >= 256) columnsByKeys.clear();
  columnsByKeys.set(id, columns);
  return columns;
}

/**
 * One row as an identity link. The row's columns tell its shape; a row missing a column of one shape is read as that
 * shape and rejected naming the column. (A CSV row has every column of its header, an empty cell as "".)
 */
export function mapIdentityGraphRow(value: Record<string, unknown>, provenance: Provenance): MapOutcome<IdentityLink> {
  const columns = columnsOfRow(Object.keys(value));
  if (columns === undefined) {
    return { reason: 'not a row of an identity graph (RudderStack ID graph or Segment Profiles Sync table)' };
  }
  const r = new FieldReader(value);
  const profile = r.requiredId(columns.profile);
  const member = r.requiredId(columns.member);
  const memberType = columns.memberType ? r.requiredString(columns.memberType) : 'profile';
  const validFrom = readTime(r, columns.time, columns.utc);
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  if (profile === member) return { accepted: 'self link', warnings: r.warnings };
  const extra = Object.entries(value).filter(([k, v]) => !columns.used.has(k) && v !== '' && v !== null);
  const record: IdentityLink = {
    kind: 'identity-link',
    profile,
    member,
    memberType,
    validFrom,
    ...(extra.length > 0 && { extra: Object.fromEntries(extra) }),
    provenance,
  };
  return { record, warnings: r.warnings };
}

/** A required time; one without an offset is read as UTC, with a warning unless the tool writes UTC. */
function readTime(r: FieldReader, field: string, utc: boolean): string {
  if (r.get(field) === '') {
    r.problems.push(`missing required field "${field}"`);
    return '';
  }
  const warned = r.warnings.length;
  const iso = r.requiredTimestamp(field);
  if (utc) r.warnings.splice(warned);
  return iso;
}
