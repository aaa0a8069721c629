/**
 * RudderStack event payloads as enforcement evidence: an event validated against a tracking plan carries
 * `context.violationErrors` (Unplanned-Event, Required-Missing, Datatype-Mismatch, Additional-Properties,
 * Unknown-Violation) and `context.trackingPlanId`/`trackingPlanVersion`; consent decisions are in
 * `context.consentManagement`. Each event becomes an EnforcementEntry: `flagged` with its violations, else `passed`.
 */
import type { EnforcementEntry, Provenance } from '../model/records';
import { firstString, idOrFallback } from './audit-common';
import { FieldReader } from './field-reader';
import { isObject } from './json-input';
import type { MapOutcome, RunOptions } from './record-runner';

export const VIOLATION_TYPES = [
  'Unplanned-Event',
  'Required-Missing',
  'Datatype-Mismatch',
  'Additional-Properties',
  'Unknown-Violation',
];
const TIME_PATHS = ['timestamp', 'originalTimestamp', 'receivedAt', 'sentAt'];

/** How the streaming importer maps one RudderStack event. */
export const rudderStackEventsMapper: RunOptions<EnforcementEntry> = {
  importer: 'rudderstack-events',
  detected: 'rudderstack-events',
  wrappers: ['batch'],
  recordName: 'a RudderStack event',
  map: mapEvent,
};

function mapEvent(value: Record<string, unknown>, provenance: Provenance): MapOutcome<EnforcementEntry> {
  const r = new FieldReader(value);
  const timestamp = r.requiredTimestamp(TIME_PATHS.find((p) => r.get(p) !== undefined) ?? 'timestamp');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const id = idOrFallback(r, 'messageId', 'rudderstack', provenance);
  const list = r.get('context.violationErrors');
  const violations = Array.isArray(list) ? list : [];
  if (list !== undefined && !Array.isArray(list))
    r.warnings.push('context.violationErrors should be an array; ignored');
  for (const v of violations) {
    const type = isObject(v) ? v.type : undefined;
    if (typeof type !== 'string' || !VIOLATION_TYPES.includes(type)) {
      r.warnings.push(`violation type ${JSON.stringify(type)} is not one of ${VIOLATION_TYPES.join(', ')}`);
    }
  }
  const plan = firstString(r, ['context.trackingPlanId']);
  const version = r.get('context.trackingPlanVersion');
  const consent = r.get('context.consentManagement');
  const provider = firstString(r, ['context.consentManagement.provider']);
  const rule = plan
    ? `tracking_plan:${plan}`
    : isObject(consent)
      ? `consent:${provider ?? 'unknown'}`
      : 'tracking_plan';
  const source = firstString(r, ['context.sourceId', 'context.source_id', 'context.library.name']);
  const eventName = firstString(r, ['event', 'type']);
  const record: EnforcementEntry = {
    kind: 'enforcement',
    id,
    timestamp,
    eventId: id,
    ...(source !== undefined && { source }),
    rule,
    ...((typeof version === 'string' || typeof version === 'number') && { ruleVersion: String(version) }),
    outcome: violations.length > 0 ? 'flagged' : 'passed',
    violations,
    extra: {
      ...(eventName !== undefined && { event: eventName }),
      type: r.get('type'),
      ...(isObject(consent) && { consentManagement: consent }),
      ...(r.get('userId') !== undefined && { userId: r.get('userId') }),
      ...(r.get('anonymousId') !== undefined && { anonymousId: r.get('anonymousId') }),
    },
    provenance,
  };
  return { record, warnings: r.warnings };
}
