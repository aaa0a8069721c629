/**
 * RudderStack audit logs as the Audit Logs API returns them (`GET /v2/audit-logs`: `{"data": […], "paging": …}`
 * pages, or their entries as JSON lines): `id`, `actorId`, `actorType`, `targetId`, `targetType`, `action`,
 * `createdAt`, `workspaceId`, `organizationId`, `ip`. The action is named with its target type, as the app's own
 * audit format does (`destination.updated`); the workspace is the environment. Other fields are kept.
 */
import type { AuditEntry, Provenance } from '../model/records';
import { idOrFallback, requiredTime } from './audit-common';
import { FieldReader } from './field-reader';
import type { MapOutcome, RunOptions } from './record-runner';

const KNOWN = ['id', 'actorId', 'targetId', 'targetType', 'action', 'createdAt', 'workspaceId'];

/** True for one entry of a RudderStack Audit Logs API page. */
export function isRudderStackAuditEntry(o: Readonly<Record<string, unknown>>): boolean {
  return o.actorId !== undefined && o.targetType !== undefined && typeof o.action === 'string' && 'createdAt' in o;
}

/** How the streaming importer maps one RudderStack audit-log entry. */
export const rudderStackAuditMapper: RunOptions<AuditEntry> = {
  importer: 'rudderstack-audit',
  detected: 'rudderstack-audit',
  wrappers: ['data'],
  recordName: 'a RudderStack audit-log entry',
  map: mapEntry,
};

function mapEntry(value: Record<string, unknown>, provenance: Provenance): MapOutcome<AuditEntry> {
  const r = new FieldReader(value);
  const timestamp = requiredTime(r, 'createdAt');
  const actor = r.requiredId('actorId');
  const action = r.requiredString('action');
  const targetType = r.requiredString('targetType');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const id = idOrFallback(r, 'id', 'rudderstack-audit', provenance);
  const targetId = r.optionalString('targetId');
  if (targetId === undefined) r.warnings.push(`no "targetId": the ${targetType} changed is not named`);
  const workspace = r.optionalString('workspaceId');
  const extra = r.rest(KNOWN);
  const record: AuditEntry = {
    kind: 'audit',
    id,
    timestamp,
    actor,
    action: action.includes('.') ? action : `${targetType}.${action}`,
    target: { type: targetType, id: targetId ?? `${targetType}:unknown` },
    ...(workspace !== undefined && { environment: workspace }),
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}
