/**
 * The deployment rules of a change: the deployments that shipped it (a deployment of C ships everything reachable
 * from C, within its component), each must contain the approved merge and ship nothing unapproved; staging must
 * come before production, and for how long is said.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Commit, Deployment, PullRequest } from '../model/records';
import { samePath, type CommitGraph } from './commit-graph';
import { validApprovers } from './approval-rules';
import {
  coversComponent,
  deploymentsShipping,
  previousDeployment,
  PRODUCTION,
  STAGING,
  type ComponentRef,
} from './deployments';
import type { RuleFinding } from './engine-types';

const HOUR = 3_600_000;
const WALK_LIMIT = 5_000;

/** The non-merge commits a deployment shipped that the previous deployment to its environment had not. */
export function newlyShipped(
  set: EvidenceSet,
  graph: CommitGraph,
  d: Deployment,
  jobs: ReadonlyArray<ComponentRef>,
): Commit[] {
  const prev = previousDeployment(set.deployments, d);
  if (!prev) return [];
  const deployed = graph.resolve(d.commit) ?? d.commit;
  const base = graph.resolve(prev.commit) ?? prev.commit;
  const out: Commit[] = [];
  const seen = new Set<string>();
  const stack = [deployed];
  while (stack.length && seen.size < WALK_LIMIT) {
    const s = stack.pop() as string;
    if (seen.has(s)) continue;
    seen.add(s);
    const c = graph.bySha.get(s);
    if (!c || graph.isAncestor(s, base)) continue;
    if (c.parents.length < 2) out.push(c);
    stack.push(...c.parents);
  }
  const paths = jobs.map((j) => j.codePath).filter((p): p is string => p !== undefined);
  return d.component && paths.length
    ? out.filter((c) => c.changedPaths.some((p) => paths.some((path) => samePath(p.path, path))))
    : out;
}

export interface DeploymentCheck {
  readonly shipping: ReadonlyArray<Deployment>;
  readonly firstPerEnv: ReadonlyArray<Deployment>;
  readonly findings: ReadonlyArray<RuleFinding>;
  readonly violation: boolean;
  readonly missingRecord: boolean;
}

/** The deployment rules for a commit (or a deployed commit) and the jobs it touches. */
export function checkDeployments(
  set: EvidenceSet,
  graph: CommitGraph,
  sha: string,
  jobs: ReadonlyArray<ComponentRef>,
  pr: PullRequest | undefined,
): DeploymentCheck {
  if (set.deployments.length === 0) {
    const text = 'No deployment records are imported: where it ran cannot be checked.';
    return {
      shipping: [],
      firstPerEnv: [],
      findings: [{ rule: 'evidence', ok: false, text }],
      violation: false,
      missingRecord: true,
    };
  }
  const shipping = deploymentsShipping(sha, set.deployments, graph).filter(
    (d) => jobs.length === 0 || jobs.some((j) => coversComponent(d, j)),
  );
  const findings: RuleFinding[] = [];
  let violation = false;
  if (shipping.length === 0)
    findings.push({ rule: 'staging-before-production', ok: true, text: 'No deployment record ships this change.' });
  const firstPerEnv = new Map<string, Deployment>();
  for (const d of shipping) if (!firstPerEnv.has(d.environment)) firstPerEnv.set(d.environment, d);
  const prod = [...firstPerEnv.values()].find((d) => PRODUCTION.test(d.environment));
  const merge = pr?.mergeCommitSha ? graph.resolve(pr.mergeCommitSha) : undefined;
  for (const d of firstPerEnv.values()) {
    const afterProd =
      prod !== undefined && STAGING.test(d.environment) && Date.parse(d.timestamp) > Date.parse(prod.timestamp);
    findings.push({
      rule: 'staging-before-production',
      ok: !afterProd,
      text: `Deployed to ${d.environment} at ${d.timestamp} (${d.id}, commit ${d.commit.slice(0, 12)})${afterProd ? `, after it had reached ${prod.environment}` : ''}.`,
      evidence: d.provenance,
    });
    const deployed = graph.resolve(d.commit) ?? d.commit;
    if (merge && !graph.isAncestor(merge, deployed)) {
      violation = true;
      findings.push({
        rule: 'deployment-contains-merge',
        ok: false,
        text: `${d.id} deployed ${d.commit.slice(0, 12)}, which does not contain the approved merge ${merge.slice(0, 12)} of pull request #${pr?.number}: it shipped something other than what was merged.`,
        evidence: d.provenance,
        records: [d.provenance, ...(pr ? [pr.provenance] : [])],
      });
    }
    const unapproved = newlyShipped(set, graph, d, jobs).filter((c) => {
      if (c.sha === sha) return false;
      const other = graph.pullRequestOf(c.sha);
      return set.pullRequests.length > 0 && (!other || validApprovers(other).length === 0);
    });
    if (unapproved.length > 0) {
      violation = true;
      findings.push({
        rule: 'deployment-ships-unapproved',
        ok: false,
        text: `${d.id} also shipped ${unapproved.length} unapproved change(s): ${unapproved
          .slice(0, 5)
          .map((c) => `${c.sha.slice(0, 12)} "${c.subject}"`)
          .join(', ')}.`,
        evidence: d.provenance,
        records: [d.provenance, ...unapproved.slice(0, 5).map((c) => c.provenance)],
      });
    }
  }
  if (prod) {
    const staged = [...firstPerEnv.values()].find(
      (d) => STAGING.test(d.environment) && Date.parse(d.timestamp) <= Date.parse(prod.timestamp),
    );
    if (!staged) {
      violation = true;
      findings.push({
        rule: 'staging-before-production',
        ok: false,
        text: `Deployed to ${prod.environment} without a prior staging deployment.`,
        evidence: prod.provenance,
      });
    } else {
      const hours = (Date.parse(prod.timestamp) - Date.parse(staged.timestamp)) / HOUR;
      findings.push({
        rule: 'staging-before-production',
        ok: true,
        text: `In ${staged.environment} for ${hours.toFixed(1)} h (${staged.id}) before ${prod.environment} (${prod.id}).`,
        evidence: staged.provenance,
        records: [staged.provenance, prod.provenance],
      });
    }
  }
  return { shipping, firstPerEnv: [...firstPerEnv.values()], findings, violation, missingRecord: false };
}
