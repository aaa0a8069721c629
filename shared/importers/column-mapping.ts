/**
 * Column mappings: suggested from a file's headers by name similarity, checked against the target kind's required
 * fields, read from a saved JSON file, and described in one line for the Sources screen. Records made through a
 * mapping go through the kind's own validator (mapping.ts), so a rejection still names the file, line and field.
 */
import { z } from 'zod';
import { MAPPING_TARGETS, targetOf, type MappingTarget } from './column-mapping-targets';
import { EACH_FEATURE, MAPPABLE_KINDS, type ImportMapping, type MappableKind } from './mapping';

export type { ImportMapping, MappableKind } from './mapping';
export { MAPPING_TARGETS, targetOf } from './column-mapping-targets';

/** Whole-value fields a JSON-lines mapping may also fill (a CSV cell cannot hold them). */
const WHOLE_FIELDS: Readonly<Record<MappableKind, ReadonlyArray<string>>> = {
  'decision-log': ['features', 'output'],
  deployments: [],
  'audit-log': ['target', 'before', 'after'],
  'enforcement-log': ['violations'],
};
/** The least header score a suggested mapping takes a column at (headerScore). */
export const THRESHOLD = 0.72;
/** Columns that hold the truth learned later, not an input of the decision. */
const NOT_A_FEATURE = /(target|groundtruth|actual|truth)$/;

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function bigrams(text: string): string[] {
  return Array.from({ length: Math.max(text.length - 1, 0) }, (_, i) => text.slice(i, i + 2));
}

