/**
 * `case.json` (what the app opens: no answers) and `ground-truth.json` (what tests check the app's
 * answers against: the planted change, its approval and deployment, the onset, the distractors and why
 * each is innocent).
 */
import type { AuditRecord, StoryAuditKey } from './audit';
import { customerId } from './customers';
import type { DecisionRef, DecisionTally } from './decisions';
import type { DeploymentRecord } from './deployments';
import type { PullRequestRecord } from './history';
import type { SamplePlan } from './sample';
import { ruleSummary } from './story';
import { DAY } from './time';
import { DATASETS, FEATURE_NAME, JOB_NAMESPACE, REPOSITORY, coreJob, datasetId, jobId } from './world';

export interface Distractor {
  readonly id: string;
  readonly kind: 'commit' | 'audit' | 'deployment';
  readonly pullRequest?: number;
  readonly summary: string;
  readonly why: string;
}

const FEATURE_JOB = coreJob('features');
const rate = (s: { total: number; rejected: number }) =>
  s.total ? Math.round((s.rejected / s.total) * 1000) / 1000 : 0;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function pr(plan: SamplePlan, key: string): PullRequestRecord {
  const found = plan.history.pullRequests.find((p) => p.plan.key === key);
  if (!found) throw new Error(`the story has no pull request ${key}`);
  return found;
}

function deploymentsOf(plan: SamplePlan, number: number): DeploymentRecord[] {
  return plan.deployments.filter((d) => d.pullRequest === number && d.status === 'success');
}

export function caseFile(plan: SamplePlan, tally: DecisionTally): string {
  const d = tally.caseDecision;
  if (!d) throw new Error('no wrong decision after the onset to open a case on');
  const rule = plan.story.goodRule;
  return `${JSON.stringify(
    {
      title: `Why was customer ${d.subjectId} refused the loyalty offer?`,
      description:
        `On ${d.timestamp.slice(0, 10)} the offer-eligibility model rejected customer ${d.subjectId} for the loyalty ` +
        `offer (decision ${d.decisionId}). Support says the customer meets the published criteria: a lifetime value ` +
        `of at least €${rule.minLifetimeValue}, an account at least ${rule.minAccountAgeDays} days old and a shipping ` +
        'country the offer covers. Find what produced this decision, what changed, whether the change was governed, ' +
        'and what to roll back and replay.',
      decisionId: d.decisionId,
      featureName: FEATURE_NAME,
    },
    null,
    2,
  )}\n`;
}

/** What the decisions show of the incident (onset, feature versions, counts, rates, period): the same for every scenario. */
export function outcomeTruth(plan: SamplePlan, tally: DecisionTally, onset: DecisionRef) {
  return {
    onset: { decisionId: onset.decisionId, timestamp: onset.timestamp },
    firstWrongDecision: tally.firstWrong?.decisionId ?? null,
    caseDecisionId: tally.caseDecision?.decisionId ?? null,
    firstBadRun: tally.firstBadRun ?? null,
    featureVersion: { before: tally.featureVersionBefore ?? null, after: tally.featureVersionAfter ?? null },
    decisions: {
      total: tally.count,
      affected: tally.affected,
      wrong: tally.wrong,
      rejectionRateBefore: rate(tally.before),
      rejectionRateAfter: rate(tally.after),
    },
    period: { from: day(plan.startMs), to: day(plan.endMs) },
  };
}

