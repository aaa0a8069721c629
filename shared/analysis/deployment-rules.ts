/**
 * The deployment rules. For a change: the deployments that shipped it (a deployment of C ships everything reachable
 * from C, within its component), each must contain the approved merge, production must not run it from an unmerged
 * branch, and staging must come before production (for how long is said). Other changes a deployment also shipped
 * are reported, but their lack of approval is their own finding, not this change's. For a deployment judged as a
 * change of its own: it must promote a commit staging had run (a rollback to older code included), from the default
 * branch, and ship nothing unapproved that a job runs (a change of documents only is its own finding).
 */
import { countOf } from '../model/count-words';
import type { EvidenceSet } from '../model/evidence-set';
import type { Commit, Deployment, PullRequest } from '../model/records';
import { pullRequestBringing, validApprovers } from './approval-rules';
import { samePath, type CommitGraph } from './commit-graph';
import {
  coversComponent,
  deploymentsShipping,
  previousDeployment,
  PRODUCTION,
  STAGING,
  succeeded,
  type ComponentRef,
} from './deployments';
import { isDocument } from './document-paths';
import type { RuleFinding } from './engine-types';
import { reachLabel, refIndex, wasMerged } from './git-refs';

const HOUR = 3_600_000;
const WALK_LIMIT = 5_000;

/** Environment words a job namespace may carry (`dbt-prod`, `airflow_staging`): the same job in each environment. */
const ENV_WORD = /(^|[-_.])(prod|production|prd|staging|stage|stg|dev|development|qa|uat|preprod|test)(?=$|[-_.])/gi;
const neutral = (namespace: string) =>
  namespace
    .replace(ENV_WORD, '$1')
    .replace(/[-_.]+/g, '-')
    .replace(/^-|-$/g, '');

function splitId(id: string): { namespace: string; name: string } | undefined {
  const i = id.indexOf(':');
  return i > 0 ? { namespace: id.slice(0, i), name: id.slice(i + 1) } : undefined;
}

const codePaths = new WeakMap<EvidenceSet['runs'], Map<string, string>>();

/** The code path each job of the lineage ran (`namespace:name` → `sourceCodeLocation.path`). */
function codePathOfJob(set: EvidenceSet): Map<string, string> {
  let paths = codePaths.get(set.runs);
  if (!paths) {
    paths = new Map();
    for (const r of set.runs)
      if (r.sourceCodeLocation?.path) paths.set(`${r.job.namespace}:${r.job.name}`, r.sourceCodeLocation.path);
    codePaths.set(set.runs, paths);
  }
  return paths;
}

/**
 * Whether a deployment covers the job, in its own environment or another one: no component, a component naming the
 * job or its code path, or naming the job's counterpart in another environment — the same name in a namespace that
 * differs only by an environment word, or a job whose runs executed the same code path.
 */
export function coversJob(set: EvidenceSet, d: Deployment, job: ComponentRef): boolean {
  if (coversComponent(d, job) || !d.component || !job.id) return coversComponent(d, job);
  const component = splitId(d.component);
  const own = splitId(job.id);
  if (component && own && component.name === own.name && neutral(component.namespace) === neutral(own.namespace))
    return true;
  const path = codePathOfJob(set).get(d.component);
  return path !== undefined && job.codePath !== undefined && samePath(path, job.codePath);
}

const sameRepository = (a: Deployment, b: Deployment) =>
  a.repository === undefined || b.repository === undefined || a.repository === b.repository;

/** The previous successful deployment to the same environment, component and repository before `d`. */
export function previousInEnvironment(deployments: ReadonlyArray<Deployment>, d: Deployment): Deployment | undefined {
  return previousDeployment(deployments, d, (x) => sameRepository(x, d));
}

