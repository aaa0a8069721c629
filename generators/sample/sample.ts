/**
 * The seeded sample investigation, as pure functions: `planSample` decides everything that needs no
 * commit SHA (history, deployments, runs); once Git has named the commits, `sampleOutputs` renders every
 * file. The same seed and scale give the same bytes.
 */
import { planAudit, type AuditRecord } from './audit';
import { castRoles, type Cast } from './cast';
import { OFFER_COUNTRIES } from './countries';
import type { CustomerWorld } from './customers';
import { decisionLines, type DecisionTally } from './decisions';
import { DeployTimeline, planDeployments, type DeploymentRecord } from './deployments';
import { enforcementLines } from './enforcement';
import type { EligibilityRule } from './files/features';
import { fillerPullRequests } from './fillers';
import { caseFile, groundTruth } from './ground-truth';
import { planIncident, type Incident } from './incident';
import { externalDeployments, resolveDegradation, type ResolvedDegradation } from './incident-effects';
import { realizeHistory, type History } from './history';
import { lineageLines } from './lineage';
import { castPeople } from './people';
import { Rng } from './prng';
import { pullRequestChunks } from './pull-requests';
import { analysisPaths, initialTree } from './repo-tree';
import { planRuns, type RunRecord } from './runs';
import { SCALES, type ScaleConfig, type ScaleName } from './scale';
import { DEFAULT_SCENARIO, type ScenarioKind } from './scenario';
import { scenarioTruth } from './scenario-truth';
import { writeStory, type PlantedVariant, type Story } from './story';
import { DAY, formatUtc } from './time';
import { featureVersions, trackingPlanVersions } from './versions';
import { CORE_JOBS, REPOSITORY, coreJob, extraJobs, jobId, type JobDef } from './world';

/** The files of a sample, by what they hold (names are fixed; the app detects kinds by content). */
export const SAMPLE_FILES = {
  bundle: 'pipeline-config.bundle',
  lineage: 'openlineage-events.ndjson',
  pullRequests: 'pull-requests.json',
  deployments: 'deployments.jsonl',
  audit: 'audit-log.jsonl',
  enforcement: 'enforcement-log.jsonl',
  decisions: 'decisions.jsonl',
  caseFile: 'case.json',
  groundTruth: 'ground-truth.json',
} as const;

export interface SamplePlan {
  readonly seed: number;
  readonly scale: ScaleConfig;
  /** Day 0, 00:00 UTC (a Monday). */
  readonly startMs: number;
  readonly endMs: number;
  readonly jobs: ReadonlyArray<JobDef>;
  readonly cast: Cast;
  readonly story: Story;
  readonly history: History;
  readonly deployments: ReadonlyArray<DeploymentRecord>;
  readonly timeline: DeployTimeline;
  readonly runs: ReadonlyArray<RunRecord>;
  readonly featureVersions: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly ruleVersions: ReadonlyMap<string, string>;
  readonly world: CustomerWorld;
  /** The scenario's cause; absent for the built-in story (`unapproved-merge`), which stays byte for byte as it was. */
  readonly incident?: Incident;
  readonly degradation?: ResolvedDegradation;
}

const FIRST_MONDAY = Date.UTC(2026, 0, 5);
const VARIANTS: ReadonlyArray<PlantedVariant> = ['ltv-in-cents', 'age-comparison-flipped'];

/** Plans the sample of a seed, scale and scenario (default: the built-in story). */
export function planSample(seed: number, scaleName: ScaleName, scenario: ScenarioKind = DEFAULT_SCENARIO): SamplePlan {
  const scale = SCALES[scaleName];
  const world = new Rng(seed, 'world');
  const startMs = FIRST_MONDAY + 7 * DAY * world.int(0, 3);
  const endMs = startMs + scale.days * DAY;
  const countries = world.shuffle(OFFER_COUNTRIES);
  const rule: EligibilityRule = {
    minLifetimeValue: world.pick([200, 250, 300]),
    ageComparison: '>=',
    minAccountAgeDays: world.pick([30, 45, 60]),
    countries: countries.slice(0, 4).sort(),
  };
  const addedCountry = countries[4] ?? 'SE';
  const variant = world.pick(VARIANTS);
  const jobs = [...CORE_JOBS, ...extraJobs(scale.extraJobs)];
  const cast = castRoles(castPeople(new Rng(seed, 'people'), scale.people));
  const analyses = analysisPaths(scale.analyses);
  const tree = initialTree(new Rng(seed, 'tree'), {
    rule,
    analyses: scale.analyses,
    extraJobs: jobs.slice(CORE_JOBS.length),
  });
  const told = writeStory({
    rng: new Rng(seed, 'story'),
    cast,
    startMs,
    days: scale.days,
    endMs,
    tree,
    rule,
    addedCountry,
    variant,
  });
  const incident =
    scenario === DEFAULT_SCENARIO
      ? undefined
      : planIncident({ kind: scenario, rng: new Rng(seed, 'scenario'), cast, story: told, endMs });
  const story = incident?.story ?? told;
  const storyCommits =
    story.direct.length + story.pullRequests.reduce((n, p) => n + p.commits.length + (p.merge ? 1 : 0), 0);
  const fillers = fillerPullRequests({
    rng: new Rng(seed, 'fillers'),
    people: cast.everyone,
    startMs,
    endMs,
    analyses,
    marts: jobs.slice(CORE_JOBS.length),
    storyCommits,
    targetCommits: scale.targetCommits,
    unreviewedDocs: scale.name === 'large',
  });
  const history = realizeHistory(
    story.direct,
    [...story.pullRequests, ...fillers],
    jobs.map((j) => j.path),
  );
  const baselineMark = history.direct.filter((d) => d.plan.ms < startMs + DAY).pop()?.mark ?? 1;
  const deployments = planDeployments({
    rng: new Rng(seed, 'deployments'),
    history,
    jobs,
    cast,
    startMs,
    endMs,
    baselineMark,
    failOnce: ['marketing-window'],
    external: externalDeployments(incident, baselineMark),
  });
  const timeline = new DeployTimeline(deployments);
  const runs = planRuns({
    rng: new Rng(seed, 'runs'),
    history,
    timeline,
    jobs,
    startMs,
    days: scale.days,
    runsPerDay: scale.runsPerDay,
  });
  const start = {
    eligibility_flag: world.int(4, 9),
    days_since_last_order: world.int(1, 3),
    order_count_90d: world.int(1, 3),
  };
  return {
    seed,
    scale,
    startMs,
    endMs,
    jobs,
    cast,
    story,
    history,
    deployments,
    timeline,
    runs,
    featureVersions: featureVersions(history, timeline, start),
    ruleVersions: trackingPlanVersions(history, deployments, world.int(8, 20)),
    world: { seed, startMs, offerCountries: story.goodRule.countries, ltvScale: rule.minLifetimeValue },
    ...(incident ? { incident, degradation: resolveDegradation(incident, history, deployments, runs) } : {}),
  };
}

