/**
 * A small CSV writer (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled) and the
 * two exports of the Scope step: the affected decisions and the affected subjects. Imported text is data: a field
 * a spreadsheet would read as a formula (opening with `=`, `+`, `-`, `@`, a tab or a carriage return) is written
 * with a leading `'`, as OWASP's CSV-injection guidance recommends; a number (or a string that is only a number,
 * such as `-0.5`) is written as it is.
 */
import type { Decision } from '../model/records';
import type { ImpactScope } from './engine-types';

/** What a spreadsheet may take for the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which no spreadsheet reads as anything else. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One CSV field, quoted where needed, a formula-like text neutralized with a leading `'`. */
export function csvField(value: unknown): string {
  const raw = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const text = FORMULA_START.test(raw) && !NUMBER.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (CRLF line ends, as RFC 4180 writes them). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The columns of the affected decisions' export, whether the case imported its log or reads it in place. */
export const AFFECTED_DECISION_COLUMNS = [
  'decision_id',
  'timestamp',
  'subject_id',
  'model',
  'model_version',
  'environment',
  'action',
  'feature',
  'value',
  'feature_version',
  'dataset_version',
] as const;

/** One affected decision's row of that export: its feature `featureName`'s value and versions. */
export function affectedDecisionRow(d: Decision, featureName: string): unknown[] {
  const f = d.features.find((x) => x.name === featureName);
  return [
    d.decisionId,
    d.timestamp,
    d.subjectId,
    d.model.name,
    d.model.version,
    d.environment,
    d.action,
    featureName,
    f?.value,
    f?.featureVersion,
    f?.datasetVersion,
  ];
}

/** The affected decisions: id, time, subject, model, version, environment, action, and the feature's value. */
export function affectedDecisionsCsv(scope: ImpactScope): string {
  const rows: unknown[][] = [[...AFFECTED_DECISION_COLUMNS]];
  for (const d of scope.decisions) rows.push(affectedDecisionRow(d, scope.featureName));
  return toCsv(rows);
}

/** The columns of the affected subjects' export, whether the case imported its log or reads it in place. */
export const AFFECTED_SUBJECT_COLUMNS = ['subject_id', 'decisions', 'first', 'last'] as const;

/** The affected subjects: id, how many affected decisions, first and last. */
export function affectedSubjectsCsv(scope: ImpactScope): string {
  const by = new Map<string, Decision[]>();
  for (const d of scope.decisions) {
    if (d.subjectId === undefined) continue;
    const list = by.get(d.subjectId) ?? [];
    list.push(d);
    by.set(d.subjectId, list);
  }
  const rows: unknown[][] = [[...AFFECTED_SUBJECT_COLUMNS]];
  for (const [subject, list] of by)
    rows.push([subject, list.length, list[0]!.timestamp, list[list.length - 1]!.timestamp]);
  return toCsv(rows);
}
