/**
 * AWS CloudTrail importer: log files (`{"Records": […]}`) and NDJSON of CloudTrail records become AuditEntry
 * records — id = eventID, actor from userIdentity (arn, userName, principalId), action = eventSource:eventName,
 * target from resources or requestParameters, channel `ui` for console sign-ins and console sessions, else
 * `api`, environment = account/region.
 */
import type { AuditEntry, Provenance } from '../model/records';
import { firstString, idOrFallback } from './audit-common';
import { FieldReader } from './field-reader';
import { isObject } from './json-input';
import type { MapOutcome, RunOptions } from './record-runner';

const KNOWN = [
  'eventID',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'recipientAccountId',
  'responseElements',
];
const ACTOR_PATHS = ['userIdentity.arn', 'userIdentity.userName', 'userIdentity.principalId', 'userIdentity.invokedBy'];
/** requestParameters keys that name the object a call acted on, most specific first. */
const TARGET_KEYS = [
  'key',
  'bucketName',
  'functionName',
  'tableName',
  'roleName',
  'userName',
  'policyArn',
  'clusterIdentifier',
  'parameterGroupName',
  'dBInstanceIdentifier',
  'name',
  'resourceArn',
];

/** How the streaming importer maps one CloudTrail record. */
export const cloudTrailMapper: RunOptions<AuditEntry> = {
  importer: 'aws-cloudtrail',
  detected: 'aws-cloudtrail',
  wrappers: ['Records'],
  recordName: 'a CloudTrail record',
  map: mapRecord,
};

function mapRecord(value: Record<string, unknown>, provenance: Provenance): MapOutcome<AuditEntry> {
  const r = new FieldReader(value);
  const timestamp = r.requiredTimestamp('eventTime');
  const eventSource = r.requiredString('eventSource');
  const eventName = r.requiredString('eventName');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const id = idOrFallback(r, 'eventID', 'cloudtrail', provenance);
  let actor = firstString(r, ACTOR_PATHS);
  if (actor === undefined) {
    actor = firstString(r, ['userIdentity.type']) ?? 'unknown';
    r.warnings.push(`userIdentity names no arn, userName or principalId; actor recorded as "${actor}"`);
  }
  const account = firstString(r, ['recipientAccountId', 'userIdentity.accountId']);
  const region = firstString(r, ['awsRegion']);
  const environment = [account, region].filter((x) => x !== undefined).join('/');
  const extra = r.rest(KNOWN);
  const record: AuditEntry = {
    kind: 'audit',
    id,
    timestamp,
    actor,
    action: `${eventSource}:${eventName}`,
    target: targetOf(value, eventSource),
    ...(environment !== '' && { environment }),
    channel: isConsole(r, eventName) ? 'ui' : 'api',
    ...(isObject(value.responseElements) && { after: value.responseElements }),
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}

function isConsole(r: FieldReader, eventName: string): boolean {
  const fromConsole = r.get('userIdentity.sessionContext.sessionCredentialFromConsole');
  return eventName === 'ConsoleLogin' || fromConsole === true || fromConsole === 'true';
}

/** The first resource's ARN; else the most specific request parameter; else the service itself. */
function targetOf(value: Record<string, unknown>, eventSource: string): AuditEntry['target'] {
  const resources = Array.isArray(value.resources) ? value.resources.filter(isObject) : [];
  const resource = resources.find((x) => typeof x.ARN === 'string' || typeof x.arn === 'string');
  if (resource) {
    const id = String(resource.ARN ?? resource.arn);
    return { type: typeof resource.type === 'string' ? resource.type : eventSource, id };
  }
  const params = isObject(value.requestParameters) ? value.requestParameters : {};
  for (const key of TARGET_KEYS) {
    const v = params[key];
    if (typeof v !== 'string' || v === '') continue;
    const bucket = key === 'key' && typeof params.bucketName === 'string' ? `${params.bucketName}/` : '';
    return { type: `${eventSource.replace(/\.amazonaws\.com$/, '')}:${key}`, id: `${bucket}${v}`, name: v };
  }
  return { type: 'service', id: eventSource };
}
