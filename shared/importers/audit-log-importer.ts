/**
 * Generic audit-log importer (FORMATS.md): one configuration change per JSON line —
 * id, timestamp, actor, action, target{type,id,name}, environment, channel, before, after.
 */
import type { AuditEntry, ImportResult, Provenance } from '../model/records';
import { FieldReader } from './field-reader';
import { readJsonInput, type JsonInput } from './json-input';
import { runImport, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';

const KNOWN = ['id', 'timestamp', 'actor', 'action', 'target', 'environment', 'channel', 'before', 'after'];
const CHANNELS = ['ui', 'api', 'cli'];

/** How the streaming importer maps one record of this kind. */
export const auditLogMapper: RunOptions<AuditEntry> = {
  importer: 'audit-log',
  detected: 'audit-log',
  wrappers: ['entries'],
  recordName: 'an audit entry',
  map: mapEntry,
};

/** Imports a generic audit log from text. */
export function importAuditLog(text: string, source: ImportSource): ImportResult {
  return importAuditLogInput(readJsonInput(text), source);
}

/** Imports a generic audit log from an already-read input. */
export function importAuditLogInput(input: JsonInput, source: ImportSource): ImportResult {
  return runImport(input, source, auditLogMapper).result;
}

function mapEntry(value: Record<string, unknown>, provenance: Provenance): MapOutcome<AuditEntry> {
  const r = new FieldReader(value);
  const id = r.requiredString('id');
  const timestamp = r.requiredTimestamp('timestamp');
  const actor = r.requiredString('actor');
  const action = r.requiredString('action');
  const targetType = r.requiredString('target.type');
  const targetId = r.requiredString('target.id');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const targetName = r.optionalString('target.name');
  const environment = r.optionalString('environment');
  const channel = r.optionalString('channel');
  if (channel !== undefined && !CHANNELS.includes(channel)) {
    r.warnings.push(`channel "${channel}" is not one of ${CHANNELS.join(', ')}`);
  }
  const extra = r.rest(KNOWN);
  const record: AuditEntry = {
    kind: 'audit',
    id,
    timestamp,
    actor,
    action,
    target: { type: targetType, id: targetId, ...(targetName !== undefined && { name: targetName }) },
    ...(environment !== undefined && { environment }),
    ...(channel !== undefined && { channel }),
    ...(value.before !== undefined && { before: value.before }),
    ...(value.after !== undefined && { after: value.after }),
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}
