/**
 * Deployments as changes: a deployment to the decision's environment that changed which version of a traced job's
 * code ran there, where the commit that brought that version is not itself a suspect (it predates the window, or
 * the deployment went back to an older version or to a commit off the reviewed history). A deployment naming a job
 * without a code location (an untracked transformation) counts whenever it deploys another commit than before.
 */
import { pathHistory, versionAsOf } from '../lineage/code-history';
import { distanceTerm, intervalTimingTerm, kindTerm, weigh } from './change-score';
import { coversComponent, previousDeployment, succeeded } from './deployments';
import type { Suspect } from './engine-types';
import type { SuspectContext } from './suspect-context';

/** The deployment suspects of the window; `listed` holds the ids already suspected (commits). */
export function deploymentSuspects(ctx: SuspectContext, listed: ReadonlySet<string>): Suspect[] {
  const out: Suspect[] = [];
  const env = ctx.environment?.toLowerCase();
  for (const d of ctx.set.deployments) {
    const t = Date.parse(d.timestamp);
    if (t < ctx.windowStart || t > ctx.onsetMs || !succeeded(d)) continue;
    if (env && d.environment.toLowerCase() !== env) continue;
    // A job without a code location counts when the deployment names it: its versions cannot be compared.
    const jobs = ctx.trace.jobs.filter((j) => (j.codePath ? coversComponent(d, j) : d.component === j.id));
    if (jobs.length === 0) continue;
    const deployed = ctx.graph.resolve(d.commit) ?? d.commit;
    const prev = previousDeployment(ctx.set.deployments, d);
    const prevCommit = prev ? (ctx.graph.resolve(prev.commit) ?? prev.commit) : undefined;
    const changed = jobs.filter((j) => {
      if (!j.codePath) return prevCommit !== deployed;
      const history = pathHistory(ctx.set, j.codePath as string);
      const now = versionAsOf(history, t, ctx.graph, deployed)?.commit.sha;
      const before = prevCommit ? versionAsOf(history, t, ctx.graph, prevCommit)?.commit.sha : undefined;
      return now !== before && (now === undefined || !listed.has(now));
    });
    if (changed.length === 0) continue;
    const backwards = prevCommit !== undefined && ctx.graph.isAncestor(deployed, prevCommit) && deployed !== prevCommit;
    const reviewed = ctx.graph.pullRequestOf(deployed) !== undefined || ctx.graph.mergeOf(deployed) !== undefined;
    const outside = ctx.set.pullRequests.length > 0 && !reviewed;
    const depth = Math.min(...changed.map((j) => j.depth));
    const ran = changed.some(
      (j) => j.codeVersion && ctx.graph.isAncestor(deployed, ctx.graph.resolve(j.codeVersion) ?? ''),
    );
    const unnamed = changed.every((j) => !j.codeVersion);
    const { score, reasons } = weigh({
      timing: { value: intervalTimingTerm(t, ctx.interval), note: `deployed to ${d.environment} at ${d.timestamp}` },
      distance: { value: distanceTerm(depth, ctx.nearest), note: `changes ${changed.map((j) => j.id).join(', ')}` },
      kind: { value: kindTerm(changed.map((j) => j.codePath ?? j.id)), note: `deploys ${d.commit.slice(0, 12)}` },
      'in running version': {
        value: ran ? 1 : unnamed ? 0.5 : 0,
        note: ran
          ? 'the runs executed the deployed code'
          : unnamed
            ? 'the runs do not name the code they executed'
            : 'the runs did not execute the deployed code',
      },
      'touched field': { value: 0.5, note: 'a deployment names no fields' },
      'outside workflow': {
        value: outside ? 1 : 0,
        note: outside ? 'the deployed commit came through no pull request' : 'the deployed commit was reviewed',
      },
    });
    out.push({
      id: d.id,
      kind: 'deployment',
      timestamp: d.timestamp,
      effectiveTime: d.timestamp,
      actor: d.actor ?? 'unknown',
      summary: `${backwards ? 'rolled back' : 'deployed'} ${changed.map((j) => j.id).join(', ')} to ${d.environment} at ${d.commit.slice(0, 12)}`,
      touches: changed.map((j) => j.id),
      paths: changed.flatMap((j) => (j.codePath ? [j.codePath] : [])),
      score,
      reasons,
      evidence: d.provenance,
      repository: d.repository,
    });
  }
  return out;
}
