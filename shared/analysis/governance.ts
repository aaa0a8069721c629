import { runPullRequestOf } from './run-pull-request';
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit, Deployment } from '../model/records';
import { checkApproval } from './approval-rules';
import { reachLabel, refIndex, wasMerged } from './git-refs';
import { controlVerdict } from './governance-controls';
import { commitGraph, samePath, type CommitGraph } from './commit-graph';
import { checkDeploymentItself, checkDeployments } from './deployment-rules';
import { deploymentsShipping, PRODUCTION, succeeded, type ComponentRef } from './deployments';
import { enforcementFindings, type PlanInForce } from './enforcement';
import type { ParityReport, RuleFinding } from './engine-types';
import { jobRepository, runningCode } from './running-code';
import { environmentParity } from './parity';
import { timesOf } from './record-times';
import type { Change, GovernanceRow, TraceResult } from './types';

/** What governance needs of a change (a `Change` or a `Suspect`). */
export type GovernedChange = Pick<Change, 'id' | 'touches' | 'paths' | 'timestamp'> & { readonly kind: string };

export interface GovernanceOptions {
  /** The trace, to know the jobs a change touched and which paths hold tracking plans. */
  readonly trace?: TraceResult;
  /** The decision's time: environment parity and enforcement are checked as of it. */
  readonly asOf?: string;
}

export interface GovernanceResult extends GovernanceRow {
  readonly parity?: ParityReport;
}

const TRACKING_PLAN = /(^|\/)(tracking[-_]?plans?|protocols|data[-_]?catalog)(\/|\.|$)/i;
const baseName = (p: string) => (p.split('/').pop() ?? p).replace(/\.(ya?ml|json)$/i, '');

/**
 * For each change: the approval rules (approving reviewer ≠ author, on the merged commit, before the merge), the
 * deployment rules (the approved merge deployed, nothing unapproved shipped with it, staging before production and
 * for how long), environment parity at the decision's time, and enforcement of the rule version in force. Changes
 * outside the versioned workflow (UI or API edits, manual identity merges) are unauthorized. A verdict per change —
 * compliant, violation, or insufficient evidence where a needed record is missing — with every finding linked to
 * its evidence. A deployment judged as a change also answers for itself (it promoted what staging ran, rolled back
 * only through staging, deployed the default branch, shipped nothing unapproved); a commit does not answer for the
 * other changes its deployment shipped. Separate from the ranking: a compliant change can be the cause.
 */
export function validateGovernance(
  set: EvidenceSet,
  changes: ReadonlyArray<GovernedChange>,
  options: GovernanceOptions = {},
): GovernanceResult[] {
  const graph = commitGraph(set.commits, set.pullRequests);
  const audit = new Map(set.audit.map((a) => [a.id, a] as const));
  const deployments = new Map(set.deployments.map((d) => [d.id, d] as const));
  return changes.map((change) => {
    const jobs: ComponentRef[] = (options.trace?.jobs ?? []).filter((j) => change.touches.includes(j.id));
    if (change.kind === 'commit') {
      const commit = graph.bySha.get(change.id);
      if (commit) return commitGovernance(commit, change, jobs, set, graph, options);
    }
    if (change.kind === 'deployment') {
      const d = deployments.get(change.id);
      const commit = d ? graph.bySha.get(graph.resolve(d.commit) ?? d.commit) : undefined;
      if (d && commit)
        return { ...commitGovernance(commit, change, jobs, set, graph, options, d), changeId: change.id };
    }
    if (change.kind === 'schema') {
      const commit = schemaCause(set, graph, change.id);
      if (commit) {
        const row = commitGovernance(commit, change, jobs, set, graph, options);
        const cause: RuleFinding = {
          rule: 'evidence',
          ok: true,
          text: `The schema was written by code at ${commit.sha.slice(0, 12)} ("${commit.subject}"); its governance follows.`,
          evidence: commit.provenance,
        };
        return { ...row, changeId: change.id, findings: [cause, ...row.findings] };
      }
      // Written by a job that keeps no code (a managed connector): the schema came from the source system, a change
      // no one in the organisation made, so no approval rule applies to it.
      const run = set.runs.find((r) => r.runId === change.id);
      if (run && !set.runs.some((r) => r.runId === change.id && r.sourceCodeLocation)) {
        const text = `The schema came with the data ${run.job.namespace}:${run.job.name} loaded, a job that keeps no code in the evidence (a managed connector): no one in the organisation made the change, so no approval rule applies. Check the source's data contract.`;
        return verdict(change.id, [], [], [{ rule: 'evidence', ok: true, text, evidence: run.provenance }], {
          violation: false,
          missingRecord: false,
        });
      }
    }
    const entry = audit.get(change.id);
    if (entry) return auditGovernance(entry, set, graph);
    return verdict(change.id, [], [], [{ rule: 'evidence', ok: false, text: 'The change is not in the evidence.' }], {
      violation: false,
      missingRecord: true,
    });
  });
}

