/**
 * The release half of the lineage card: the version of the transformation active at inference (the last commit
 * that changed its code, and the deployed commit the run executed), its approval, the first deployment that
 * shipped it to the decision's environment, and whether it went through staging first.
 */
import { runPullRequestOf } from '../analysis/run-pull-request';
import { commitGraph, samePath, type CommitGraph } from '../analysis/commit-graph';
import { deploymentsShipping } from '../analysis/deployments';
import { deployedJobPath, jobRepository, lastDeployment, runningCode } from '../analysis/running-code';
import type { TracedJob } from '../analysis/types';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, Deployment } from '../model/records';
import type { ApprovalValue, CardAnswer, CardAnswers, DeploymentValue, Gap, VersionValue } from './card-types';
import { isGap } from './card-types';
import { jobVersionAt, type LineageModel } from './lineage-model';
import { standingEdits } from './untracked-edits';

const STAGING = /^(stag|preprod|pre-prod|uat|qa|test)/i;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

type Release = Pick<
  CardAnswers,
  'versionAtInference' | 'approvedBy' | 'deployedAt' | 'environment' | 'environmentMatchesApproval'
>;

/** The five release answers for the job that wrote the feature's dataset version. */
export function releaseAnswers(
  set: EvidenceSet,
  model: LineageModel,
  decision: Decision,
  writer: TracedJob | undefined,
  t: number,
): Release {
  const graph = commitGraph(set.commits, set.pullRequests);
  const environment: CardAnswer<string> = decision.environment
    ? { value: decision.environment, text: `served in ${decision.environment}`, evidence: [decision.provenance] }
    : {
        gap: 'serving-layer-opacity',
        explanation: 'The decision log does not say in which environment it was served.',
      };
  const version = versionAnswer(set, model, writer, decision.environment, t, graph);
  if (isGap(version)) {
    const stop = noVersionToFollow(version);
    return {
      versionAtInference: version,
      approvedBy: stop,
      deployedAt: stop,
      environment,
      environmentMatchesApproval: stop,
    };
  }
  const approvedBy = approvalAnswer(set, graph, version.value.commit);
  const shipping = deploymentsShipping(version.value.commit, set.deployments, graph).filter(
    (d) => !d.component || !writer || d.component === writer.id || samePath(d.component, version.value.path),
  );
  const env = decision.environment;
  const deployedAt = deploymentAnswer(set, shipping, env, t, version.value.commit);
  let matches: CardAnswer<boolean>;
  if (isGap(deployedAt)) matches = deployedAt;
  else if (env && STAGING.test(env)) {
    matches = { value: true, text: `served in ${env}, where it was tested`, evidence: [decision.provenance] };
  } else {
    const staged = shipping.find(
      (d) => STAGING.test(d.environment) && Date.parse(d.timestamp) <= Date.parse(deployedAt.value.timestamp),
    );
    matches = staged
      ? {
          value: true,
          text: `deployed to ${staged.environment} (${staged.id}, ${staged.timestamp}) before ${deployedAt.value.environment}`,
          evidence: [staged.provenance, ...deployedAt.evidence],
        }
      : {
          value: false,
          text: `no staging deployment shipped ${version.value.commit} before ${deployedAt.value.deployment} took it to ${deployedAt.value.environment}`,
          evidence: deployedAt.evidence,
        };
  }
  return { versionAtInference: version, approvedBy, deployedAt, environment, environmentMatchesApproval: matches };
}

/**
 * The gap of the answers that follow the version (approval, deployment, environment) when the version is itself a
 * gap: its reason and what follows from it, in one sentence (the row already reads "Gap: <kind>.").
 */
export function noVersionToFollow(version: Gap): Gap {
  return {
    gap: version.gap,
    explanation: `${version.explanation.replace(/\.$/, '')}, so there is no version to follow.`,
  };
}

