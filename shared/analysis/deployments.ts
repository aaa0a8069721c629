import type { Deployment } from '../model/records';
import type { CommitGraph } from './commit-graph';

/**
 * The deployments that shipped a commit: those whose deployed commit contains it (a deployment of C ships
 * everything reachable from C), oldest first. Failed deployments do not ship.
 */
export function deploymentsShipping(
  sha: string,
  deployments: ReadonlyArray<Deployment>,
  graph: CommitGraph,
): Deployment[] {
  return deployments.filter((d) => {
    if (d.status && !/^(success|succeeded|ok|completed|active)$/i.test(d.status)) return false;
    const deployed = graph.resolve(d.commit) ?? d.commit;
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
