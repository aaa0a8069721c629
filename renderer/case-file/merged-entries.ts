/**
 * Storing a merged review: the entries the main process chained onto the case's log (the reviewer's, then
 * `review.merged`) appended to the stored log in ONE transaction, only if the stored log is still the one the merge
 * was made on and the whole chain then verifies.
 */
import { verifyChain } from '../../shared/case/activity-log';
import { caseFromActivity } from '../../shared/case/case-actions';
import type { ActivityEntry, Sha256 } from '../../shared/case/case-types';
import { webSha256 } from '../case/web-sha256';
import { readActivity } from '../db/case-log';
import type { LineageDb } from '../db/lineage-db';

/** Appends `appended` after `base` (the log the merge was computed on); throws naming why nothing was stored. */
export async function appendMergedEntries(
  db: LineageDb,
  caseId: string,
  base: ReadonlyArray<ActivityEntry>,
  appended: ReadonlyArray<ActivityEntry>,
  sha256: Sha256 = webSha256,
): Promise<ReadonlyArray<ActivityEntry>> {
  const next = [...base, ...appended];
  const chain = await verifyChain(next, sha256);
  if (!chain.ok)
    throw new Error(`The merged log of case ${caseId} does not verify (${chain.reason}); nothing was stored.`);
  caseFromActivity(next);
  await db.transaction('rw', db.activity, async () => {
    const stored = await readActivity(db, caseId);
    const head = stored[stored.length - 1]?.hash;
    if (stored.length !== base.length || head !== base[base.length - 1]?.hash)
      throw new Error(
        `Case ${caseId} changed while the review was merged (its log has ${stored.length} entries, the merge was made on ${base.length}); merge the file again.`,
      );
    await db.activity.bulkAdd(appended.map((e) => ({ ...e, caseId })));
  });
  return next;
}
