/**
 * The pull request a run's CI named for the code it executed (OpenLineage 1.46+ `sourceCodeLocation.pullRequestNumber`):
 * where the history links a commit to no pull request (a squash merge whose message names none, an export without
 * head or merge commits), the imported pull request that a run executing that commit named brought it.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { LineageRunEvent, PullRequest } from '../model/records';
import type { CommitGraph } from './commit-graph';

export interface RunPullRequest {
  readonly pullRequest: PullRequest;
  /** The run event that named it. */
  readonly run: LineageRunEvent;
}

export function runPullRequestOf(set: EvidenceSet, graph: CommitGraph, sha: string): RunPullRequest | undefined {
  for (const run of set.runs) {
    const location = run.sourceCodeLocation;
    if (location?.pullRequestNumber === undefined || !location.version) continue;
    if ((graph.resolve(location.version) ?? location.version) !== sha) continue;
    const pullRequest = set.pullRequests.find((p) => p.number === location.pullRequestNumber);
    if (pullRequest) return { pullRequest, run };
  }
  return undefined;
}
