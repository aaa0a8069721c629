/**
 * Enforcement-log importer (FORMATS.md): one rule evaluation per JSON line —
 * id, timestamp, event_id, source, rule, rule_version, outcome, violations, environment.
 */
import type { EnforcementEntry, ImportResult, Provenance } from '../model/records';
import { FieldReader } from './field-reader';
import { readJsonInput, type JsonInput } from './json-input';
import { runImport, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';
import { describeType } from './timestamps';

const KNOWN = ['id', 'timestamp', 'event_id', 'source', 'rule', 'rule_version', 'outcome', 'violations', 'environment'];
const OUTCOMES = ['passed', 'flagged', 'dropped', 'routed'];

/** How the streaming importer maps one record of this kind. */
export const enforcementLogMapper: RunOptions<EnforcementEntry> = {
  importer: 'enforcement-log',
  detected: 'enforcement-log',
  wrappers: ['entries'],
  recordName: 'an enforcement entry',
  map: mapEntry,
};

/** Imports an enforcement log from text. */
export function importEnforcementLog(text: string, source: ImportSource): ImportResult {
  return importEnforcementLogInput(readJsonInput(text), source);
}

/** Imports an enforcement log from an already-read input. */
export function importEnforcementLogInput(input: JsonInput, source: ImportSource): ImportResult {
  return runImport(input, source, enforcementLogMapper).result;
}

function mapEntry(value: Record<string, unknown>, provenance: Provenance): MapOutcome<EnforcementEntry> {
  const r = new FieldReader(value);
  const id = r.requiredString('id');
  const timestamp = r.requiredTimestamp('timestamp');
  const rule = r.requiredString('rule');
  const outcome = r.requiredString('outcome');
  const violations = value.violations ?? [];
  if (!Array.isArray(violations)) {
    r.problems.push(`field "violations" must be an array, got ${describeType(violations)}`);
  }
  if (r.problems.length > 0 || !Array.isArray(violations))
    return { reason: r.problems.join('; '), warnings: r.warnings };
  if (!OUTCOMES.includes(outcome)) r.warnings.push(`outcome "${outcome}" is not one of ${OUTCOMES.join(', ')}`);
  const eventId = r.optionalString('event_id');
  const eventSource = r.optionalString('source');
  const ruleVersion = r.optionalString('rule_version');
  const environment = r.optionalString('environment');
  const extra = r.rest(KNOWN);
  const record: EnforcementEntry = {
    kind: 'enforcement',
    id,
    timestamp,
    ...(eventId !== undefined && { eventId }),
    ...(eventSource !== undefined && { source: eventSource }),
    rule,
    ...(ruleVersion !== undefined && { ruleVersion }),
    outcome,
    violations,
    ...(environment !== undefined && { environment }),
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}
