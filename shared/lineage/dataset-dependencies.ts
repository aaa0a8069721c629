/**
 * `columnLineage.dataset` (OpenLineage 1-2-0): the input fields the whole output depends on — filters, joins,
 * sorts, groupings. Every field of the output is computed under them, so each becomes an upstream field of every
 * output field (the output's schema fields and the fields its field-level lineage names): tracing a feature follows
 * the filter and the join keys as well as the columns it was computed from.
 */
import { nodeId } from '../analysis/run-index';
import type { ColumnInputField, ColumnLineageEntry, SchemaField } from '../model/records';

/** The (source, target) column ids the dataset-wide dependencies add for the output `outputId`. */
export function dependencyColumns(
  outputId: string,
  dependencies: ReadonlyArray<ColumnInputField> | undefined,
  fields: ReadonlyArray<SchemaField> | undefined,
  columnLineage: ReadonlyArray<ColumnLineageEntry> | undefined,
): Array<{ readonly source: string; readonly target: string }> {
  if (!dependencies?.length) return [];
  const targets = new Set([...(fields ?? []).map((f) => f.name), ...(columnLineage ?? []).map((e) => e.field)]);
  return [...targets].flatMap((field) =>
    dependencies.map((d) => ({ source: `${nodeId(d)}#${d.field}`, target: `${outputId}#${field}` })),
  );
}