function versionAnswer(
  set: EvidenceSet,
  model: LineageModel,
  writer: TracedJob | undefined,
  environment: string | undefined,
  t: number,
  graph: CommitGraph,
): CardAnswer<VersionValue> {
  if (!writer)
    return {
      gap: 'missing-record',
      explanation: 'No run in the evidence wrote the dataset the feature was read from.',
    };
  const jv = jobVersionAt(model, writer.id, t);
  const inferred = jv?.codePath ? undefined : deployedJobPath(set, graph, writer.id);
  const codePath = jv?.codePath ?? inferred?.path;
  if (!codePath) {
    return {
      gap: 'untracked-transformation',
      explanation:
        jv?.identity === 'code-hash' || jv?.identity === 'checksum'
          ? `${writer.id} reports the code it ran (${jv.version}) but no source code location: no commit holds it.`
          : `${writer.id} names no source code location: its code is not under version control in the evidence.`,
    };
  }
  if (set.commits.length === 0) {
    return {
      gap: 'missing-record',
      explanation: `No Git history is imported: the commit that last changed ${codePath} cannot be found${jv?.commit ? ` (the run names ${jv.commit})` : ''}.`,
    };
  }
  const job = { id: writer.id, codePath, repositoryUrl: jv?.repositoryUrl, codeVersion: jv?.commit };
  const identity = jobRepository(set, graph, job);
  if (identity.repository === undefined)
    return { gap: 'missing-record', explanation: `The repository of ${writer.id} is not known: ${identity.gap}.` };
  const repository = identity.repository;
  const running = runningCode(set, graph, job, repository, environment, t);
  const deployed = environment ? lastDeployment(set, graph, job, repository, environment, t) : undefined;
  if (deployed && running?.source !== 'deployment')
    return {
      gap: 'missing-record',
      explanation: `${deployed.id} deployed ${deployed.commit} to ${deployed.environment} at ${deployed.timestamp}, the code ${writer.id} ran then, but that commit is not in the imported history of ${repository}.`,
    };
  if (!running)
    return {
      gap: 'missing-record',
      explanation: `No deployment, run or default-branch history of ${repository} says which code ${writer.id} ran at ${new Date(t).toISOString()}.`,
    };
  const last = running.version;
  if (!last)
    return {
      gap: 'missing-record',
      explanation: `No commit in the history of ${running.commit.sha} (${repository}) changed ${codePath}.`,
    };
  const edits = standingEdits(set, graph, job, repository, environment, t);
  const how =
    running.source === 'deployment' && running.deployment
      ? `${running.deployment.environment} ran ${running.commit.sha}, deployed by ${running.deployment.id} at ${running.deployment.timestamp}`
      : running.source === 'run'
        ? `the run executed ${running.commit.sha}`
        : `no deployment or run names the code: the head of the default branch of ${repository} then, ${running.commit.sha}`;
  const where = inferred
    ? ` (${writer.id} names no source code location; ${codePath} is the file ${inferred.deployments.map((d) => d.id).join(', ')}, naming the job as component, shipped)`
    : '';
  const caveat = edits.length
    ? `; but ${edits.map((e) => `${e.actor} changed ${e.target.id} through the ${e.channel} (${e.id}, ${e.timestamp})`).join(', ')} after that, and no later deployment replaced it: what ran was that commit as edited outside Git`
    : '';
  return {
    value: {
      commit: last.sha,
      deployedCommit: running.commit.sha,
      deployedBy: running.source,
      ...(running.deployment && { deployment: running.deployment.id }),
      path: codePath,
      pathSource: inferred
        ? { from: 'deployment', deployments: inferred.deployments.map((d) => d.id) }
        : { from: 'run' },
      repository,
      untrackedEdits: edits.map((e) => ({
        auditId: e.id,
        timestamp: e.timestamp,
        actor: e.actor,
        channel: e.channel ?? 'unknown',
        target: e.target.id,
      })),
    },
    text: `${last.sha} changed ${codePath} last (${last.committerDate}) in ${repository}${where}; ${how}${caveat}`,
    evidence: [
      last.provenance,
      ...(running.deployment ? [running.deployment.provenance] : []),
      ...(inferred ? inferred.deployments.map((d) => d.provenance) : []),
      ...edits.map((e) => e.provenance),
      ...(jv ? [jv.evidence] : []),
    ],
  };
}

function approvalAnswer(set: EvidenceSet, graph: CommitGraph, sha: string): CardAnswer<ApprovalValue> {
  if (set.pullRequests.length === 0) {
    return {
      gap: 'missing-record',
      explanation: 'No pull-request export is imported: who approved the change cannot be checked.',
    };
  }
  const named = graph.pullRequestOf(sha) ? undefined : runPullRequestOf(set, graph, sha);
  const pr = graph.pullRequestOf(sha) ?? named?.pullRequest;
  const commit = graph.bySha.get(sha);
  if (!pr) {
    return {
      value: { approvers: [] },
      text: `no one: no pull request brought ${sha}`,
      evidence: commit ? [commit.provenance] : [],
    };
  }
  const approvers = [
    ...new Set(
      pr.reviews.filter((r) => r.state.toUpperCase() === 'APPROVED' && r.user !== pr.author).map((r) => r.user),
    ),
  ];
  const reviews = pr.reviews.map((r) => `${r.user} ${r.state.toLowerCase()}`).join(', ') || 'none';
  return {
    value: { pullRequest: pr.number, author: pr.author, approvers },
    text:
      (approvers.length
        ? `${approvers.join(', ')} on pull request #${pr.number} (author ${pr.author})`
        : `no one: pull request #${pr.number} by ${pr.author} has no approval by another reviewer (reviews: ${reviews})`) +
      (named ? ` (the pull request the CI of run ${named.run.runId} named)` : ''),
    evidence: [pr.provenance, ...(named ? [named.run.provenance] : [])],
  };
}

function deploymentAnswer(
  set: EvidenceSet,
  shipping: ReadonlyArray<Deployment>,
  env: string | undefined,
  t: number,
  sha: string,
): CardAnswer<DeploymentValue> {
  if (set.deployments.length === 0) {
    return {
      gap: 'missing-record',
      explanation: 'No deployment records are imported: when and where it was deployed cannot be checked.',
    };
  }
  if (env && !set.deployments.some((d) => same(d.environment, env))) {
    return {
      gap: 'environment-parity',
      explanation: `The decision was served in ${env}, which no deployment record names.`,
    };
  }
  const first = shipping.find((d) => (!env || same(d.environment, env)) && Date.parse(d.timestamp) <= t);
  if (!first) {
    return {
      gap: 'missing-record',
      explanation: `No deployment record shipped ${sha} to ${env ?? 'any environment'} before ${new Date(t).toISOString()}.`,
    };
  }
  return {
    value: { deployment: first.id, timestamp: first.timestamp, environment: first.environment, commit: first.commit },
    text: `${first.id} at ${first.timestamp} to ${first.environment} (commit ${first.commit})`,
    evidence: [first.provenance],
  };
}
