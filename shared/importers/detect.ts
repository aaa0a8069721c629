/**
 * Decides what kind of input a file is by its content (never its name): each sampled record votes
 * by the fields it has. Unknown content is described so the user learns what it looked like.
 */
import { isIdentityGraphRow } from './identity-graph-importer';
import { isObject, type JsonInput } from './json-input';
import { isRudderStackAuditEntry } from './rudderstack-audit-importer';

export type InputKind =
  | 'openlineage'
  | 'decision-log'
  | 'deployments'
  | 'audit-log'
  | 'enforcement-log'
  | 'pull-requests'
  | 'aws-cloudtrail'
  | 'gcp-audit'
  | 'github-audit'
  | 'rudderstack-events'
  | 'rudderstack-audit'
  | 'identity-graph'
  | 'git-log'
  | 'unknown';

export type RecordKind = Exclude<InputKind, 'git-log' | 'unknown'>;

/** Object keys whose array holds the records of a wrapped document (Marquez `{"events": […]}`, …). */
export const WRAPPER_KEYS = [
  'events',
  'decisions',
  'deployments',
  'entries',
  'pull_requests',
  'merge_requests',
  'Records',
  'items',
  'batch',
  'data',
];
const SAMPLE = 20;

/** The kind one JSON record belongs to, judged by its fields, or undefined. */
export function classifyRecord(o: Readonly<Record<string, unknown>>): RecordKind | undefined {
  const has = (key: string) => o[key] !== undefined;
  if (has('decision_id')) return 'decision-log';
  const lineage = isObject(o.run) || isObject(o.job) || isObject(o.dataset) || Array.isArray(o.outputs);
  if ((has('eventTime') || has('eventType')) && lineage) return 'openlineage';
  if (has('rule') && has('outcome')) return 'enforcement-log';
  if (has('number') && (has('merge_commit_sha') || isObject(o.head) || has('merged_at'))) return 'pull-requests';
  if (has('iid') && has('target_branch')) return 'pull-requests';
  if (has('environment') && (has('commit') || (has('sha') && has('created_at')))) return 'deployments';
  if (has('action') && isObject(o.target)) return 'audit-log';
  if (has('eventSource') && has('eventName') && (has('eventTime') || has('eventID'))) return 'aws-cloudtrail';
  if (isObject(o.protoPayload) && (has('insertId') || has('logName'))) return 'gcp-audit';
  if (typeof o.action === 'string' && has('actor') && (has('@timestamp') || has('created_at') || has('_document_id'))) {
    return 'github-audit';
  }
  if (isObject(o.context) && has('type') && (has('messageId') || has('anonymousId') || has('userId'))) {
    return 'rudderstack-events';
  }
  if (isRudderStackAuditEntry(o)) return 'rudderstack-audit';
  if (isIdentityGraphRow(o)) return 'identity-graph';
  return undefined;
}

/** The kind of a read input; `git-log` is never detected from text (it is derived by the main process). */
export function detectKind(input: JsonInput): InputKind {
  switch (input.shape) {
    case 'lines':
      return vote(input.sample.flatMap((value) => sampleOf(value)));
    case 'document':
      return vote(sampleOf(input.value));
    case 'invalid-json':
      return classifyRecord(sniffKeys(input.text)) ?? 'unknown';
    default:
      return 'unknown';
  }
}

function sampleOf(value: unknown): ReadonlyArray<unknown> {
  if (Array.isArray(value)) return value.slice(0, SAMPLE);
  if (!isObject(value)) return [];
  const wrapper = WRAPPER_KEYS.find((key) => Array.isArray(value[key]));
  if (wrapper === undefined) return [value];
  const list = value[wrapper] as unknown[];
  // An empty Marquez events page is still lineage: nothing to import, but recognized.
  if (list.length === 0 && wrapper === 'events') return [{ eventTime: '', run: {} }];
  return list.slice(0, SAMPLE);
}

function vote(sample: ReadonlyArray<unknown>): InputKind {
  const votes = new Map<RecordKind, number>();
  for (const value of sample) {
    const kind = isObject(value) ? classifyRecord(value) : undefined;
    if (kind) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  }
  let best: InputKind = 'unknown';
  let most = 0;
  for (const [kind, n] of votes) {
    if (n > most) [best, most] = [kind, n];
  }
  return best;
}

/** The keys quoted in the first 64 KB of unparseable JSON, as a stand-in object for classification. */
export function sniffKeys(text: string): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  for (const match of text.slice(0, 65536).matchAll(/"([A-Za-z_@$][\w.@$-]*)"\s*:/g)) keys[match[1] ?? ''] = {};
  return keys;
}
