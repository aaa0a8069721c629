/**
 * A decision log kept as a table (Parquet, a warehouse table): which column holds each field of a decision, read from
 * the same column mapping a CSV is imported through (column-mapping.ts). Queries over the table name these columns;
 * a field the mapping fills with a fixed value is that value in every row.
 */
import { checkMapping, describeMapping } from '../importers/column-mapping';
import { EACH_FEATURE, type ImportMapping, type TimeFormat } from '../importers/mapping';

/** Where one field of a decision comes from: a column of the table, or a fixed value of the mapping. */
export type FieldSource = { readonly column: string } | { readonly constant: string };

export interface DecisionTable {
  readonly mapping: ImportMapping;
  readonly decisionId: FieldSource;
  readonly timestamp: FieldSource;
  readonly timeFormat?: TimeFormat;
  readonly modelName: FieldSource;
  readonly modelVersion?: FieldSource;
  readonly subject?: FieldSource;
  readonly action?: FieldSource;
  readonly label?: FieldSource;
  readonly featureVersion?: FieldSource;
  readonly datasetVersion?: FieldSource;
  /** The columns read as the decision's features (each decision has every one). */
  readonly features: ReadonlyArray<string>;
}

/** Where `mapping` reads an app field from: a column, a fixed value, or nowhere. */
export function fieldSourceOf(mapping: ImportMapping, field: string): FieldSource | undefined {
  const column = mapping.fields[field];
  if (column !== undefined) return { column };
  const constant = mapping.constants?.[field];
  return constant !== undefined && constant.trim() !== '' ? { constant } : undefined;
}

/**
 * The table's decision fields through `mapping`, or what keeps the mapping from reading this table: required fields
 * without a column, columns the table does not have (named with the table's columns), fields that are not flat.
 */
export function decisionTable(
  mapping: ImportMapping,
  columns: ReadonlyArray<string>,
): { readonly ok: true; readonly table: DecisionTable } | { readonly ok: false; readonly reason: string } {
  if (mapping.kind !== 'decision-log')
    return { ok: false, reason: `the mapping imports ${mapping.kind}, not a decision log` };
  const problems = checkMapping(mapping, columns);
  if (problems.length > 0)
    return { ok: false, reason: `${problems.join('; ')} (its columns: ${columns.join(', ') || 'none'})` };
  const source = (field: string) => fieldSourceOf(mapping, field);
  const required = (field: string) => source(field) as FieldSource;
  const optional = (key: string, field: string) => {
    const s = source(field);
    return s ? { [key]: s } : {};
  };
  return {
    ok: true,
    table: {
      mapping,
      decisionId: required('decision_id'),
      timestamp: required('timestamp'),
      ...(mapping.timeFormat && { timeFormat: mapping.timeFormat }),
      modelName: required('model.name'),
      ...optional('modelVersion', 'model.version'),
      ...optional('subject', 'subject_id'),
      ...optional('action', 'action'),
      ...optional('label', 'output.label'),
      ...optional('featureVersion', `${EACH_FEATURE}feature_version`),
      ...optional('datasetVersion', `${EACH_FEATURE}dataset_version`),
      features: mapping.features ?? [],
    },
  };
}

/** "decision ← id, ts, …" for messages. */
export const describeTable = (table: DecisionTable): string => describeMapping(table.mapping);
