/**
 * GitHub audit log importer: organization audit-log exports (JSON or NDJSON; `_document_id`, `@timestamp` or
 * `created_at` in epoch milliseconds, `actor`, `action`, `repo`/`org`) become AuditEntry records. The target is
 * the repository, else the team, else the user, else the organization the entry names.
 */
import type { AuditEntry, Provenance } from '../model/records';
import { firstString, idOrFallback, requiredTime } from './audit-common';
import { FieldReader } from './field-reader';
import type { MapOutcome, RunOptions } from './record-runner';

const KNOWN = ['_document_id', '@timestamp', 'created_at', 'actor', 'action'];

/** How the streaming importer maps one GitHub audit-log entry. */
export const gitHubAuditMapper: RunOptions<AuditEntry> = {
  importer: 'github-audit',
  detected: 'github-audit',
  wrappers: ['entries'],
  recordName: 'a GitHub audit-log entry',
  map: mapEntry,
};

function mapEntry(value: Record<string, unknown>, provenance: Provenance): MapOutcome<AuditEntry> {
  const r = new FieldReader(value);
  const timestamp = requiredTime(r, '@timestamp', 'created_at');
  const actor = r.requiredString('actor');
  const action = r.requiredString('action');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const id = idOrFallback(r, '_document_id', 'github-audit', provenance);
  const org = firstString(r, ['org']);
  const programmatic = r.get('programmatic_access_type') !== undefined || r.get('token_id') !== undefined;
  const extra = r.rest(KNOWN);
  const record: AuditEntry = {
    kind: 'audit',
    id,
    timestamp,
    actor,
    action,
    target: targetOf(r, org),
    ...(org !== undefined && { environment: org }),
    ...(programmatic && { channel: 'api' }),
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}

function targetOf(r: FieldReader, org: string | undefined): AuditEntry['target'] {
  const repo = firstString(r, ['repo', 'repository']);
  if (repo) return { type: 'repository', id: repo };
  const team = firstString(r, ['team', 'data.team']);
  if (team) return { type: 'team', id: team };
  const user = firstString(r, ['user']);
  if (user) return { type: 'user', id: user };
  if (org) return { type: 'organization', id: org };
  return { type: 'unknown', id: String(r.get('action')) };
}
