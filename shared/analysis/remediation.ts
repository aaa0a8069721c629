import type { EvidenceSet } from '../model/evidence-set';
import { commitGraph, samePath } from './commit-graph';
import { deploymentsShipping, firstDeploymentTo, previousDeployment, PRODUCTION, succeeded } from './deployments';
import type { LastKnownGood, OnsetEstimate, RollbackPlan } from './engine-types';
import type { Change, RemediationPlan, TraceResult } from './types';

/**
 * For the top suspects (up to `limit`): the last known-good version of the code they changed (the latest earlier
 * commit that touched the same path, on the suspect's ancestry) and the rollback — `git revert` of the suspect (of
 * its merge, where it came through one), or the configuration's prior state for an audit-log change — with how long
 * a rollback would take: the median merge→production time of past changes.
 */
export function planRemediation(
  set: EvidenceSet,
  changes: ReadonlyArray<Pick<Change, 'id' | 'touches' | 'paths' | 'timestamp'> & { readonly kind: string }>,
  trace: TraceResult,
  limit = 3,
  environment?: string,
): RollbackPlan[] {
  const graph = commitGraph(set.commits, set.pullRequests);
  const audit = new Map(set.audit.map((a) => [a.id, a] as const));
  const speed = mergeToProduction(set);
  const estimate =
    speed.median === undefined
      ? 'No past change has both a merge time and a production deployment: the rollback time cannot be estimated.'
      : `A rollback takes about ${speed.median.toFixed(1)} h from merge to production (median of ${speed.count} past changes).`;
  const timing = { medianHoursToProduction: speed.median, basedOnChanges: speed.count, estimate };
  return changes.slice(0, limit).map((change): RollbackPlan => {
    if (change.kind === 'deployment') {
      const d = set.deployments.find((x) => x.id === change.id);
      const prev = d ? previousDeployment(set.deployments, d) : undefined;
      return {
        changeId: change.id,
        jobId: change.touches[0],
        repository: d?.repository,
        suspectCommit: d?.commit,
        previousCommit: prev?.commit,
        previousCommitDate: prev?.timestamp,
        ...(prev &&
          d && {
            redeploy: {
              deployment: prev.id,
              commit: prev.commit,
              environment: d.environment,
              evidence: prev.provenance,
            },
          }),
        rollback:
          prev && d
            ? `Redeploy ${prev.commit} to ${d.environment}: what ${prev.id} deployed there (${prev.timestamp}) before ${d.id}, the last known-good deployment.`
            : `No earlier successful deployment to ${d?.environment ?? 'that environment'} is recorded: redeploy the last reviewed commit of ${change.touches.join(', ')}.`,
        ...timing,
      };
    }
    if (change.kind !== 'commit') {
      const entry = audit.get(change.id);
      const plan: RemediationPlan = {
        changeId: change.id,
        jobId: change.touches[0],
        rollback:
          entry?.before !== undefined
            ? `Restore the prior configuration of ${entry.target.id}: ${JSON.stringify(entry.before)}`
            : `Restore the configuration of ${change.touches[0] ?? 'the target'} as it was before ${change.timestamp}; the audit entry holds no prior state.`,
      };
      return { ...plan, ...timing };
    }
    const suspect = graph.bySha.get(change.id);
    const path = change.paths[0];
    const job = trace.jobs.find((j) => j.codePath && path && samePath(path, j.codePath));
    let earlier: (typeof set.commits)[number] | undefined;
    for (let i = set.commits.length - 1; i >= 0 && path !== undefined; i--) {
      const c = set.commits[i]!;
      if (c.sha === change.id || c.parents.length > 1 || !c.changedPaths.some((p) => samePath(p.path, path))) continue;
      if (graph.isAncestor(c.sha, change.id)) {
        earlier = c;
        break;
      }
    }
    const merge = graph.mergeOf(change.id);
    const revert = merge ? `git revert -m 1 ${merge.sha}` : `git revert ${change.id}`;
    // The fastest way back: redeploy what the environment ran before the deployment that shipped the change.
    const shipped = firstDeploymentTo(environment, deploymentsShipping(change.id, set.deployments, graph));
    const before = shipped ? previousDeployment(set.deployments, shipped) : undefined;
    const redeploy =
      shipped && before
        ? {
            deployment: before.id,
            commit: before.commit,
            environment: shipped.environment,
            evidence: before.provenance,
          }
        : undefined;
    const now = redeploy
      ? ` Until the revert ships, redeploy ${redeploy.commit} to ${redeploy.environment} (what ${redeploy.deployment} deployed before ${shipped?.id}).`
      : '';
    return {
      changeId: change.id,
      jobId: job?.id,
      path,
      repository: suspect?.repository,
      suspectCommit: change.id,
      previousCommit: earlier?.sha,
      previousCommitDate: earlier?.committerDate,
      ...(redeploy && { redeploy }),
      rollback: earlier
        ? `${revert} — restores ${path} to its state at ${earlier.sha} (the last known-good version), then deploy through staging.${now}`
        : `${revert} — no earlier version of ${path ?? 'the code'} is in the history.${now}`,
      ...timing,
    };
  });
}