function verdict(
  changeId: string,
  approvers: ReadonlyArray<string>,
  deployments: GovernanceRow['deployments'],
  findings: RuleFinding[],
  flags: { violation: boolean; missingRecord: boolean },
  extra: Partial<GovernanceResult> = {},
): GovernanceResult {
  return {
    changeId,
    approved: approvers.length > 0,
    approvers,
    deployments,
    verdict: flags.violation ? 'violation' : flags.missingRecord ? 'insufficient-evidence' : 'compliant',
    findings: findings.map((f) => ({ ...f, control: controlVerdict(f) })),
    ...extra,
  };
}

function commitGovernance(
  commit: Commit,
  change: GovernedChange,
  jobs: ComponentRef[],
  set: EvidenceSet,
  graph: CommitGraph,
  options: GovernanceOptions,
  deployment?: Deployment,
): GovernanceResult {
  // A commit that no default branch, tag, deployment or run reached is work in progress: no rule applies to it yet.
  const reach = refIndex(set.commits).reach(commit.sha);
  if (!wasMerged(reach) && deploymentsShipping(commit.sha, set.deployments, graph).length === 0) {
    const text = `${commit.sha.slice(0, 12)} is ${reachLabel(reach)}: not merged and never deployed, it is a candidate change, not a change that shipped; review and deployment rules apply when it is merged.`;
    return verdict(change.id, [], [], [{ rule: 'evidence', ok: true, text, evidence: commit.provenance }], {
      violation: false,
      missingRecord: false,
    });
  }
  const approval = checkApproval(commit, graph, set.pullRequests.length > 0, runPullRequestOf(set, graph, commit.sha));
  // Without the trace the jobs are unknown: every deployment shipping the commit counts, whatever its component.
  const refs = jobs;
  const deploy = checkDeployments(set, graph, commit.sha, refs, approval.pullRequest);
  // A deployment judged as a change answers for itself first: what it promoted, from where, and what it shipped.
  const own = deployment ? checkDeploymentItself(set, graph, deployment, jobs) : undefined;
  const findings: RuleFinding[] = [...(own?.findings ?? []), ...approval.findings, ...deploy.findings];
  let violation = approval.violation || deploy.violation || (own?.violation ?? false);
  let missingRecord = approval.missingRecord || deploy.missingRecord;
  let parity: ParityReport | undefined;
  const t = options.asOf ? Date.parse(options.asOf) : undefined;
  if (t !== undefined && jobs[0]) {
    const p = environmentParity(set, graph, jobs[0], t, commit.sha);
    parity = p.report;
    if (p.finding) findings.push(p.finding);
    if (p.finding && !p.finding.ok) violation = true;
  }
  const plans = [...change.paths, ...jobs.map((j) => j.codePath ?? '')]
    .filter((p) => TRACKING_PLAN.test(p))
    .map(baseName);
  if (plans.length > 0) {
    const prod = deploy.firstPerEnv.find((d) => PRODUCTION.test(d.environment));
    const inForce = prod && planInForce(set, graph, prod, change, [...new Set(plans)], t ?? Infinity);
    const e = enforcementFindings(set, [...new Set(plans)], Date.parse(change.timestamp), t ?? Infinity, inForce);
    findings.push(...e.findings);
    violation ||= e.violation;
    missingRecord ||= e.missingRecord;
  }
  const deployments = deploy.firstPerEnv.map((d) => ({ id: d.id, environment: d.environment, timestamp: d.timestamp }));
  return verdict(
    change.id,
    approval.approvers,
    deployments,
    findings,
    { violation, missingRecord },
    {
      pullRequest: approval.pullRequest?.number,
      parity,
    },
  );
}

/**
 * When the plan a change edited was in force through its production deployment: from that deployment until the plan
 * next changed — a later commit of the plan's file reaching that environment, or an audit entry on the plan.
 */
