/**
 * Deployments as changes: a deployment to the decision's environment that changed which version of a traced job's
 * code ran there, where the commit that brought that version is not itself a suspect (it predates the window, or
 * the deployment went back to an older version or to a commit off the reviewed history). A deployment naming a job
 * without a code location (an untracked transformation) counts whenever it deploys another commit than before; one
 * that names no traced job with a code location (a whole repository, an unclaimed component) may have changed such a
 * job, and is listed as that — a possible change, scored unknown where it cannot be tied to the job.
 */
import { distanceTerm, intervalTimingTerm, weigh } from './change-score';
import { consistencyOf } from './consistency';
import { coversComponent, previousDeployment, PRODUCTION, STAGING, succeeded } from './deployments';
import { samePath } from './commit-graph';
import { isDocument } from './document-paths';
import { reachLabel, refIndex, wasMerged } from './git-refs';
import { jobRepository, pathVersionAt } from './running-code';
import type { Suspect } from './engine-types';
import type { SuspectContext } from './suspect-context';
import type { Deployment } from '../model/records';
import type { TracedJob } from './types';

const HOUR = 3_600_000;

/** The deployment suspects of the window; `listed` holds the suspects already listed (commits, audit entries). */
export function deploymentSuspects(ctx: SuspectContext, listed: ReadonlyArray<Suspect>): Suspect[] {
  const out: Suspect[] = [];
  const env = ctx.environment?.toLowerCase();
  const ran = new Set(listed.filter((s) => s.consistency.verdict !== 'never-ran').map((s) => s.id));
  const refs = refIndex(ctx.set.commits);
  const repositoryOf = new Map(
    ctx.trace.jobs.map(
      (j) => [j.id, j.codePath ? jobRepository(ctx.set, ctx.graph, j).repository : undefined] as const,
    ),
  );
  for (const d of ctx.set.deployments) {
    const t = Date.parse(d.timestamp);
    if (t < ctx.windowStart || t > ctx.searchEnd || !succeeded(d)) continue;
    if (env && d.environment.toLowerCase() !== env) continue;
    const deployed = ctx.graph.resolve(d.commit) ?? d.commit;
    const deployedIn = ctx.graph.bySha.get(deployed)?.repository;
    // A job without a code location counts when the deployment names it: its versions cannot be compared.
    // A component path names a job's code only in that job's repository (the same path in another repository is
    // other code).
    const sameRepository = (j: (typeof ctx.trace.jobs)[number]) =>
      deployedIn === undefined || repositoryOf.get(j.id) === deployedIn;
    const jobs = ctx.trace.jobs.filter((j) =>
      j.codePath ? coversComponent(d, j) && sameRepository(j) : d.component === j.id,
    );
    // A job without a code location may be in any deployment that names no job with one (a whole repository, or a
    // component no traced job claims): whether the deployment changed its code is not known.
    const claimed = ctx.trace.jobs.some(
      (j) => j.codePath && d.component !== undefined && coversComponent(d, j) && sameRepository(j),
    );
    const possible = claimed
      ? []
      : ctx.trace.jobs.filter((j) => !j.codePath && d.component !== j.id && !jobs.includes(j));
    if (jobs.length === 0 && possible.length === 0) continue;
    const repositoryOfCommit = (sha: string) => ctx.graph.bySha.get(ctx.graph.resolve(sha) ?? sha)?.repository;
    const prev = previousDeployment(
      ctx.set.deployments,
      d,
      (x) => deployedIn === undefined || (repositoryOfCommit(x.commit) ?? deployedIn) === deployedIn,
    );
    const prevCommit = prev ? (ctx.graph.resolve(prev.commit) ?? prev.commit) : undefined;
    const versionIn = (j: (typeof jobs)[number], commit: string) => {
      const repository = repositoryOf.get(j.id);
      return repository && ctx.graph.bySha.has(commit)
        ? pathVersionAt(ctx.set, ctx.graph, repository, j.codePath as string, commit)?.sha
        : undefined;
    };
    const surely = jobs.filter((j) => {
      if (!j.codePath) return prevCommit !== deployed;
      const now = versionIn(j, deployed);
      return now !== (prevCommit ? versionIn(j, prevCommit) : undefined);
    });
    const backwards = prevCommit !== undefined && deployed !== prevCommit && ctx.graph.isAncestor(deployed, prevCommit);
    const unmerged = !wasMerged(refs.reach(deployed));
    // The vehicle of a listed commit is not a rival suspect for the jobs that commit changed (skipping staging is a
    // finding of that commit's release), unless it went back to older code or shipped code the default branch never
    // had; it stays a possible change of the jobs that keep no code location.
    const vehicle =
      surely.length > 0 &&
      surely.every((j) => j.codePath && ran.has(versionIn(j, deployed) ?? '')) &&
      !backwards &&
      !unmerged;
    // What the deployment shipped says whether it can have changed a job without a code location: not when every
    // path its commits changed is the code of a job whose code is known, or a document no job executes.
    const shipped = prevCommit ? shippedPaths(ctx, deployed, prevCommit) : undefined;
    const located = ctx.trace.jobs.flatMap((j) => (j.codePath && sameRepository(j) ? [j.codePath] : []));
    const onlyLocated =
      shipped !== undefined && shipped.every((p) => isDocument(p) || located.some((c) => samePath(p, c)));
    const maybe = (surely.length === 0 || vehicle) && prevCommit !== deployed && !onlyLocated ? possible : [];
    const changed = surely.length > 0 && !vehicle ? surely : maybe;
    if (changed.length === 0) continue;
    const staged = ctx.set.deployments.some(
      (x) =>
        succeeded(x) &&
        STAGING.test(x.environment) &&
        Date.parse(x.timestamp) <= t &&
        ctx.graph.isAncestor(deployed, ctx.graph.resolve(x.commit) ?? x.commit),
    );
    const skipped =
      PRODUCTION.test(d.environment) && ctx.set.deployments.some((x) => STAGING.test(x.environment)) && !staged;
    const deviates = backwards || unmerged || skipped;
    const reviewed = ctx.graph.pullRequestOf(deployed) !== undefined || ctx.graph.mergeOf(deployed) !== undefined;
    const outside = deviates || (ctx.set.pullRequests.length > 0 && !reviewed);
    const depth = Math.min(...changed.map((j) => j.depth));
    // One release deploying a commit to several components: where it changed the code of a job whose code is known,
    // the components whose code is not known are less surely changed by it.
    const sibling = changed.every((j) => !j.codePath)
      ? releaseSibling(ctx, d, deployed, (j, commit) => versionIn(j, commit))
      : undefined;
    const how = [
      backwards ? `went back to ${deployed.slice(0, 12)}, older than ${prevCommit?.slice(0, 12)}` : '',
      unmerged ? `${deployed.slice(0, 12)} is ${reachLabel(refs.reach(deployed))}` : '',
      skipped ? 'no staging deployment shipped it first' : '',
    ].filter(Boolean);
    const { score, reasons } = weigh({
      timing: { value: intervalTimingTerm(t, ctx.interval), note: `deployed to ${d.environment} at ${d.timestamp}` },
      distance: { value: distanceTerm(depth, ctx.nearest), note: `changes ${changed.map((j) => j.id).join(', ')}` },
      kind:
        maybe.length > 0
          ? {
              value: 0.5,
              note: `deploys ${d.commit.slice(0, 12)}; ${maybe.map((j) => j.id).join(', ')} keep no code location: whether it changed their code is not known`,
            }
          : sibling
            ? {
                value: 0.75,
                note: `deploys ${d.commit.slice(0, 12)} to ${changed.map((j) => j.id).join(', ')}, which keep no code location, in the release where ${sibling.id} deployed it to ${sibling.component}, whose code it changed: whether it changed theirs is not known`,
              }
            : { value: 1, note: `deploys ${d.commit.slice(0, 12)}` },
      'in running version': {
        value: maybe.length > 0 ? 0.5 : 1,
        note: `${d.environment} ran the deployed code from ${d.timestamp}`,
      },
      'touched field': { value: 0.5, note: 'a deployment names no fields: unknown' },
      'outside workflow': {
        value: outside ? 1 : 0,
        note: how.length
          ? how.join('; ')
          : outside
            ? 'the deployed commit came through no pull request'
            : 'the deployed commit was reviewed',
      },
    });
    out.push({
      id: d.id,
      kind: 'deployment',
      ...(maybe.length > 0 && { possible: true }),
      timestamp: d.timestamp,
      effectiveTime: d.timestamp,
      actor: d.actor ?? 'unknown',
      summary: `${backwards ? 'rolled back' : 'deployed'} ${maybe.length > 0 ? `${d.component ?? d.repository ?? 'the repository'} (possibly ${changed.map((j) => j.id).join(', ')}, which keep no code location)` : changed.map((j) => j.id).join(', ')} to ${d.environment} at ${d.commit.slice(0, 12)}${how.length ? ` (${how.join('; ')})` : ''}`,
      touches: changed.map((j) => j.id),
      paths: changed.flatMap((j) => (j.codePath ? [j.codePath] : [])),
      score,
      reasons,
      evidence: d.provenance,
      repository: d.repository ?? deployedIn,
      consistency: consistencyOf(
        ctx,
        t,
        changed.map((j) => j.id),
      ),
    });
  }
  return out;
}