/** Renders every file but the bundle. Decisions must be written before the case and the ground truth. */
export interface SampleOutputs {
  lineage(): Iterable<string>;
  pullRequests(): Iterable<string>;
  deployments(): Iterable<string>;
  audit(): Iterable<string>;
  enforcement(): Iterable<string>;
  decisions(tally: DecisionTally): Iterable<string>;
  caseFile(tally: DecisionTally): string;
  groundTruth(tally: DecisionTally): string;
}

export function sampleOutputs(plan: SamplePlan, shas: ReadonlyMap<number, string>): SampleOutputs {
  const shaOf = (mark: number) => {
    const sha = shas.get(mark);
    if (!sha) throw new Error(`no commit for mark :${mark}`);
    return sha;
  };
  let audit: AuditRecord[] | undefined;
  const auditRecords = () =>
    (audit ??= planAudit({
      rng: new Rng(plan.seed, 'audit'),
      cast: plan.cast,
      story: plan.story,
      deployments: plan.deployments,
      ruleVersions: plan.ruleVersions,
      shaOf,
      startMs: plan.startMs,
      days: plan.scale.days,
      noisePerDay: plan.scale.auditNoisePerDay,
      customers: plan.scale.subjects,
      ...(plan.incident ? { planted: plan.incident.audit } : {}),
    }));
  return {
    lineage: () => lineageLines(plan.runs, shaOf, plan.incident?.untrackedJobs),
    pullRequests: () => pullRequestChunks(plan.history, shaOf),
    deployments: () =>
      plan.deployments.map((d) =>
        JSON.stringify({
          id: d.id,
          timestamp: formatUtc(d.ms),
          environment: d.environment,
          repository: d.repository ?? REPOSITORY.name,
          commit: d.externalCommit ?? shaOf(d.commitMark),
          component: jobId(d.job),
          actor: d.actor,
          status: d.status,
          ...(d.pullRequest ? { pull_request: d.pullRequest } : {}),
        }),
      ),
    audit: () => auditRecords().map((a) => JSON.stringify(a.entry)),
    enforcement: () =>
      enforcementLines({
        seed: plan.seed,
        timeline: plan.timeline,
        ruleVersions: plan.ruleVersions,
        startMs: plan.startMs,
        days: plan.scale.days,
        perDay: plan.scale.enforcementPerDay,
      }),
    decisions: (tally) =>
      decisionLines(
        {
          seed: plan.seed,
          world: plan.world,
          startMs: plan.startMs,
          days: plan.scale.days,
          perDay: plan.scale.decisionsPerDay,
          customers: plan.scale.subjects,
          featureRuns: plan.runs.filter((r) => r.job.key === coreJob('features').key),
          featureVersions: plan.featureVersions,
          goodRule: plan.story.goodRule,
          plantedRule: plan.story.plantedRule,
          modelUpgradeMs: plan.story.moments.modelUpgradeMs,
          ...(plan.degradation ? { degradation: plan.degradation } : {}),
          ...(plan.incident?.servingOpacity ? { servingOpacity: true } : {}),
        },
        tally,
      ),
    caseFile: (tally) => caseFile(plan, tally),
    groundTruth: (tally) =>
      plan.incident
        ? scenarioTruth(plan, plan.incident, tally, auditRecords(), shaOf)
        : groundTruth(plan, tally, auditRecords(), shaOf),
  };
}
