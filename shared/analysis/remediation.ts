import type { EvidenceSet } from '../model/evidence-set';
import { commitGraph, samePath } from './commit-graph';
import type { Change, RemediationPlan, TraceResult } from './types';

/**
 * For the top suspects (up to `limit`): the last known-good version of the code they changed (the latest earlier
 * commit that touched the same path, on the suspect's ancestry) and the rollback — `git revert` of the suspect (of
 * its merge, where it came through one), or the configuration's prior state for an audit-log change.
 */
export function planRemediation(
  set: EvidenceSet,
  changes: ReadonlyArray<Change>,
  trace: TraceResult,
  limit = 3,
): RemediationPlan[] {
  const graph = commitGraph(set.commits, set.pullRequests);
  const audit = new Map(set.audit.map((a) => [a.id, a] as const));
  return changes.slice(0, limit).map((change): RemediationPlan => {
    if (change.kind !== 'commit') {
      const entry = audit.get(change.id);
      return {
        changeId: change.id,
        jobId: change.touches[0],
        rollback:
          entry?.before !== undefined
            ? `Restore the prior configuration of ${entry.target.id}: ${JSON.stringify(entry.before)}`
            : `Restore the configuration of ${change.touches[0] ?? 'the target'} as it was before ${change.timestamp}; the audit entry holds no prior state.`,
      };
    }
    const suspect = graph.bySha.get(change.id);
    const path = change.paths[0];
    const job = trace.jobs.find((j) => j.codePath && path && samePath(path, j.codePath));
    const earlier = set.commits
      .filter(
        (c) =>
          c.sha !== change.id &&
          c.parents.length < 2 &&
          path !== undefined &&
          c.changedPaths.some((p) => samePath(p.path, path)) &&
          graph.isAncestor(c.sha, change.id),
      )
      .sort((a, b) => Date.parse(b.committerDate) - Date.parse(a.committerDate))[0];
    const merge = graph.mergeOf(change.id);
    const revert = merge ? `git revert -m 1 ${merge.sha}` : `git revert ${change.id}`;
    return {
      changeId: change.id,
      jobId: job?.id,
      path,
      repository: suspect?.repository,
      suspectCommit: change.id,
      previousCommit: earlier?.sha,
      previousCommitDate: earlier?.committerDate,
      rollback: earlier
        ? `${revert} — restores ${path} to its state at ${earlier.sha} (the last known-good version), then deploy through staging.`
        : `${revert} — no earlier version of ${path ?? 'the code'} is in the history.`,
    };
  });
}