export function distractors(
  plan: SamplePlan,
  tally: DecisionTally,
  audit: ReadonlyArray<AuditRecord>,
  shaOf: (m: number) => string,
): Distractor[] {
  const onsetMs = Date.parse(tally.onset?.timestamp ?? '');
  const out: Distractor[] = [];
  const commit = (
    key: string,
    why: (facts: { approvers: string; staging: string; production: string; prodMs: number }) => string,
  ) => {
    const p = pr(plan, key);
    const mark = p.commitMarks[0];
    if (mark === undefined) return;
    const deps = deploymentsOf(plan, p.number);
    const prod = deps.filter((d) => d.environment === 'production');
    const approvers = [...new Set(p.plan.reviews.filter((r) => r.state === 'APPROVED').map((r) => r.reviewer.login))];
    out.push({
      id: shaOf(mark),
      kind: 'commit',
      pullRequest: p.number,
      summary: p.plan.title,
      why: why({
        approvers: approvers.join(' and ') || 'nobody',
        staging:
          deps
            .filter((d) => d.environment === 'staging')
            .map((d) => d.id)
            .join(', ') || 'none',
        production: prod.map((d) => d.id).join(', ') || 'none',
        prodMs: prod[0]?.ms ?? 0,
      }),
    });
  };
  const days = (ms: number) => Math.round(Math.abs(onsetMs - ms) / DAY);
  const governed = (f: { approvers: string; staging: string; production: string }) =>
    `approved by ${f.approvers}, deployed to staging (${f.staging}) and then to production (${f.production})`;
  const upstream = (key: string, job: string) =>
    commit(key, (f) =>
      f.prodMs < onsetMs
        ? `Upstream of ${FEATURE_NAME} (${jobId(coreJob(job))}), but ${governed(f)} ${days(f.prodMs)} days before the onset; the offer rejection rate stayed at its baseline until the planted change.`
        : `Upstream of ${FEATURE_NAME} (${jobId(coreJob(job))}), ${governed(f)}, reaching production ${days(f.prodMs)} days after the onset.`,
    );
  const labels = plan.featureVersions;
  commit('feature-countries', (f) => {
    const prod = deploymentsOf(plan, pr(plan, 'feature-countries').number).find((d) => d.environment === 'production');
    const label = prod ? labels.get(prod.id)?.[FEATURE_NAME] : undefined;
    return `An earlier change to ${FEATURE_NAME} (to feature version ${label}), ${governed(f)}; decisions on that version were correct.`;
  });
  upstream('tracking-coupon', 'ingest');
  upstream('identity-identifies', 'identity');
  upstream('upstream-transform', 'transform');
  upstream('tracking-shipping', 'ingest');
  for (const key of ['marketing-window', 'marketing-channel']) {
    commit(
      key,
      (f) =>
        `Changes ${jobId(coreJob('marketing'))}, which is not upstream of ${datasetId(DATASETS.customerFeatures)}; ${governed(f)}.`,
    );
  }
  for (const key of ['docs-runbook', 'docs-deployments'])
    commit(key, () => 'Documentation only: no job’s code changed and nothing was deployed.');
  for (const key of ['tests-staging', 'tests-features'])
    commit(key, () => 'Tests only: no job’s code changed and nothing was deployed.');
  commit(
    'feature-days-since',
    (f) =>
      `Changes the same file but only days_since_last_order, not ${FEATURE_NAME}; ${governed(f)}, ${days(f.prodMs)} days after the onset.`,
  );
  commit(
    'closed-experiment',
    () =>
      `Touches ${FEATURE_JOB.path} on a branch whose pull request was closed without merging: never on main, never deployed.`,
  );

  const why: Record<StoryAuditKey, string> = {
    datasetUi: `Edits the description of ${datasetId(DATASETS.channelAttribution)} (metadata only); that dataset is not upstream of the features.`,
    modelUpgrade:
      'Model upgrade days before the onset; the rejection rate did not move after it, and the wrong decisions follow the feature version, not the model version.',
    destinationUiBefore: `UI-only change to a destination (Braze), downstream of the warehouse and outside the lineage of ${FEATURE_NAME}.`,
    identityMerge: `Manual merge of two customers (${customerId(plan.scale.subjects + 1)}, ${customerId(plan.scale.subjects + 2)}) the model never scored; one merged pair cannot move the rejection rate.`,
    destinationUiAfter: 'UI-only change to an unrelated destination (Google Ads), after the onset.',
  };
  for (const a of audit) {
    if (!a.storyKey) continue;
    out.push({ id: a.id, kind: 'audit', summary: String(a.entry.action), why: why[a.storyKey] });
  }
  for (const d of plan.deployments.filter((x) => x.status === 'failure')) {
    out.push({
      id: d.id,
      kind: 'deployment',
      ...(d.pullRequest ? { pullRequest: d.pullRequest } : {}),
      summary: `Failed ${d.environment} deployment of ${jobId(d.job)}`,
      why: `A failed ${d.environment} deployment of ${jobId(d.job)}, retried; it changed nothing that runs.`,
    });
  }
  return out;
}

export function groundTruth(
  plan: SamplePlan,
  tally: DecisionTally,
  audit: ReadonlyArray<AuditRecord>,
  shaOf: (mark: number) => string,
): string {
  const planted = pr(plan, 'planted');
  const path = FEATURE_JOB.path;
  const plantedMark = planted.introducedBy.get(path);
  const lastGoodMark = planted.previousOnMain.get(path);
  const deps = deploymentsOf(plan, planted.number);
  const production = deps.find((d) => d.environment === 'production');
  if (plantedMark === undefined || lastGoodMark === undefined || !production || !tally.onset) {
    throw new Error('the planted change did not play out (no commit, deployment or onset)');
  }
  const lastGoodPr = plan.history.pullRequests.find((p) => p.commitMarks.includes(lastGoodMark));
  const deployedBefore = plan.timeline.at(FEATURE_JOB.key, 'production', production.ms - 1);
  const truth = {
    seed: plan.seed,
    scale: plan.scale.name,
    repository: { url: REPOSITORY.url, bundle: 'pipeline-config.bundle' },
    feature: {
      name: FEATURE_NAME,
      dataset: datasetId(DATASETS.customerFeatures),
      field: `${datasetId(DATASETS.customerFeatures)}#${FEATURE_NAME}`,
      job: `${JOB_NAMESPACE}:${FEATURE_JOB.name}`,
      path,
    },
    plantedChange: {
      variant: plan.story.variant,
      before: ruleSummary(plan.story.goodRule),
      after: ruleSummary(plan.story.plantedRule),
    },
    plantedCommit: shaOf(plantedMark),
    pullRequest: planted.number,
    mergeCommit: planted.mergeMark !== undefined ? shaOf(planted.mergeMark) : null,
    reviews: planted.plan.reviews.map((r) => ({ user: r.reviewer.login, state: r.state })),
    approved: planted.plan.reviews.some((r) => r.state === 'APPROVED'),
    productionDeploymentId: production.id,
    stagingDeploymentIds: deps.filter((d) => d.environment === 'staging').map((d) => d.id),
    lastGoodCommit: shaOf(lastGoodMark),
    lastGoodMergeCommit: lastGoodPr?.mergeMark !== undefined ? shaOf(lastGoodPr.mergeMark) : null,
    lastGoodProductionCommit: deployedBefore ? shaOf(deployedBefore.commitMark) : null,
    ...outcomeTruth(plan, tally, tally.onset),
    distractors: distractors(plan, tally, audit, shaOf),
  };
  return `${JSON.stringify(truth, null, 2)}\n`;
}
