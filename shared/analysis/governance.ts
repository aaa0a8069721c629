import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit, Deployment, PullRequest } from '../model/records';
import { commitGraph, type CommitGraph } from './commit-graph';
import { deploymentsShipping } from './deployments';
import type { Change, GovernanceFinding, GovernanceRow } from './types';

const STAGING = /^(stag|preprod|pre-prod|uat|qa)/i;
const PRODUCTION = /^prod/i;

/**
 * For each change: was it approved (an approving review by someone other than the author, on the pull request
 * that brought it), and which deployments shipped it (staging before production). A verdict with findings,
 * each linked to its evidence record. Changes outside version control (UI or API edits) are violations.
 */
export function validateGovernance(set: EvidenceSet, changes: ReadonlyArray<Change>): GovernanceRow[] {
  const graph = commitGraph(set.commits, set.pullRequests);
  const audit = new Map(set.audit.map((a) => [a.id, a] as const));
  return changes.map((change) => {
    if (change.kind === 'commit') {
      const commit = graph.bySha.get(change.id);
      if (commit) return commitGovernance(commit, set, graph);
    }
    const entry = audit.get(change.id);
    if (entry) return auditGovernance(entry);
    return {
      changeId: change.id,
      approved: false,
      approvers: [],
      deployments: [],
      verdict: 'insufficient-evidence',
      findings: [{ ok: false, text: 'The change is not in the evidence.' }],
    };
  });
}

function commitGovernance(commit: Commit, set: EvidenceSet, graph: CommitGraph): GovernanceRow {
  const findings: GovernanceFinding[] = [];
  const pr = graph.pullRequestOf(commit.sha);
  const approvers = pr ? approvingReviewers(pr) : [];
  let missingRecord = false;
  let violation = false;
  if (!pr) {
    if (set.pullRequests.length === 0) {
      missingRecord = true;
      findings.push({ ok: false, text: 'No pull-request export is imported: approval cannot be checked.' });
    } else {
      violation = true;
      findings.push({
        ok: false,
        text: 'No pull request brought this commit: it was pushed without review.',
        evidence: commit.provenance,
      });
    }
  } else if (approvers.length === 0) {
    violation = true;
    const self = pr.reviews.some((r) => r.state.toUpperCase() === 'APPROVED' && r.user === pr.author);
    findings.push({
      ok: false,
      text: self
        ? `Pull request #${pr.number} was approved only by its author ${pr.author}.`
        : `Pull request #${pr.number} was merged without an approving review (${pr.reviews.length} review(s): ${describeReviews(pr)}).`,
      evidence: pr.provenance,
    });
  } else {
    findings.push({
      ok: true,
      text: `Pull request #${pr.number} approved by ${approvers.join(', ')} (not the author ${pr.author}).`,
      evidence: pr.provenance,
    });
    const late = pr.reviews.filter(
      (r) => isApproval(r.state) && pr.mergedAt && r.submittedAt && Date.parse(r.submittedAt) > Date.parse(pr.mergedAt),
    );
    if (late.length > 0) {
      violation = true;
      findings.push({
        ok: false,
        text: `Approval by ${late.map((r) => r.user).join(', ')} came after the merge.`,
        evidence: pr.provenance,
      });
    }
  }
  const shipping = deploymentsShipping(commit.sha, set.deployments, graph);
  const firstPerEnv = new Map<string, Deployment>();
  for (const d of shipping) if (!firstPerEnv.has(d.environment)) firstPerEnv.set(d.environment, d);
  if (set.deployments.length === 0) {
    missingRecord = true;
    findings.push({ ok: false, text: 'No deployment records are imported: where it ran cannot be checked.' });
  } else if (shipping.length === 0) {
    findings.push({ ok: true, text: 'No deployment record ships this commit.' });
  }
  const prod = [...firstPerEnv.values()].find((d) => PRODUCTION.test(d.environment));
  for (const d of firstPerEnv.values()) {
    const afterProd =
      prod !== undefined && STAGING.test(d.environment) && Date.parse(d.timestamp) > Date.parse(prod.timestamp);
    findings.push({
      ok: !afterProd,
      text: `Deployed to ${d.environment} at ${d.timestamp} (${d.id}, commit ${d.commit.slice(0, 12)})${afterProd ? `, after it had reached ${prod.environment}` : ''}.`,
      evidence: d.provenance,
    });
  }
  if (prod) {
    const staged = [...firstPerEnv.values()].find(
      (d) => STAGING.test(d.environment) && Date.parse(d.timestamp) <= Date.parse(prod.timestamp),
    );
    if (!staged) {
      violation = true;
      findings.push({
        ok: false,
        text: `Deployed to ${prod.environment} without a prior staging deployment.`,
        evidence: prod.provenance,
      });
    }
  }
  return {
    changeId: commit.sha,
    pullRequest: pr?.number,
    approved: approvers.length > 0,
    approvers,
    deployments: [...firstPerEnv.values()].map((d) => ({
      id: d.id,
      environment: d.environment,
      timestamp: d.timestamp,
    })),
    verdict: violation ? 'violation' : missingRecord ? 'insufficient-evidence' : 'compliant',
    findings,
  };
}

function auditGovernance(entry: AuditEntry): GovernanceRow {
  const outside = entry.channel === 'ui' || entry.channel === 'api';
  return {
    changeId: entry.id,
    approved: false,
    approvers: [],
    deployments: [],
    verdict: outside ? 'violation' : 'insufficient-evidence',
    findings: [
      outside
        ? {
            ok: false,
            text: `Unauthorized: changed by ${entry.actor} through the ${entry.channel} channel, outside the versioned workflow.`,
            evidence: entry.provenance,
          }
        : {
            ok: false,
            text: `Changed by ${entry.actor}; no approval record links to this audit entry.`,
            evidence: entry.provenance,
          },
    ],
  };
}

const isApproval = (state: string) => state.toUpperCase() === 'APPROVED';

function approvingReviewers(pr: PullRequest): string[] {
  return [...new Set(pr.reviews.filter((r) => isApproval(r.state) && r.user !== pr.author).map((r) => r.user))];
}

function describeReviews(pr: PullRequest): string {
  return pr.reviews.length ? pr.reviews.map((r) => `${r.user} ${r.state.toLowerCase()}`).join(', ') : 'none';
}
