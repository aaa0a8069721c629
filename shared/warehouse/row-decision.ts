/**
 * One row of a decision table as a decision: through the column mapping and the decision log's own validator, as a
 * CSV row or a JSON line would be, so a row of Parquet or of a warehouse table reads exactly as the same decision
 * written as JSON lines does.
 */
import { decisionLogMapper } from '../importers/decision-log-importer';
import { applyMapping, EACH_FEATURE } from '../importers/mapping';
import type { Decision } from '../model/records';
import type { DecisionTable } from './decision-table';
import { TIME_MS } from './decision-sql';

/** App fields that are text: a number or other value the engine typed (an id read as a number) is read as its text. */
const TEXT_FIELDS = [
  'decision_id',
  'subject_id',
  'model.name',
  'model.version',
  'environment',
  'action',
  `${EACH_FEATURE}dataset_version`,
  `${EACH_FEATURE}feature_version`,
  `${EACH_FEATURE}dataset.namespace`,
  `${EACH_FEATURE}dataset.name`,
];

/** The decision of one row (with its time in epoch ms under TIME_MS), or why the validator rejects it. */
export function rowDecision(
  row: Readonly<Record<string, unknown>>,
  table: DecisionTable,
  sourceId: string,
): { readonly decision: Decision } | { readonly reason: string } {
  const value: Record<string, unknown> = { ...row };
  delete value[TIME_MS];
  const { mapping } = table;
  for (const field of TEXT_FIELDS) {
    const column = mapping.fields[field];
    const v = column === undefined ? undefined : value[column];
    if (column !== undefined && v !== null && v !== undefined && typeof v !== 'string') value[column] = String(v);
  }
  // A time the engine typed (a TIMESTAMP column) is read as its instant; text is read as a CSV cell would be.
  const timeColumn = mapping.fields.timestamp;
  const typed = timeColumn !== undefined && value[timeColumn] instanceof Date;
  if (typed) value[timeColumn] = new Date(Number(row[TIME_MS])).toISOString();
  for (const [k, v] of Object.entries(value)) if (v instanceof Date) value[k] = v.toISOString();
  const { timeFormat: _format, ...rfc3339 } = mapping;
  const outcome = decisionLogMapper.map(applyMapping(value, typed ? rfc3339 : mapping), { sourceId });
  if ('record' in outcome) return { decision: outcome.record };
  return { reason: 'reason' in outcome ? outcome.reason : outcome.accepted };
}