/** Dice similarity of two normalized names' letter pairs (1 = same). */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const rest = [...y];
  let shared = 0;
  for (const pair of x) {
    const at = rest.indexOf(pair);
    if (at !== -1) {
      shared += 1;
      rest.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** How well a header names an app field: 1 for its own name, 0.95 for a known alias, else similarity × 0.8. */
export function headerScore(header: string, field: MappingTarget['fields'][number]): number {
  const h = normalize(header);
  if (h === '') return 0;
  const own = normalize(field.field.replace(EACH_FEATURE, ''));
  if (h === own) return 1;
  if (field.aliases.includes(h)) return 0.95;
  return Math.max(...[own, ...field.aliases].map((alias) => dice(h, alias))) * 0.8;
}

/** A suggested mapping of `headers` into `kind` (or the kind whose required fields the headers cover best). */
export function suggestMapping(
  headers: ReadonlyArray<string>,
  kind?: MappableKind,
  sample: ReadonlyArray<Readonly<Record<string, unknown>>> = [],
): ImportMapping {
  if (kind === undefined) {
    const ranked = MAPPING_TARGETS.map((t) => ({ kind: t.kind, cover: coverage(headers, t) }));
    kind = ranked.reduce((best, next) => (next.cover > best.cover ? next : best)).kind;
  }
  const target = targetOf(kind);
  const fields = assign(headers, target);
  const used = new Set(Object.values(fields));
  const features = target.hasFeatures
    ? headers.filter((h) => !used.has(h) && h.trim() !== '' && !NOT_A_FEATURE.test(normalize(h)))
    : undefined;
  const timeColumn = fields.timestamp;
  const times = timeColumn === undefined ? [] : sample.map((row) => row[timeColumn]).filter((v) => v !== '');
  const numeric = times.length > 0 && times.every((v) => v !== undefined && /^\d+(\.\d+)?$/.test(String(v)));
  const timeFormat = numeric ? (Number(times[0]) < 1e11 ? 'epoch-seconds' : 'epoch-milliseconds') : undefined;
  return { kind, fields, ...(features && { features }), ...(timeFormat && { timeFormat }) };
}

function coverage(headers: ReadonlyArray<string>, target: MappingTarget): number {
  const fields = assign(headers, target);
  const required = target.fields.filter((f) => f.required);
  return required.filter((f) => fields[f.field] !== undefined).length / required.length;
}

/** Greedy assignment: the best-scoring (field, header) pairs first, each field and header used once. */
function assign(headers: ReadonlyArray<string>, target: MappingTarget): Record<string, string> {
  const pairs = target.fields.flatMap((field) =>
    headers.map((header) => ({ field: field.field, header, score: headerScore(header, field) })),
  );
  pairs.sort((a, b) => b.score - a.score);
  const fields: Record<string, string> = {};
  const taken = new Set<string>();
  for (const { field, header, score } of pairs) {
    if (score < THRESHOLD || fields[field] !== undefined || taken.has(header)) continue;
    fields[field] = header;
    taken.add(header);
  }
  return fields;
}

/** What keeps a mapping from importing: required fields without a column or value, unknown fields or columns. */
export function checkMapping(mapping: ImportMapping, headers?: ReadonlyArray<string>): string[] {
  const target = targetOf(mapping.kind);
  const known = new Set([...target.fields.map((f) => f.field), ...WHOLE_FIELDS[mapping.kind]]);
  const filled = (field: string) =>
    mapping.fields[field] !== undefined || (mapping.constants?.[field] ?? '').trim() !== '';
  const problems = target.fields
    .filter((f) => f.required && !filled(f.field) && !(f.field === 'features' && mapping.features))
    .map((f) => `${f.label} ("${f.field}") needs a column or a fixed value`);
  for (const field of [...Object.keys(mapping.fields), ...Object.keys(mapping.constants ?? {})]) {
    if (!known.has(field)) problems.push(`"${field}" is not a field of a ${target.recordName}`);
  }
  if (mapping.features && !target.hasFeatures) problems.push(`a ${target.recordName} has no features`);
  if (headers) {
    const columns = [...Object.values(mapping.fields), ...(mapping.features ?? [])];
    for (const column of columns) if (!headers.includes(column)) problems.push(`no column "${column}" in the file`);
  }
  return problems;
}

/** "decision ← id, timestamp, y_pred; features ← MedInc, HouseAge, … (8)" for the Sources screen. */
export function describeMapping(mapping: ImportMapping): string {
  const target = targetOf(mapping.kind);
  const order = target.fields.map((f) => f.field);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = Object.entries(mapping.fields).sort(([a], [b]) => rank(a) - rank(b));
  const columns = [...new Set(fields.map(([, column]) => column))].join(', ');
  const features = mapping.features ?? [];
  const shown = features.slice(0, 4).join(', ') + (features.length > 4 ? `, … (${features.length})` : '');
  return `${target.recordName} ← ${columns || 'no columns'}${features.length ? `; features ← ${shown}` : ''}`;
}

/** A validator's reason with each app field it names followed by the column (or fixed value) it came from. */
export function explainReason(reason: string, mapping: ImportMapping): string {
  let out = reason;
  for (const [field, column] of Object.entries(mapping.fields)) {
    out = out.split(`"${field}"`).join(`"${field}" (column "${column}")`);
  }
  for (const field of Object.keys(mapping.constants ?? {})) {
    out = out.split(`"${field}"`).join(`"${field}" (fixed value)`);
  }
  return out;
}

const MappingSchema = z
  .object({
    kind: z.enum(MAPPABLE_KINDS),
    fields: z.record(z.string(), z.string().min(1)),
    features: z.array(z.string().min(1)).optional(),
    constants: z.record(z.string(), z.string()).optional(),
    timeFormat: z.enum(['rfc3339', 'epoch-seconds', 'epoch-milliseconds']).optional(),
    timeOffset: z
      .string()
      .regex(/^(Z|[+-]\d{2}:\d{2})$/, 'a UTC offset such as Z or +02:00')
      .optional(),
  })
  .strict();

/** A mapping saved as JSON (the CLI's `--mapping FILE`), or why it is not one. */
export function readMappingJson(
  text: string,
): { readonly ok: true; readonly mapping: ImportMapping } | { readonly ok: false; readonly reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = MappingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'the mapping'}: ${issue?.message ?? 'invalid'}` };
  }
  const problems = checkMapping(parsed.data);
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, mapping: parsed.data };
}
