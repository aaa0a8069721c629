import type { Deployment } from '../model/records';
import { samePath, type CommitGraph } from './commit-graph';
import { timesOf } from './record-times';

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
  const { ok, deployed, generation } = deployedCommits(deployments, graph);
  return deployments.filter((_d, i) => {
    if (!ok[i]) return false;
    const gd = generation[i] as number;
    if (g > 0 && gd > 0 && gd < g) return false;
    return graph.isAncestor(sha, deployed[i] as string);
  });
}

interface DeployedCommits {
  readonly graph: CommitGraph;
  /** 1 where the deployment succeeded. */
  readonly ok: Uint8Array;
  /** The full SHA each deployment deployed (as recorded where the history lacks it). */
  readonly deployed: ReadonlyArray<string>;
  readonly generation: Float64Array;
}

const deployedMemo = new WeakMap<ReadonlyArray<Deployment>, DeployedCommits>();

/** What each deployment shipped, resolved once per deployment list and commit graph. */
function deployedCommits(deployments: ReadonlyArray<Deployment>, graph: CommitGraph): DeployedCommits {
  const known = deployedMemo.get(deployments);
  if (known?.graph === graph) return known;
  const ok = new Uint8Array(deployments.length);
  const deployed: string[] = [];
  const generation = new Float64Array(deployments.length);
  deployments.forEach((d, i) => {
    ok[i] = succeeded(d) ? 1 : 0;
    deployed.push(graph.resolve(d.commit) ?? d.commit);
    generation[i] = graph.generation(deployed[i] as string);
  });
  const commits = { graph, ok, deployed, generation };
  deployedMemo.set(deployments, commits);
  return commits;
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
  const times = timesOf(deployments, 'timestamp');
  const env = environment.toLowerCase();
  for (let i = 0; i < deployments.length; i++) {
    if ((times[i] as number) > t) break;
    const d = deployments[i] as Deployment;
    if (succeeded(d) && d.environment.toLowerCase() === env && coversComponent(d, job)) found = d;
  }
  return found;
}

/**
 * The previous successful deployment to the same environment (and component, and repository where both name one)
 * before `d`, among those `alike` also accepts (all by default).
 */
export function previousDeployment(
  deployments: ReadonlyArray<Deployment>,
  d: Deployment,
  alike: (x: Deployment) => boolean = () => true,
): Deployment | undefined {
  let found: Deployment | undefined;
  const times = timesOf(deployments, 'timestamp');
  const at = Date.parse(d.timestamp);
  const env = d.environment.toLowerCase();
  for (let i = 0; i < deployments.length; i++) {
    const x = deployments[i] as Deployment;
    if (x === d || (times[i] as number) > at) break;
    if (!succeeded(x) || x.environment.toLowerCase() !== env || x.component !== d.component) continue;
    // Another repository's deployment ran other code: it is not what this one replaced.
    if (d.repository !== undefined && x.repository !== undefined && x.repository !== d.repository) continue;
    if (alike(x)) found = x;
  }
  return found;
}
