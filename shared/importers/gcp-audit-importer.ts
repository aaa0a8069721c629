/**
 * GCP Cloud Audit Logs importer: LogEntry records whose `protoPayload` is an AuditLog become AuditEntry records —
 * id = insertId, actor = authenticationInfo.principalEmail, action = serviceName:methodName, target =
 * resourceName, environment = the project. A call made from a browser (its user agent) is channel `ui`.
 */
import type { AuditEntry, Provenance } from '../model/records';
import { firstString, idOrFallback } from './audit-common';
import { FieldReader } from './field-reader';
import type { MapOutcome, RunOptions } from './record-runner';

const KNOWN = ['insertId', 'timestamp'];
const BROWSER = /Mozilla\/|Chrome\/|Safari\//;

/** How the streaming importer maps one Cloud Audit Logs entry. */
export const gcpAuditMapper: RunOptions<AuditEntry> = {
  importer: 'gcp-audit',
  detected: 'gcp-audit',
  wrappers: ['entries'],
  recordName: 'a Cloud Audit Logs entry',
  map: mapEntry,
};

function mapEntry(value: Record<string, unknown>, provenance: Provenance): MapOutcome<AuditEntry> {
  const r = new FieldReader(value);
  const timestamp = r.requiredTimestamp(r.get('timestamp') === undefined ? 'receiveTimestamp' : 'timestamp');
  const method = r.requiredString('protoPayload.methodName');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const id = idOrFallback(r, 'insertId', 'gcp-audit', provenance);
  const service = firstString(r, ['protoPayload.serviceName']);
  let actor = firstString(r, [
    'protoPayload.authenticationInfo.principalEmail',
    'protoPayload.authenticationInfo.principalSubject',
  ]);
  if (actor === undefined) {
    actor = 'unknown';
    r.warnings.push('protoPayload.authenticationInfo names no principalEmail; actor recorded as "unknown"');
  }
  const resourceName = firstString(r, ['protoPayload.resourceName']);
  const resourceType = firstString(r, ['resource.type']) ?? 'resource';
  const project = firstString(r, ['resource.labels.project_id']);
  const agent = firstString(r, ['protoPayload.requestMetadata.callerSuppliedUserAgent']) ?? '';
  const extra = r.rest(KNOWN);
  const record: AuditEntry = {
    kind: 'audit',
    id,
    timestamp,
    actor,
    action: service ? `${service}:${method}` : method,
    target: { type: resourceType, id: resourceName ?? project ?? service ?? method },
    ...(project !== undefined && { environment: project }),
    channel: BROWSER.test(agent) ? 'ui' : 'api',
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}
