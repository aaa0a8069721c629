/**
 * Simulates one world in memory, from its seed: the team, the pipeline and its repositories, months of
 * changes and deployments, the planted cause, the runs and the decisions. Nothing is written here.
 */
import { modelReleases, scheduleAuditDistractors, type ModelRelease } from './audit.js';
import { plantCause } from './causes.js';
import { simulateDecisions, subjectPool, type Decision } from './decisions.js';
import { autoStage, deployedCommit, deploymentInForce, promote, scheduleReleases } from './deployments.js';
import { scheduleDecoysNear, scheduleDistractors } from './distractors.js';
import { buildPipeline } from './pipeline.js';
import { commit } from './repo-model.js';
import { ownEffect, simulateRuns, type DatasetVersion, type Run } from './runs.js';
import { Timeline, type Sim } from './sim.js';
import { buildTeam } from './team.js';
import { DAY, HOUR, MINUTE } from './time.js';
import { ORGS } from './vocabulary.js';
import { planWorld } from './world-plan.js';

export interface SimulatedWorld {
  readonly sim: Sim;
  readonly runs: ReadonlyArray<Run>;
  readonly decisions: ReadonlyArray<Decision>;
  readonly releases: ReadonlyArray<ModelRelease>;
  readonly caseDecision: Decision;
  readonly affected: ReadonlyArray<Decision>;
  /** When wrong data first became readable, and when correct data was readable again (if it was). */
  readonly effectiveFrom: number;
  readonly recoveredAt?: number;
}

const ATTEMPTS = 16;

/** The world of `seed` (re-drawn with the next attempt when its incident left no wrong decision to investigate). */
export function simulateWorld(seed: number): SimulatedWorld {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const world = simulateAttempt(seed, attempt);
    if (world) return world;
  }
  throw new Error(`seed ${seed}: no usable world in ${ATTEMPTS} attempts`);
}

export function simulateAttempt(seed: number, attempt: number): SimulatedWorld | undefined {
  const plan = planWorld(seed, attempt);
  const rng = plan.rng;
  const org = rng.fork('org').pick(ORGS);
  const pipeline = buildPipeline(plan, org, rng.fork('pipeline'));
  const team = buildTeam(rng.fork('team'), org);
  const ids = rng.fork('ids');
  const subjects = subjectPool(rng.fork('subjects'), Math.round(plan.decisionCount / ids.float(2.5, 5)));
  for (const job of pipeline.jobs) {
    if (!job.repo) job.tracking = 'none';
    else if (job.role === 'features') job.tracking = plan.runsNameCommit ? 'version' : 'url-only';
    else
      job.tracking = ids.weighted([
        ['version', plan.runsNameCommit ? 5 : 2],
        ['url-only', 2],
        ['none', 2],
      ] as const);
  }
  const deployRng = rng.fork('deploy');
  const sim: Sim = {
    plan,
    rng,
    pipeline,
    team,
    clock: new Timeline(),
    prs: [],
    deployments: [],
    audit: [],
    overlays: [],
    subjects,
    nextDeployment: ids.int(1, 400),
    nextAudit: ids.int(1, 9000),
    nextReview: 0,
    deploymentPrefix: ids.pick(['dep-', 'deploy-', 'rel-0']),
    auditPrefix: ids.pick(['a-', 'audit-', 'evt_']),
    onDefaultAdvanced: (repo, time, pr) => autoStage(sim, deployRng, repo, time, pr),
  };
  const historyRng = rng.fork('history');
  for (const repo of pipeline.repos) {
    const created = plan.start - historyRng.int(60, 150) * DAY + historyRng.int(9, 17) * HOUR;
    const first = commit(repo, repo.defaultBranch, {
      parents: [],
      files: pipeline.initialFiles.get(repo)!,
      message: 'Initial commit',
      author: historyRng.pick(team.engineers),
      time: created,
    });
    sim.clock.at(created + 30 * MINUTE, () => {
      promote(sim, repo, 'staging', first, { actor: team.bot, kind: 'baseline' });
      promote(sim, repo, 'production', first, { actor: team.bot, kind: 'baseline' });
    });
    scheduleReleases(sim, deployRng, repo, created, plan.end);
    scheduleDistractors(sim, historyRng.fork(repo.name), repo, created, plan.end);
  }
  const releases = modelReleases(sim, rng.fork('model'));
  plantCause(sim, rng.fork('cause'));
  if (sim.cause) scheduleDecoysNear(sim, rng.fork('decoys'), sim.cause.job);
  scheduleAuditDistractors(
    sim,
    rng.fork('audit'),
    sim.cause?.subjects === 'all' ? new Set() : new Set(sim.cause?.subjects ?? []),
  );
  sim.clock.runUntil(plan.end);

  const cause = sim.cause;
  if (!cause || cause.liveAt === undefined) return undefined;
  const runs = simulateRuns(sim, rng.fork('runs'));
  noteEffectiveDeployment(sim, runs);
  // The serving layer picks up a new feature table version this long after it is written.
  const servingLag = rng.fork('serving').int(5, 40) * MINUTE;
  const decisions = simulateDecisions(sim, rng.fork('decisions'), runs, releases, servingLag);
  const affected = decisions.filter((d) => d.affected);
  const wrong = affected.filter((d) => d.wrong);
  if (affected.length < 3 || wrong.length === 0) return undefined;
  const pick = rng.fork('case');
  const caseDecision = wrong[Math.min(wrong.length - 1, Math.floor(wrong.length * pick.float(0.1, 0.9)))]!;
  const job = pipeline.featureJob;
  if (!job.repo || !deployedCommit(sim, 'production', job.repo, job.path, caseDecision.time)) return undefined;
  const versions: DatasetVersion[] = runs
    .filter((r) => r.env === 'production' && r.job === job && r.output)
    .map((r) => r.output!);
  const firstBad = versions.find((v) => v.taint !== null)!;
  const recovered = versions.find((v) => v.at > firstBad.at && v.taint === null);
  const last = versions.at(-1);
  const stillBad = last?.taint !== null;
  return {
    sim,
    runs,
    decisions,
    releases,
    caseDecision,
    affected,
    effectiveFrom: firstBad.at + servingLag,
    ...(recovered && !stillBad && { recoveredAt: recovered.at + servingLag }),
  };
}

/**
 * The deployment that put a committed cause into production data: the one in force for the cause's file at the
 * first production run that executed it (it may differ from the first deployment that shipped it, when a
 * release replaced that one before any run).
 */
function noteEffectiveDeployment(sim: Sim, runs: ReadonlyArray<Run>): void {
  const cause = sim.cause!;
  if (cause.markers.length === 0) return;
  for (const run of runs) {
    if (
      run.env !== 'production' ||
      run.status !== 'COMPLETE' ||
      ownEffect(sim, run.job, 'production', run.start).taint === null
    )
      continue;
    for (const m of cause.markers) {
      const d = deploymentInForce(sim, 'production', m.repo, m.path, run.start);
      if (d && (d.commit.files.get(m.path) ?? '').split('\n').includes(m.line)) {
        if (!cause.ids.some((x) => 'id' in x && x.id === d.id)) cause.ids.push({ id: d.id });
        return;
      }
    }
  }
}