function planInForce(
  set: EvidenceSet,
  graph: CommitGraph,
  d: Deployment,
  change: GovernedChange,
  plans: ReadonlyArray<string>,
  asOf: number,
): PlanInForce {
  const at = Date.parse(d.timestamp);
  let until = asOf;
  const files = change.paths.filter((p) => TRACKING_PLAN.test(p));
  // The later successful deployments to the same environment, in time order (the evidence set keeps them sorted).
  const deployed = timesOf(set.deployments, 'timestamp');
  const shipped: Array<{ t: number; sha: string }> = [];
  set.deployments.forEach((x, i) => {
    const t = deployed[i] as number;
    if (x.environment === d.environment && t > at && succeeded(x))
      shipped.push({ t, sha: graph.resolve(x.commit) ?? x.commit });
  });
  const committed = timesOf(set.commits, 'committerDate');
  const since = Date.parse(change.timestamp);
  for (let i = 0; i < set.commits.length; i++) {
    const c = set.commits[i] as Commit;
    const t = committed[i] as number;
    if (c.sha === change.id || c.parents.length > 1 || t <= since) continue;
    if (t >= until) continue;
    if (!touchesAny(c, files)) continue;
    // The first of them that ships the commit (before the moment already found) ends the plan's time in force.
    const next = shipped.find((x) => x.t < until && graph.isAncestor(c.sha, x.sha));
    if (next) until = Math.min(until, next.t);
  }
  const audited = timesOf(set.audit, 'timestamp');
  set.audit.forEach((a, i) => {
    const t = audited[i] as number;
    if (!(t > at && t < until)) return;
    const name = a.target.name ?? baseName(a.target.id);
    if (/tracking[_-]?plan/i.test(a.target.type) && plans.includes(name)) until = t;
  });
  return { at, until, environment: d.environment, deploymentId: d.id, evidence: d.provenance };
}

/** Whether the commit changed one of the files (plain loops: asked of every commit for each suspect). */
function touchesAny(c: Commit, files: ReadonlyArray<string>): boolean {
  for (const p of c.changedPaths) for (const f of files) if (samePath(p.path, f)) return true;
  return false;
}

/**
 * The commit whose code wrote a schema change: the code version of the run (named by its id) that first wrote it —
 * the commit the run names, else the version of the job's code path production ran at the run's time (the last
 * commit that changed the path in the deployed commit, or in the default branch's head where no deployment says).
 */
function schemaCause(set: EvidenceSet, graph: CommitGraph, runId: string): Commit | undefined {
  const runs = set.runs.filter((r) => r.runId === runId);
  const sha = runs.find((r) => r.sourceCodeLocation?.version)?.sourceCodeLocation?.version;
  if (sha) return graph.bySha.get(graph.resolve(sha) ?? sha);
  const located = runs.find((r) => r.sourceCodeLocation?.path);
  const code = located?.sourceCodeLocation;
  if (!located || !code?.path) return undefined;
  const job = {
    id: `${located.job.namespace}:${located.job.name}`,
    codePath: code.path,
    repositoryUrl: code.repoUrl ?? code.url,
  };
  const repository = jobRepository(set, graph, job).repository;
  const production = set.deployments.find((d) => PRODUCTION.test(d.environment))?.environment;
  const ran = runningCode(set, graph, job, repository, production, Date.parse(located.eventTime));
  return ran?.version ?? undefined;
}

function auditGovernance(entry: AuditEntry, set: EvidenceSet, graph: CommitGraph): GovernanceResult {
  const manualMerge = /identity[._]?merge/i.test(entry.target.type) || /manual[._]?merge/i.test(entry.action);
  if (entry.channel === 'ui' || entry.channel === 'api' || manualMerge) {
    const how = manualMerge ? 'a manual identity merge' : `an edit through the ${entry.channel} channel`;
    const text = `Unauthorized: ${how} by ${entry.actor}, outside the versioned workflow (no commit, review or deployment record).`;
    return verdict(entry.id, [], [], [{ rule: 'unauthorized', ok: false, text, evidence: entry.provenance }], {
      violation: true,
      missingRecord: false,
    });
  }
  const sha = (entry.after as { commit?: unknown } | undefined)?.commit;
  const commit = typeof sha === 'string' ? graph.bySha.get(graph.resolve(sha) ?? sha) : undefined;
  if (commit) {
    const approval = checkApproval(
      commit,
      graph,
      set.pullRequests.length > 0,
      runPullRequestOf(set, graph, commit.sha),
    );
    const applied: RuleFinding = {
      rule: 'evidence',
      ok: true,
      text: `Applied by ${entry.actor} through the ${entry.channel ?? 'unknown'} channel from commit ${commit.sha.slice(0, 12)}.`,
      evidence: entry.provenance,
    };
    return verdict(entry.id, approval.approvers, [], [applied, ...approval.findings], approval, {
      pullRequest: approval.pullRequest?.number,
    });
  }
  const text = `Changed by ${entry.actor} through the ${entry.channel ?? 'unknown'} channel; no commit or approval record links to this audit entry.`;
  return verdict(entry.id, [], [], [{ rule: 'evidence', ok: false, text, evidence: entry.provenance }], {
    violation: false,
    missingRecord: true,
  });
}