/** The median hours from merge to the first production deployment containing the merge, over recent changes. */
export function mergeToProduction(set: EvidenceSet, recent = 50): { median?: number; count: number } {
  const graph = commitGraph(set.commits, set.pullRequests);
  const prod = set.deployments.filter((d) => PRODUCTION.test(d.environment) && succeeded(d));
  const merged = set.pullRequests
    .filter((p) => p.mergedAt && p.mergeCommitSha && graph.bySha.has(p.mergeCommitSha))
    .sort((a, b) => Date.parse(b.mergedAt as string) - Date.parse(a.mergedAt as string))
    .slice(0, recent);
  const hours: number[] = [];
  for (const pr of merged) {
    const t = Date.parse(pr.mergedAt as string);
    const d = prod.find(
      (x) =>
        Date.parse(x.timestamp) >= t &&
        graph.isAncestor(pr.mergeCommitSha as string, graph.resolve(x.commit) ?? x.commit),
    );
    if (d) hours.push((Date.parse(d.timestamp) - t) / 3_600_000);
  }
  hours.sort((a, b) => a - b);
  const n = hours.length;
  if (n === 0) return { count: 0 };
  const median = n % 2 ? hours[n >> 1]! : (hours[n / 2 - 1]! + hours[n / 2]!) / 2;
  return { median: Math.round(median * 10) / 10, count: n };
}

const SERIES_WORD: Readonly<Record<OnsetEstimate['seriesBy'], string>> = {
  feature_version: 'feature version',
  dataset_version: 'dataset version',
  run: 'the data written by run',
  day: 'day',
};

/** The last known-good version behind each plan, with the outcome rates of the decisions under it. */
export function lastKnownGood(onset: OnsetEstimate, plans: ReadonlyArray<RemediationPlan>): LastKnownGood[] {
  const at = onset.series.findIndex((b) => b.key === onset.key);
  const good = at > 0 ? onset.series[at - 1] : undefined;
  const bad = at >= 0 ? onset.series[at] : undefined;
  return plans.map((p) => {
    const rates = good
      ? `; decisions on ${SERIES_WORD[onset.seriesBy]} ${good.key}: ${good.decisions}, ${onset.outcome} rate ${good.rate}${bad ? ` (${bad.rate} on ${bad.key})` : ''}`
      : '';
    const version = p.previousCommit;
    return {
      changeId: p.changeId,
      version,
      featureVersion: onset.seriesBy === 'feature_version' ? good?.key : undefined,
      decisions: good?.decisions,
      rate: good?.rate,
      rateAfter: bad?.rate,
      text: `${version ? `${p.path ?? 'the code'} at ${version}` : p.rollback}${rates}`,
    };
  });
}
