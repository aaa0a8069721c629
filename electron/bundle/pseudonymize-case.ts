/**
 * A case record with its subject ids pseudonymized. The activity log is hash-chained, so an id cannot be replaced
 * in place: every entry's strings (actor, payload) are pseudonymized and the entries are chained again, in order,
 * with their times and actions unchanged. The result is deterministic — the case's owner, holding the original log
 * and the key, re-derives exactly the same log and hashes — and carries no hash of the original entries (those
 * would let anyone confirm a guessed subject id).
 */
import { appendActivity } from '../../shared/case/activity-log.js';
import { caseFromActivity } from '../../shared/case/case-actions.js';
import type { ActivityEntry, CaseRecord } from '../../shared/case/case-types.js';
import { sha256Hex } from './hashing.js';
import { pseudonymizeText } from './pseudonymize.js';

export interface SubjectPseudonyms {
  readonly subjectIds: ReadonlySet<string>;
  readonly pseudonym: (id: string) => string;
}

/** Every string (and object key) in a JSON value with its subject ids replaced. */
export function pseudonymizeJson(value: unknown, p: SubjectPseudonyms): unknown {
  if (typeof value === 'string') return pseudonymizeText(value, p.subjectIds, p.pseudonym);
  if (Array.isArray(value)) return value.map((v) => pseudonymizeJson(v, p));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [pseudonymizeText(k, p.subjectIds, p.pseudonym), pseudonymizeJson(v, p)]),
    );
  return value;
}

/** The case and its log with subject ids pseudonymized and the log chained again. */
export async function pseudonymizeCaseRecord(record: CaseRecord, p: SubjectPseudonyms): Promise<CaseRecord> {
  let log: ReadonlyArray<ActivityEntry> = [];
  for (const entry of record.activity) {
    log = await appendActivity(
      log,
      {
        time: entry.time,
        actor: pseudonymizeText(entry.actor, p.subjectIds, p.pseudonym),
        action: entry.action,
        payload: pseudonymizeJson(entry.payload, p),
      },
      sha256Hex,
    );
  }
  return { case: caseFromActivity(log), activity: log };
}
