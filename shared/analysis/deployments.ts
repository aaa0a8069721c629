import type { Deployment } from '../model/records';
import { samePath, type CommitGraph } from './commit-graph';

const SUCCEEDED = /^(success|succeeded|ok|completed|active)$/i;

/** Whether a deployment record shipped anything: failed and cancelled deployments do not. */
export const succeeded = (d: Deployment): boolean => !d.status || SUCCEEDED.test(d.status);

/** The environment names the analysis treats as staging and as production. */
export const STAGING = /^(stag|preprod|pre-prod|uat|qa)/i;
export const PRODUCTION = /^prod/i;

/** What a job is known by: its id (`namespace:name`) and its code path. */
export interface ComponentRef {
  readonly id?: string;
  readonly codePath?: string;
}

/** Whether a deployment's `component` covers the job (no component = the whole repository). */
export function coversComponent(d: Deployment, job: ComponentRef | undefined): boolean {
  if (!d.component || !job) return true;
  return d.component === job.id || (job.codePath !== undefined && samePath(d.component, job.codePath));
}

/**
 * The deployments that shipped a commit: those whose deployed commit contains it (a deployment of C ships
 * everything reachable from C), oldest first. Failed deployments do not ship.
 */
export function deploymentsShipping(
  sha: string,
  deployments: ReadonlyArray<Deployment>,
  graph: CommitGraph,
): Deployment[] {
  const g = graph.generation(sha);
  return deployments.filter((d) => {
    if (!succeeded(d)) return false;
    const deployed = graph.resolve(d.commit) ?? d.commit;
    if (g > 0 && graph.generation(deployed) > 0 && graph.generation(deployed) < g) return false;
    return graph.isAncestor(sha, deployed);
  });
}

/** The first deployment of the commit to an environment (case-insensitive), if any. */
export function firstDeploymentTo(
  environment: string | undefined,
  shipping: ReadonlyArray<Deployment>,
): Deployment | undefined {
  if (!environment) return shipping[0];
  return shipping.find((d) => d.environment.toLowerCase() === environment.toLowerCase());
}

/**
 * The last successful deployment to an environment at or before `t` that covers the job: what that environment
 * ran then. Deployments must be sorted by time (as the evidence set keeps them).
 */
export function runningAt(
  deployments: ReadonlyArray<Deployment>,
  environment: string,
  t: number,
  job?: ComponentRef,
): Deployment | undefined {
  let found: Deployment | undefined;
  for (const d of deployments) {
    if (Date.parse(d.timestamp) > t) break;
    if (succeeded(d) && d.environment.toLowerCase() === environment.toLowerCase() && coversComponent(d, job)) found = d;
  }
  return found;
}

/** The previous successful deployment to the same environment (and component) before `d`. */
export function previousDeployment(deployments: ReadonlyArray<Deployment>, d: Deployment): Deployment | undefined {
  let found: Deployment | undefined;
  for (const x of deployments) {
    if (x === d || Date.parse(x.timestamp) > Date.parse(d.timestamp)) break;
    if (succeeded(x) && x.environment.toLowerCase() === d.environment.toLowerCase() && x.component === d.component)
      found = x;
  }
  return found;
}
