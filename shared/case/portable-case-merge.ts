/**
 * Merging a reviewed case file into the investigator's own case: both chains and every signature verified, the
 * investigator's signature by the local key, the file's base a prefix of the local chain. When the local chain has
 * not moved, the reviewer's entries are appended as signed (their hashes unchanged) with a `review.merged` entry;
 * when it advanced meanwhile, that is a conflict, resolved only if asked by chaining the reviewer's entries anew
 * after the local head (the `review.merged` entry keeps their signed hashes). Nothing is ever dropped: a conflict
 * returns the reviewer's entries with what stops the merge.
 */
import { verifyChain } from './activity-log';
import { recordAction } from './case-actions';
import type { CaseFileSignatureCheck, PortableCaseFile } from './case-file-format';
import type { ActivityEntry, CaseRecord, Sha256 } from './case-types';
import { verifyCaseFile, type CaseFileVerdict } from './portable-case-verify';

export type MergeConflictKind =
  | 'local-chain-broken'
  | 'file-unverified'
  | 'other-case'
  | 'other-investigator'
  | 'no-review'
  | 'diverged'
  | 'advanced';

export interface MergeConflict {
  readonly kind: MergeConflictKind;
  readonly message: string;
}

export type MergeOutcome =
  | {
      readonly kind: 'merged';
      readonly record: CaseRecord;
      /** The entries added to the local log (the reviewer's, then `review.merged`). */
      readonly appended: ReadonlyArray<ActivityEntry>;
      readonly rechained: boolean;
      /** The conflict that re-chaining resolved, if any. */
      readonly resolved: ReadonlyArray<MergeConflict>;
      readonly verdict: CaseFileVerdict;
    }
  | { readonly kind: 'already-merged'; readonly verdict: CaseFileVerdict }
  | {
      readonly kind: 'conflict';
      readonly conflicts: ReadonlyArray<MergeConflict>;
      /** The reviewer's entries, as the file holds them: shown, never lost. */
      readonly reviewerEntries: ReadonlyArray<ActivityEntry>;
      readonly verdict: CaseFileVerdict;
    };

export interface MergeOptions {
  /** The investigator's key fingerprint: the file must be signed first by it. */
  readonly localFingerprint: string;
  readonly actor: string;
  readonly time: string;
  /** Resolve an `advanced` conflict by chaining the reviewer's entries after the local head. */
  readonly rechain?: boolean;
}

/** Merges the reviewer's entries of `file` into `local` (see the module's note). */
export async function mergeCaseFile(
  local: CaseRecord,
  file: PortableCaseFile,
  options: MergeOptions,
  sha256: Sha256,
  check: CaseFileSignatureCheck,
): Promise<MergeOutcome> {
  const verdict = await verifyCaseFile(file, sha256, check);
  const base = verdict.investigatorEntries;
  const reviewerEntries = file.activity.slice(base);
  const conflict = (conflicts: MergeConflict[]): MergeOutcome => ({
    kind: 'conflict',
    conflicts,
    reviewerEntries,
    verdict,
  });
  const localChain = await verifyChain(local.activity, sha256);
  if (!localChain.ok)
    return conflict([
      { kind: 'local-chain-broken', message: `Your case's activity log is broken: ${localChain.reason}.` },
    ]);
  if (!verdict.ok) return conflict(verdict.problems.map((message) => ({ kind: 'file-unverified', message })));
  const [investigator, ...reviews] = file.signatures;
  if (file.content.caseId !== local.case.id)
    return conflict([
      { kind: 'other-case', message: `The file is of case ${file.content.caseId}; the open case is ${local.case.id}.` },
    ]);
  if (investigator?.fingerprint !== options.localFingerprint)
    return conflict([
      {
        kind: 'other-investigator',
        message: `The file was exported under the key ${investigator?.fingerprint}, not yours (${options.localFingerprint}): it is not your case file.`,
      },
    ]);
  if (reviews.length === 0 || reviewerEntries.length === 0)
    return conflict([{ kind: 'no-review', message: 'The file holds no reviewer entries to merge.' }]);
  const last = reviews[reviews.length - 1];
  const head = file.activity[file.activity.length - 1] as ActivityEntry;
  if (
    local.activity[file.activity.length - 1]?.hash === head.hash ||
    local.activity.some(
      (e) =>
        e.action === 'review.merged' &&
        (e.payload as { reviews?: Array<{ signature?: string }> }).reviews?.some(
          (r) => r.signature === last?.signature,
        ),
    )
  )
    return { kind: 'already-merged', verdict };
  const diverged = firstDifference(local.activity, file.activity.slice(0, base));
  if (diverged !== undefined)
    return conflict([
      {
        kind: 'diverged',
        message:
          diverged > local.activity.length
            ? `The file's base has ${base} entries; your case's log has only ${local.activity.length}: it is not a prefix of your log.`
            : `The file's base differs from your case's log from entry ${diverged} on: it is not a prefix of your log.`,
      },
    ]);
  const advanced: MergeConflict[] =
    local.activity.length > base
      ? [
          {
            kind: 'advanced',
            message: `Your case's log advanced by ${local.activity.length - base} entries since the file was exported (entries ${base + 1}-${local.activity.length}); the reviewer's ${reviewerEntries.length} entries extend entry ${base}.`,
          },
        ]
      : [];
  if (advanced.length > 0 && !options.rechain) return conflict(advanced);
  let record: CaseRecord = local;
  for (const e of reviewerEntries)
    record = await recordAction(
      record,
      { time: e.time, actor: e.actor, action: e.action, payload: e.payload } as Parameters<typeof recordAction>[1],
      sha256,
    );
  record = await recordAction(
    record,
    {
      time: options.time,
      actor: options.actor,
      action: 'review.merged',
      payload: {
        reviews: reviews.map((r) => ({ reviewer: r.signer, fingerprint: r.fingerprint, signature: r.signature })),
        entryHashes: reviewerEntries.map((e) => e.hash),
        rechained: advanced.length > 0,
      },
    },
    sha256,
  );
  return {
    kind: 'merged',
    record,
    appended: record.activity.slice(local.activity.length),
    rechained: advanced.length > 0,
    resolved: advanced,
    verdict,
  };
}

/** The seq (1-based) of the first entry of `base` that `log` does not hold as is; undefined when base is a prefix. */
function firstDifference(log: ReadonlyArray<ActivityEntry>, base: ReadonlyArray<ActivityEntry>): number | undefined {
  for (let i = 0; i < base.length; i++) if (log[i]?.hash !== base[i]?.hash) return i + 1;
  return undefined;
}