/** The non-merge commits a deployment shipped that the previous deployment to its environment had not. */
export function newlyShipped(
  set: EvidenceSet,
  graph: CommitGraph,
  d: Deployment,
  jobs: ReadonlyArray<ComponentRef>,
): Commit[] {
  const prev = previousInEnvironment(set.deployments, d);
  if (!prev) return [];
  const deployed = graph.resolve(d.commit) ?? d.commit;
  const base = graph.resolve(prev.commit) ?? prev.commit;
  // Another repository's history (records without a repository) says nothing of what this deployment added.
  const repo = (sha: string) => graph.bySha.get(sha)?.repository;
  if (repo(deployed) !== undefined && repo(base) !== undefined && repo(deployed) !== repo(base)) return [];
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

/** The commits a deployment newly shipped that came through no validly approved pull request. */
function unapprovedShipped(
  set: EvidenceSet,
  graph: CommitGraph,
  d: Deployment,
  jobs: ReadonlyArray<ComponentRef>,
  except?: string,
): Commit[] {
  if (set.pullRequests.length === 0) return [];
  return newlyShipped(set, graph, d, jobs).filter((c) => {
    if (c.sha === except) return false;
    const other = pullRequestBringing(graph, c.sha);
    return !other || validApprovers(other).length === 0;
  });
}

const list = (commits: ReadonlyArray<Commit>) =>
  commits
    .slice(0, 5)
    .map((c) => `${c.sha.slice(0, 12)} "${c.subject}"`)
    .join(', ');

export interface DeploymentCheck {
  readonly shipping: ReadonlyArray<Deployment>;
  readonly firstPerEnv: ReadonlyArray<Deployment>;
  readonly findings: ReadonlyArray<RuleFinding>;
  readonly violation: boolean;
  readonly missingRecord: boolean;
}

/** The production deployment's commit, when no ref that reached it is the default branch or a tag. */
function unmergedNote(set: EvidenceSet, graph: CommitGraph, d: Deployment): string | undefined {
  if (!PRODUCTION.test(d.environment)) return undefined;
  const deployed = graph.resolve(d.commit) ?? d.commit;
  const reach = refIndex(set.commits).reach(deployed);
  return wasMerged(reach) ? undefined : reachLabel(reach);
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
    (d) => jobs.length === 0 || jobs.some((j) => coversJob(set, d, j)),
  );
  const findings: RuleFinding[] = [];
  let violation = false;
  if (shipping.length === 0)
    findings.push({
      rule: 'staging-before-production',
      ok: true,
      control: 'not-applicable',
      text: 'No deployment record ships this change.',
    });
  const firstPerEnv = new Map<string, Deployment>();
  for (const d of shipping) if (!firstPerEnv.has(d.environment)) firstPerEnv.set(d.environment, d);
  const prod = [...firstPerEnv.values()].find((d) => PRODUCTION.test(d.environment));
  const merge = pr?.mergeCommitSha ? graph.resolve(pr.mergeCommitSha) : undefined;
  const reach = refIndex(set.commits).reach(sha);
  const changeUnmerged = wasMerged(reach) ? undefined : reachLabel(reach);
  for (const d of firstPerEnv.values()) {
    const afterProd =
      prod !== undefined && STAGING.test(d.environment) && Date.parse(d.timestamp) > Date.parse(prod.timestamp);
    findings.push({
      rule: 'staging-before-production',
      ok: !afterProd,
      // Where it was deployed is a fact; the control is decided by the staging-before-production finding below.
      control: afterProd ? 'fail' : 'not-applicable',
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
    } else if (pr && !merge && !pr.mergedAt && PRODUCTION.test(d.environment)) {
      violation = true;
      findings.push({
        rule: 'deployment-contains-merge',
        ok: false,
        text: `${d.id} deployed ${d.commit.slice(0, 12)} to ${d.environment} from the branch of pull request #${pr.number}, which was never merged.`,
        evidence: d.provenance,
        records: [d.provenance, pr.provenance],
      });
    } else if (changeUnmerged && PRODUCTION.test(d.environment)) {
      violation = true;
      findings.push({
        rule: 'deployment-contains-merge',
        ok: false,
        text: `${d.id} deployed ${d.commit.slice(0, 12)} to ${d.environment}, yet ${sha.slice(0, 12)} is ${changeUnmerged}: production ran code the default branch never had.`,
        evidence: d.provenance,
      });
    }
    // What else the deployment shipped is the governance of those changes, reported here but not held against this one.
    const unapproved = unapprovedShipped(set, graph, d, jobs, sha);
    if (unapproved.length > 0)
      findings.push({
        rule: 'deployment-ships-unapproved',
        ok: true,
        control: 'not-applicable',
        text: `${d.id} also shipped ${countOf(unapproved.length, 'change')} without a valid approval: ${list(unapproved)} — findings of ${unapproved.length === 1 ? 'that change' : 'those changes'}, not of this one.`,
        evidence: d.provenance,
        records: [d.provenance, ...unapproved.slice(0, 5).map((c) => c.provenance)],
      });
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

/**
 * The rules of one deployment judged as a change: a production deployment promotes a commit that a staging
 * deployment of the same job ran before it — and, when it goes back to older code than production ran, one that
 * staging ran again after the release it replaces (otherwise it is a rollback outside the pipeline); it deploys a
 * commit of the default branch; and it ships no commit that came through no approved pull request.
 */
export function checkDeploymentItself(
  set: EvidenceSet,
  graph: CommitGraph,
  d: Deployment,
  jobs: ReadonlyArray<ComponentRef>,
): { findings: RuleFinding[]; violation: boolean } {
  const findings: RuleFinding[] = [];
  const deployed = graph.resolve(d.commit) ?? d.commit;
  const t = Date.parse(d.timestamp);
  // The deployed commit's own approval is judged with it; of the other commits it brought, those that change only
  // documents changed nothing any job runs: their lack of approval is their own finding.
  const shipped = unapprovedShipped(set, graph, d, jobs, deployed);
  const prose = shipped.filter((c) => c.changedPaths.length > 0 && c.changedPaths.every((p) => isDocument(p.path)));
  const unapproved = shipped.filter((c) => !prose.includes(c));
  if (unapproved.length > 0)
    findings.push({
      rule: 'deployment-ships-unapproved',
      ok: false,
      text: `${d.id} shipped ${countOf(unapproved.length, 'change')} that came through no approved pull request: ${list(unapproved)}.`,
      evidence: d.provenance,
      records: [d.provenance, ...unapproved.slice(0, 5).map((c) => c.provenance)],
    });
  if (prose.length > 0)
    findings.push({
      rule: 'deployment-ships-unapproved',
      ok: true,
      control: 'not-applicable',
      text: `${d.id} also shipped ${countOf(prose.length, 'change')} of documents only without a valid approval: ${list(prose)} — no job runs ${prose.length === 1 ? 'it; findings of that change' : 'them; findings of those changes'}, not of this one.`,
      evidence: d.provenance,
      records: [d.provenance, ...prose.slice(0, 5).map((c) => c.provenance)],
    });
  const unmerged = unmergedNote(set, graph, d);
  if (unmerged)
    findings.push({
      rule: 'deployment-contains-merge',
      ok: false,
      text: `${d.id} deployed ${d.commit.slice(0, 12)} to ${d.environment}, a commit ${unmerged}.`,
      evidence: d.provenance,
    });
  if (PRODUCTION.test(d.environment)) {
    const prev = previousInEnvironment(set.deployments, d);
    const prevCommit = prev ? (graph.resolve(prev.commit) ?? prev.commit) : undefined;
    const backwards = prev !== undefined && prevCommit !== deployed && graph.isAncestor(deployed, prevCommit as string);
    const since = backwards ? Date.parse((prev as Deployment).timestamp) : -Infinity;
    const staged = set.deployments.filter(
      (x) =>
        succeeded(x) &&
        STAGING.test(x.environment) &&
        sameRepository(x, d) &&
        (graph.resolve(x.commit) ?? x.commit) === deployed &&
        (jobs.length === 0 || jobs.some((j) => coversJob(set, x, j))) &&
        Date.parse(x.timestamp) <= t,
    );
    const promoted = staged.filter((x) => Date.parse(x.timestamp) >= since).pop();
    if (promoted)
      findings.push({
        rule: 'staging-before-production',
        ok: true,
        text: `${d.id} promoted ${d.commit.slice(0, 12)}, which staging ran from ${promoted.timestamp} (${promoted.id}).`,
        evidence: promoted.provenance,
        records: [promoted.provenance, d.provenance],
      });
    else if (backwards)
      findings.push({
        rule: 'staging-before-production',
        ok: false,
        text: `${d.id} rolled ${d.environment} back from ${prevCommit?.slice(0, 12)} (${prev?.id}) to the older ${d.commit.slice(0, 12)}${staged.length ? `, last staged ${staged[staged.length - 1]?.timestamp}` : ''}: a redeploy of an old release that staging did not run again first.`,
        evidence: d.provenance,
        records: [d.provenance, ...(prev ? [prev.provenance] : [])],
      });
    else
      findings.push({
        rule: 'staging-before-production',
        ok: false,
        text: `${d.id} deployed ${d.commit.slice(0, 12)} to ${d.environment}, a commit no staging deployment had run.`,
        evidence: d.provenance,
      });
  }
  return { findings, violation: findings.some((f) => !f.ok) };
}
