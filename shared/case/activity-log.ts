/**
 * The case's append-only activity log. Each entry carries the hash of the one before it, and its own hash is
 * SHA-256 over the canonical JSON of `{seq, time, actor, action, payload, prevHash}`: editing, removing or
 * reordering any entry breaks the chain from that entry on, and `verifyChain` names the first broken one.
 */
import { canonicalJson } from './canonical-json';
import type { ActivityEntry, Sha256 } from './case-types';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface NewActivity {
  readonly time: string;
  readonly actor: string;
  readonly action: string;
  readonly payload: unknown;
}

/** The text an entry's hash is computed over. */
export function entryHashInput(entry: Omit<ActivityEntry, 'hash'>): string {
  const { seq, time, actor, action, payload, prevHash } = entry;
  return canonicalJson({ seq, time, actor, action, payload, prevHash });
}

/** Appends one entry (never edits the log given): a new log with the entry chained to the last one. */
export async function appendActivity(
  log: ReadonlyArray<ActivityEntry>,
  activity: NewActivity,
  sha256: Sha256,
): Promise<ReadonlyArray<ActivityEntry>> {
  const last = log[log.length - 1];
  // Round-trip the payload through JSON so that what is hashed is exactly what is stored and exported.
  const payload = activity.payload === undefined ? null : (JSON.parse(JSON.stringify(activity.payload)) as unknown);
  const body = {
    seq: last ? last.seq + 1 : 1,
    time: activity.time,
    actor: activity.actor,
    action: activity.action,
    payload,
    prevHash: last ? last.hash : GENESIS_HASH,
  };
  const hash = await sha256(entryHashInput(body));
  return [...log, { ...body, hash }];
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number }
  | {
      readonly ok: false;
      /** 0-based index of the first broken entry in the log. */
      readonly index: number;
      readonly seq: number | undefined;
      readonly reason: string;
    };

/**
 * Checks the whole chain: sequence numbers 1, 2, 3…, each `prevHash` equal to the previous entry's hash, and each
 * `hash` equal to the SHA-256 of the entry's content. Names the first entry that fails and why.
 */
export async function verifyChain(log: ReadonlyArray<unknown>, sha256: Sha256): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  for (let i = 0; i < log.length; i++) {
    const raw = log[i];
    if (!raw || typeof raw !== 'object') return broken(i, undefined, 'is not an object');
    const entry = raw as ActivityEntry;
    const seq = typeof entry.seq === 'number' ? entry.seq : undefined;
    if (seq !== i + 1) return broken(i, seq, `has seq ${String(entry.seq)} where ${i + 1} was expected`);
    if (entry.prevHash !== prev)
      return broken(i, seq, `prevHash ${String(entry.prevHash)} does not match the previous entry's hash ${prev}`);
    const actual = await sha256(entryHashInput(entry));
    if (entry.hash !== actual) return broken(i, seq, `hash expected ${String(entry.hash)}, actual ${actual}`);
    prev = entry.hash;
  }
  return { ok: true, entries: log.length };
}

function broken(index: number, seq: number | undefined, what: string): ChainVerdict {
  return { ok: false, index, seq, reason: `activity entry ${seq ?? `#${index + 1}`} ${what}` };
}
