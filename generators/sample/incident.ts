/**
 * Plants a scenario's cause into the story: the planted pull request of the built-in case is replaced by the
 * scenario's own change (a pull request, a commit pushed to main, a UI edit, a deployment from outside the
 * repository), and the data is told how the cause degrades the feature from the moment it reaches its job.
 */
import type { Cast } from './cast';
import type { CustomerFeatures, EligibilityRule } from './files/features';
import { IdStitcher } from './files/profiles';
import type { SqlModel } from './files/sql-model';
import { editDoc, type DirectCommitPlan, type PullRequestPlan } from './plan-types';
import { buildPullRequest, type PrDraft } from './pr-builder';
import type { Rng } from './prng';
import { SCENARIOS, type ScenarioKind } from './scenario';
import { plantedRule, type Story } from './story';
import { HOUR, MINUTE } from './time';
import { coreJob } from './world';
import { incidentAudit } from './incident-audit';

/** Where a planted change id comes from once Git and the deployment plan have named things. */
export type PlantedRef =
  | { readonly commitOf: string; readonly index: number }
  | { readonly direct: string }
  | { readonly productionDeploymentOf: string }
  | { readonly audit: true }
  | { readonly externalDeployment: true };

/** When the degraded data starts: at a moment, or at the production deployment of a pull request. */
export type DegradationStart = { readonly ms: number } | { readonly pullRequest: string };

export interface Incident {
  readonly kind: ScenarioKind;
  readonly summary: string;
  readonly story: Story;
  readonly planted: ReadonlyArray<PlantedRef>;
  /** Audit entries of the cause (channel ui), without ids yet. */
  readonly audit: ReadonlyArray<{ readonly ms: number; readonly entry: Record<string, unknown> }>;
  /** A deployment of code that is not in the repository (commit of another repository). */
  readonly external?: {
    readonly ms: number;
    readonly jobKey: string;
    readonly commit: string;
    readonly repository: string;
    readonly actor: string;
  };
  /** Jobs whose lineage events carry no `sourceCodeLocation`. */
  readonly untrackedJobs: ReadonlyArray<string>;
  /** Decisions are logged without `dataset_version`. */
  readonly servingOpacity: boolean;
  /** The upstream job whose first run after `from` starts feeding degraded data to the features. */
  readonly degradation?: {
    readonly jobKey: string;
    readonly from: DegradationStart;
    readonly degrade: (rule: EligibilityRule) => EligibilityRule;
  };
}

export interface IncidentInput {
  readonly kind: ScenarioKind;
  /** The scenario's own stream: the default story never draws from it. */
  readonly rng: Rng;
  readonly cast: Cast;
  readonly story: Story;
  readonly endMs: number;
}

const FEATURES = coreJob('features').path;
/** A legitimate edit of the feature file that leaves `eligibility_flag` alone. */
const coalesceOrders = (d: CustomerFeatures) => d.with({ orderCount90d: 'coalesce(order_count_90d, 0)' });
const scaleLtv = (k: number) => (r: EligibilityRule) => ({ ...r, minLifetimeValue: r.minLifetimeValue * k });