/** Within an hour of `d`, a deployment of the same commit to the same environment that changed a located job's code. */
function releaseSibling(
  ctx: SuspectContext,
  d: Deployment,
  deployed: string,
  versionIn: (j: TracedJob, commit: string) => string | undefined,
): Deployment | undefined {
  const t = Date.parse(d.timestamp);
  return ctx.set.deployments.find((x) => {
    if (x === d || !succeeded(x) || x.environment !== d.environment) return false;
    if (Math.abs(Date.parse(x.timestamp) - t) > HOUR || (ctx.graph.resolve(x.commit) ?? x.commit) !== deployed)
      return false;
    const prev = previousDeployment(ctx.set.deployments, x);
    const before = prev ? (ctx.graph.resolve(prev.commit) ?? prev.commit) : undefined;
    return ctx.trace.jobs.some(
      (j) =>
        j.codePath !== undefined &&
        coversComponent(x, j) &&
        versionIn(j, deployed) !== undefined &&
        versionIn(j, deployed) !== (before ? versionIn(j, before) : undefined),
    );
  });
}

/** The most commits walked to list what a deployment shipped; beyond it, what it shipped is not known. */
const SHIPPED_WALK = 2000;

/**
 * The paths changed by the commits `deployed` has and `prev` has not (what a deployment shipped over the one before
 * it), or undefined where the history does not hold them all.
 */
function shippedPaths(ctx: SuspectContext, deployed: string, prev: string): string[] | undefined {
  if (!ctx.graph.bySha.has(deployed) || !ctx.graph.bySha.has(prev) || !ctx.graph.isAncestor(prev, deployed))
    return undefined;
  const paths = new Set<string>();
  const seen = new Set<string>();
  const todo = [deployed];
  while (todo.length > 0) {
    const sha = todo.pop() as string;
    if (seen.has(sha) || ctx.graph.isAncestor(sha, prev)) continue;
    seen.add(sha);
    const commit = ctx.graph.bySha.get(sha);
    if (!commit || seen.size > SHIPPED_WALK) return undefined;
    for (const p of commit.changedPaths) paths.add(p.path);
    todo.push(...commit.parents);
  }
  return [...paths];
}
