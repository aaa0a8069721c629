/**
 * The ground truth of a world, written as `truth.json` beside its inputs: what happened, the case to
 * investigate, the planted cause by the ids the app reports, the code version at inference, and every decision
 * that read data carrying the cause. Computed from the simulation, never from how the app reasons.
 */
import { covers, deployedCommit } from './deployments.js';
import { reachable } from './git-writer.js';
import { featureName } from './records.js';
import type { ChangeRef, Sim } from './sim.js';
import type { SimulatedWorld } from './simulate.js';
import { iso } from './time.js';
import type { CommitNode, Deployment, RepoModel } from './types.js';
import type { DatasetVersionShape, RunEnvironment } from './world-plan.js';

export interface WorldTruth {
  seed: number;
  story: string;
  shape: {
    jobs: number;
    repositories: number;
    featureVersion: boolean;
    datasetVersion: DatasetVersionShape;
    runsNameCommit: boolean;
    repoForm: 'folder' | 'bundle';
    /** How staging runs are told apart: not logged, by job namespace, or by the DEPLOY_ENV run facet. */
    runEnvironment: RunEnvironment;
    deployStyle: 'repo' | 'component';
    versionFacets: boolean;
    columnLineage: boolean;
    urlStyle: 'repo' | 'repo-git' | 'blob';
    enforcement: boolean;
  };
  case: { decisionId: string; featureName: string };
  cause: {
    kind: string;
    variant: string;
    ids: string[];
    governance: 'violation' | 'compliant';
    /** The job whose computation it changed (`namespace:name`). */
    job: string;
    /** The changes that removed it (revert commits, fix deployments, restoring audit entries), when fixed. */
    fixIds: string[];
  };
  versionAtInference: {
    job: string;
    environment: string;
    deployedCommit?: string;
    codeCommit?: string;
    repository?: string;
  };
  blastRadius: {
    decisions: number;
    subjects: number;
    throughDecision: number;
    decisionIds: string[];
    from: string;
    to?: string;
    /** When data carrying the cause was first readable by the model, and when correct data was again. */
    effectiveFrom: string;
    recoveredAt?: string;
  };
  inputs: string[];
}

function refIds(refs: ReadonlyArray<ChangeRef>, kept: (c: CommitNode) => boolean): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const id = 'commit' in r ? (kept(r.commit) ? r.commit.sha : undefined) : r.id;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

export function buildTruth(
  world: SimulatedWorld,
  inputs: string[],
  codeCommitOf: (repo: RepoModel, sha: string, path: string) => string | undefined,
): WorldTruth {
  const { sim, caseDecision, affected } = world;
  const { plan, pipeline } = sim;
  const cause = sim.cause!;
  const job = pipeline.featureJob;
  const reach = new Map<RepoModel, Set<CommitNode>>(pipeline.repos.map((r) => [r, reachable(r)]));
  const kept = (c: CommitNode) => reach.get(c.repo)!.has(c);
  const deployed = deployedCommit(sim, 'production', job.repo!, job.path, caseDecision.time)!;
  const caseIndex = world.decisions.indexOf(caseDecision);
  const through = affected.filter((d) => world.decisions.indexOf(d) <= caseIndex).length;
  const skipped = cause.governance === 'compliant' && unstaged(sim);
  const story = `${cause.story}${skipped ? ` It reached production with ${cause.liveDeployment!.id} before any staging deployment ran it.` : ''} ${cause.fixStory ? `Fixed: ${cause.fixStory}.` : 'It was not fixed before the end of the log.'}`;
  return {
    seed: plan.seed,
    story,
    shape: worldShape(world),
    case: { decisionId: caseDecision.id, featureName: featureName(sim, pipeline.choice.target.name) },
    cause: {
      kind: cause.kind,
      variant: cause.variant,
      ids: refIds(cause.ids, kept),
      governance: skipped ? 'violation' : cause.governance,
      job: `${cause.job.namespace}:${cause.job.name}`,
      fixIds: refIds(cause.fixIds, kept),
    },
    versionAtInference: {
      job: `${job.namespace}:${job.name}`,
      environment: 'production',
      deployedCommit: deployed.sha!,
      ...(codeCommitOf(job.repo!, deployed.sha!, job.path!) && {
        codeCommit: codeCommitOf(job.repo!, deployed.sha!, job.path!),
      }),
      repository: job.repo!.name,
    },
    blastRadius: {
      decisions: affected.length,
      subjects: new Set(affected.map((d) => d.subject)).size,
      throughDecision: through,
      decisionIds: affected.map((d) => d.id),
      from: iso(affected[0]!.time),
      ...(world.recoveredAt !== undefined && { to: iso(affected.at(-1)!.time) }),
      effectiveFrom: iso(world.effectiveFrom),
      ...(world.recoveredAt !== undefined && { recoveredAt: iso(world.recoveredAt) }),
    },
    inputs,
  };
}

/** The shape of a world: how its team logs, deploys and hands over evidence. */
export function worldShape(world: SimulatedWorld): WorldTruth['shape'] {
  const { plan, pipeline } = world.sim;
  return {
    jobs: pipeline.jobs.length,
    repositories: pipeline.repos.length,
    featureVersion: plan.featureVersion,
    datasetVersion: plan.datasetVersion,
    runsNameCommit: pipeline.featureJob.tracking === 'version',
    repoForm: plan.repoForm,
    runEnvironment: plan.runEnvironment,
    deployStyle: plan.deployStyle,
    versionFacets: plan.versionFacets,
    columnLineage: plan.columnLineage,
    urlStyle: plan.urlStyle,
    enforcement: plan.enforcement && pipeline.trackingPlan !== undefined,
  };
}

/**
 * The cause's line reached production before any successful staging deployment of its repository ran it (a release
 * that skipped staging, or a staging deployment that failed): production before staging is a violation, whoever
 * approved the code. Only where the repository is deployed to staging at all.
 */
function unstaged(sim: Sim): boolean {
  const cause = sim.cause!;
  const live = cause.liveDeployment;
  if (!live || !sim.deployments.some((d) => d.env === 'staging' && d.repo === live.repo)) return false;
  const runs = (d: Deployment) =>
    cause.markers.some(
      (m) => m.repo === d.repo && covers(d, m.path) && (d.commit.files.get(m.path) ?? '').split('\n').includes(m.line),
    );
  return !sim.deployments.some((d) => d.env === 'staging' && d.status === 'success' && d.time <= live.time && runs(d));
}
