/**
 * The approval rules of a pull request: an approving review by someone other than the author, on the commit that
 * was merged (approvals of an earlier head are stale), submitted before the merge.
 */
import type { Commit, PullRequest, Review } from '../model/records';
import type { CommitGraph } from './commit-graph';
import type { RuleFinding } from './engine-types';
import type { RunPullRequest } from './run-pull-request';

export const isApproval = (r: Review): boolean => r.state.toUpperCase() === 'APPROVED';

/** Why an approving review does not count, or undefined when it does. */
export function approvalDefect(pr: PullRequest, r: Review): 'self' | 'stale' | 'after-merge' | undefined {
  if (r.user === pr.author) return 'self';
  if (r.commitId && pr.headSha && r.commitId !== pr.headSha) return 'stale';
  if (r.submittedAt && pr.mergedAt && Date.parse(r.submittedAt) > Date.parse(pr.mergedAt)) return 'after-merge';
  return undefined;
}

/** The reviewers whose approval counts. */
export function validApprovers(pr: PullRequest): string[] {
  return [...new Set(pr.reviews.filter((r) => isApproval(r) && !approvalDefect(pr, r)).map((r) => r.user))];
}

/**
 * The pull request that brought a commit, checked against the history: its head or merge commit, a commit that names
 * it, or a commit of the merged branch — reachable from the merge's other parents but not from the branch it merged
 * into. A commit already on the base branch before the merge (a direct push) was not brought by it.
 */
export function pullRequestBringing(graph: CommitGraph, sha: string): PullRequest | undefined {
  const pr = graph.pullRequestOf(sha);
  if (!pr || sha === pr.headSha || sha === pr.mergeCommitSha || graph.bySha.get(sha)?.pullRequest === pr.number)
    return pr;
  const merge = pr.mergeCommitSha ? graph.bySha.get(graph.resolve(pr.mergeCommitSha) ?? '') : undefined;
  if (!merge || merge.parents.length < 2) return pr;
  const [base, ...branch] = merge.parents as [string, ...string[]];
  return branch.some((p) => graph.isAncestor(sha, p)) && !graph.isAncestor(sha, base) ? pr : undefined;
}

export interface ApprovalCheck {
  readonly pullRequest?: PullRequest;
  readonly approvers: ReadonlyArray<string>;
  readonly findings: ReadonlyArray<RuleFinding>;
  readonly violation: boolean;
  readonly missingRecord: boolean;
}

const describe = (pr: PullRequest) =>
  pr.reviews.length ? pr.reviews.map((r) => `${r.user} ${r.state.toLowerCase()}`).join(', ') : 'none';

/** The approval rules for one commit (through the pull request that brought it). */
export function checkApproval(
  commit: Commit,
  graph: CommitGraph,
  pullRequestsImported: boolean,
  named?: RunPullRequest,
): ApprovalCheck {
  const history = pullRequestBringing(graph, commit.sha);
  const pr = history ?? named?.pullRequest;
  if (!pr) {
    return pullRequestsImported
      ? {
          approvers: [],
          violation: true,
          missingRecord: false,
          findings: [
            {
              rule: 'approval',
              ok: false,
              text: `No pull request brought ${commit.sha.slice(0, 12)}: it was pushed without review.`,
              evidence: commit.provenance,
            },
          ],
        }
      : {
          approvers: [],
          violation: false,
          missingRecord: true,
          findings: [
            { rule: 'evidence', ok: false, text: 'No pull-request export is imported: approval cannot be checked.' },
          ],
        };
  }
  const findings: RuleFinding[] = [];
  const at = { evidence: pr.provenance };
  if (!history && named)
    findings.push({
      rule: 'evidence',
      ok: true,
      control: 'not-applicable',
      text: `Pull request #${pr.number} is the one named by the CI of run ${named.run.runId}, which executed ${commit.sha.slice(0, 12)} (sourceCodeLocation.pullRequestNumber); the history names none.`,
      evidence: named.run.provenance,
    });
  for (const r of pr.reviews.filter(isApproval)) {
    const defect = approvalDefect(pr, r);
    if (defect === 'self')
      findings.push({
        rule: 'self-approval',
        ok: false,
        text: `${r.user} approved their own pull request #${pr.number}.`,
        ...at,
      });
    if (defect === 'stale')
      findings.push({
        rule: 'stale-approval',
        ok: false,
        text: `Stale approval: ${r.user} approved ${r.commitId?.slice(0, 12)}, but #${pr.number} merged its head ${pr.headSha?.slice(0, 12)}.`,
        ...at,
      });
    if (defect === 'after-merge')
      findings.push({
        rule: 'approval-after-merge',
        ok: false,
        text: `Approval by ${r.user} at ${r.submittedAt} came after the merge at ${pr.mergedAt}.`,
        ...at,
      });
  }
  const approvers = validApprovers(pr);
  if (!pr.mergedAt && !pr.mergeCommitSha) {
    // An open (or closed, unmerged) pull request: review is owed at merge, not before.
    findings.unshift({
      rule: 'approval',
      ok: true,
      control: 'not-applicable',
      text: `Pull request #${pr.number} is not merged${approvers.length ? ` (approved so far by ${approvers.join(', ')})` : ''}: the approval rule applies when it is merged.`,
      ...at,
    });
    return { pullRequest: pr, approvers, findings, violation: false, missingRecord: false };
  }
  if (approvers.length > 0) {
    findings.unshift({
      rule: 'approval',
      ok: true,
      text: `Pull request #${pr.number} approved by ${approvers.join(', ')} (not the author ${pr.author}) on the merged commit, before the merge.`,
      ...at,
    });
  } else {
    findings.unshift({
      rule: 'approval',
      ok: false,
      text: `Pull request #${pr.number} was merged without a valid approving review (reviews: ${describe(pr)}).`,
      ...at,
    });
  }
  return { pullRequest: pr, approvers, findings, violation: approvers.length === 0, missingRecord: false };
}