/** The scenario's incident, built around the moment the built-in case plants its change. */
export function planIncident(input: IncidentInput): Incident {
  const { kind, rng, cast: c, story, endMs } = input;
  const plantedMs = story.pullRequests.find((p) => p.key === 'planted')?.commits[0]?.ms;
  if (plantedMs === undefined) throw new Error('the story has no planted pull request to replace');
  const others = story.pullRequests.filter((p) => p.key !== 'planted');
  const bad = plantedRule(story.goodRule, story.variant);
  const draft = (d: Omit<PrDraft, 'startMs' | 'endMs' | 'deploy'> & { deploy?: PrDraft['deploy'] }) =>
    buildPullRequest(rng, {
      deploy: 'promote',
      pace: { commitGap: [20, 50], reviewDelay: [25, 70] },
      ...d,
      startMs: plantedMs,
      endMs,
    });
  const base = { kind, summary: SCENARIOS[kind], untrackedJobs: [], servingOpacity: false, audit: [] };
  const withPrs = (prs: ReadonlyArray<PullRequestPlan>, direct: ReadonlyArray<DirectCommitPlan> = []): Story => ({
    ...story,
    pullRequests: [...others, ...prs],
    direct: [...story.direct, ...direct],
    plantedRule: bad,
  });
  const uiMs = plantedMs + rng.int(2 * 60, 6 * 60) * MINUTE;

  switch (kind) {
    case 'unapproved-merge':
    case 'serving-opacity':
      return {
        ...base,
        story,
        planted: [{ commitOf: 'planted', index: 0 }],
        servingOpacity: kind === 'serving-opacity',
      };
    case 'ui-transformation':
    case 'ui-tracking-plan':
    case 'identity-merge': {
      const job = { 'ui-transformation': 'transform', 'ui-tracking-plan': 'ingest', 'identity-merge': 'identity' }[
        kind
      ];
      const k = { 'ui-transformation': 10, 'ui-tracking-plan': 4, 'identity-merge': 3 }[kind];
      return {
        ...base,
        story: withPrs([]),
        planted: [{ audit: true }],
        audit: [{ ms: uiMs, entry: incidentAudit(kind, uiMs, c) }],
        degradation: { jobKey: job, from: { ms: uiMs }, degrade: scaleLtv(k) },
      };
    }
    case 'untracked-transformation':
      return {
        ...base,
        story: withPrs([]),
        planted: [{ externalDeployment: true }],
        untrackedJobs: ['transform'],
        external: {
          ms: uiMs,
          jobKey: 'transform',
          commit: rng.hex(40),
          repository: 'warehouse-hotfixes',
          actor: c.analyticsEngineer.login,
        },
        degradation: { jobKey: 'transform', from: { ms: uiMs }, degrade: scaleLtv(100) },
      };
    case 'schema-change': {
      const pr = draft({
        key: 'planted',
        category: 'upstream',
        author: c.analyticsEngineer,
        title: 'Name the country column of staging.orders shipping_country',
        body: 'Checkout now sends billing and shipping countries; the column holds the shipping one.',
        topic: 'shipping-country',
        commits: [
          {
            subject: 'transformations: rename country to shipping_country',
            edits: [
              editDoc<SqlModel>(coreJob('transform').path, (d) =>
                d.with({
                  columns: d.spec.columns.map((col) =>
                    col.name === 'country' ? { ...col, name: 'shipping_country' } : col,
                  ),
                }),
              ),
            ],
          },
        ],
        flow: 'approve',
        reviewers: [c.dataEngineer],
      });
      return {
        ...base,
        story: withPrs([pr]),
        planted: [{ commitOf: 'planted', index: 0 }],
        degradation: {
          jobKey: 'transform',
          from: { pullRequest: 'planted' },
          degrade: (r) => ({ ...r, countries: [] }),
        },
      };
    }
    case 'identity-config': {
      const pr = draft({
        key: 'planted',
        category: 'identity',
        author: c.dataEngineer,
        title: 'Stitch identities within 30 minutes only',
        body: 'Long validity windows merged shared devices into one customer; shorten it.',
        topic: 'stitcher-validity-30m',
        commits: [
          {
            subject: 'profiles: id stitcher validity_time 30m',
            edits: [editDoc<IdStitcher>(coreJob('identity').path, (d) => new IdStitcher(d.edgeSources, '30m'))],
          },
        ],
        flow: 'approve',
        reviewers: [c.lead],
      });
      return {
        ...base,
        story: withPrs([pr]),
        planted: [{ commitOf: 'planted', index: 0 }],
        degradation: { jobKey: 'identity', from: { pullRequest: 'planted' }, degrade: scaleLtv(2.5) },
      };
    }
    case 'environment-parity': {
      const pr = draft({
        key: 'planted',
        category: 'feature-logic',
        author: c.featureOwner,
        title: 'Treat a missing order count as zero',
        body: 'Customers without orders in 90 days have a null count; the model expects 0.',
        topic: 'order-count-zero',
        commits: [
          {
            subject: 'features: coalesce order_count_90d and tidy the eligibility case',
            edits: [editDoc<CustomerFeatures>(FEATURES, (d) => coalesceOrders(d).with({ eligibility: bad }))],
          },
          {
            subject: 'features: restore the eligibility condition',
            edits: [editDoc<CustomerFeatures>(FEATURES, (d) => d.with({ eligibility: story.goodRule }))],
          },
        ],
        flow: 'approve-after-changes',
        reviewers: [c.analyticsEngineer],
        reviewText: { changes: 'The eligibility condition changed too; was that intended?', approve: 'LGTM now.' },
      });
      return {
        ...base,
        story: withPrs([{ ...pr, productionCommit: 0 }]),
        planted: [{ productionDeploymentOf: 'planted' }, { commitOf: 'planted', index: 0 }],
      };
    }
    case 'deviating-deployment': {
      const pr = draft({
        key: 'carrier',
        category: 'feature-other',
        author: c.mlEngineer,
        title: 'Treat a missing order count as zero',
        body: 'Customers without orders in 90 days have a null count; the model expects 0.',
        topic: 'order-count-zero',
        commits: [{ subject: 'features: coalesce order_count_90d', edits: [editDoc(FEATURES, coalesceOrders)] }],
        flow: 'approve',
        reviewers: [c.lead],
      });
      const approvedMs = Math.max(...pr.reviews.map((r) => r.ms));
      const mergeMs = pr.merge?.ms ?? approvedMs + HOUR;
      const direct: DirectCommitPlan = {
        key: 'planted-direct',
        ms: Math.round((approvedMs + mergeMs) / 2),
        author: c.featureOwner,
        subject: 'features: simplify the eligibility condition',
        edits: [editDoc<CustomerFeatures>(FEATURES, (d) => d.with({ eligibility: bad }))],
      };
      return { ...base, story: withPrs([pr], [direct]), planted: [{ direct: 'planted-direct' }] };
    }
  }
}
