/**
 * The pull requests of the story: the planted change and the distractors around it (upstream changes
 * approved and promoted, unrelated jobs, documentation and tests, a closed experiment, later changes).
 */
import type { Cast } from './cast';
import type { CustomerFeatures, EligibilityRule } from './files/features';
import type { IdStitcher } from './files/profiles';
import type { SqlModel } from './files/sql-model';
import { MarkdownDoc, TextDoc } from './files/text';
import type { PropertyCatalog, TrackingPlan } from './files/tracking-plan';
import type { Person } from './people';
import { createDoc, editDoc, type PullRequestPlan } from './plan-types';
import { buildPullRequest, type PrDraft } from './pr-builder';
import type { Rng } from './prng';
import { eligibilityDoc } from './repo-tree';
import type { PlantedVariant } from './story';
import { coreJob } from './world';

export interface StoryContext {
  readonly rng: Rng;
  readonly cast: Cast;
  /** The rule of the first commit. */
  readonly rule: EligibilityRule;
  /** The rule after the earlier, approved country change (the last good one). */
  readonly afterCountries: EligibilityRule;
  readonly planted: EligibilityRule;
  readonly variant: PlantedVariant;
  readonly addedCountry: string;
  readonly plantedStartMs: number;
  readonly endMs: number;
  /** A pull request that starts on the weekday nearest `fraction` of the period (promoted unless told). */
  readonly draft: (
    fraction: number,
    d: Omit<PrDraft, 'startMs' | 'endMs' | 'deploy'> & { deploy?: PrDraft['deploy'] },
  ) => PullRequestPlan;
}

const FEATURES = coreJob('features').path;
const paragraph = (path: string, text: string) => editDoc<MarkdownDoc>(path, (d) => d.withParagraph(text));
const coAuthor = (p: Person) => `Co-authored-by: ${p.name} <${p.email}>`;
const reviewedBy = (p: Person) => `Reviewed-by: ${p.name} <${p.email}>`;

export function storyPullRequests(x: StoryContext): PullRequestPlan[] {
  const { rng, cast: c, rule, afterCountries, variant, draft, endMs } = x;
  const bad = x.planted;
  return [
    draft(0.12, {
      key: 'tracking-coupon',
      category: 'tracking-plan',
      author: c.trackingOwner,
      title: 'Track coupon_code on Order Completed',
      body: 'Marketing wants to measure coupon usage. Adds an optional `coupon_code` property to the checkout plan.',
      topic: 'track-coupon-code',
      commits: [
        {
          subject: 'tracking-plans: add optional coupon_code to Order Completed',
          edits: [
            editDoc<PropertyCatalog>('tracking-plans/properties.yaml', (d) => d.withProperty('coupon_code')),
            editDoc<TrackingPlan>(coreJob('ingest').path, (d) =>
              d.withProperty('order_completed', { id: 'coupon_code', required: false }),
            ),
          ],
        },
        {
          subject: 'docs: mention coupon_code in the tracking plan notes',
          edits: [paragraph('docs/tracking-plans.md', '`coupon_code` is optional: most orders carry none.')],
        },
      ],
      flow: 'approve',
      reviewers: [c.lead],
    }),
    draft(0.16, {
      key: 'docs-runbook',
      category: 'docs',
      author: c.docsWriter,
      title: 'Document the backfill procedure in the runbook',
      body: 'How to backfill a job for a date range without touching production tables.',
      topic: 'runbook-backfills',
      commits: [
        {
          subject: 'docs: describe backfills in the runbook',
          edits: [
            paragraph(
              'docs/runbook.md',
              'To backfill, run the job on staging with `--vars "{start: ..., end: ...}"` and promote the result.',
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.lead],
      deploy: 'none',
    }),
    draft(0.22, {
      key: 'feature-countries',
      category: 'feature-logic',
      author: c.mlEngineer,
      title: `Make ${x.addedCountry} customers eligible for the loyalty offer`,
      body: `The loyalty offer launches in ${x.addedCountry}. Adds it to the countries of \`eligibility_flag\`.`,
      topic: `eligibility-${x.addedCountry.toLowerCase()}`,
      commits: [
        {
          subject: `features: add ${x.addedCountry} to the eligible countries`,
          edits: [editDoc<CustomerFeatures>(FEATURES, (d) => d.withRule({ countries: afterCountries.countries }))],
        },
        {
          subject: 'docs: update the eligible countries',
          trailers: [reviewedBy(c.featureOwner)],
          edits: [
            editDoc<MarkdownDoc>('docs/features.md', (d) =>
              d.withReplaced(eligibilityDoc(rule), eligibilityDoc(afterCountries)),
            ),
          ],
        },
      ],
      flow: 'approve-after-changes',
      reviewers: [c.featureOwner],
      reviewText: { changes: 'Please update docs/features.md too.', approve: 'LGTM, thanks.' },
    }),
    draft(0.27, {
      key: 'marketing-window',
      category: 'unrelated-job',
      author: c.marketingAnalyst,
      title: 'Extend the attribution window to 14 days',
      body: 'Campaigns run for two weeks now.',
      topic: 'attribution-window-14d',
      commits: [
        {
          subject: 'marketing: attribution window of 14 days',
          edits: [editDoc<SqlModel>(coreJob('marketing').path, (d) => d.withVar('attribution_window_days', '14'))],
        },
      ],
      flow: 'approve',
      reviewers: [c.analyticsEngineer],
    }),
    draft(0.33, {
      key: 'identity-identifies',
      category: 'identity',
      author: c.dataEngineer,
      title: 'Stitch identify calls into the customer id graph',
      body: 'Adds `rs_identifies` as an edge source so logins link anonymous sessions to customers.',
      topic: 'stitch-identifies',
      commits: [
        {
          subject: 'profiles: add rs_identifies as an edge source',
          trailers: [coAuthor(c.lead)],
          edits: [editDoc<IdStitcher>(coreJob('identity').path, (d) => d.withEdgeSource('inputs/rs_identifies'))],
        },
        {
          subject: 'docs: identify calls in identity resolution',
          edits: [paragraph('docs/identity.md', 'Identify calls (`raw.identifies`) link anonymous ids to user ids.')],
        },
      ],
      flow: 'approve',
      reviewers: [c.lead],
    }),
    draft(0.38, {
      key: 'tests-staging',
      category: 'tests',
      author: c.analyticsEngineer,
      title: 'Test that staging orders are in EUR',
      body: 'Revenue is reported in EUR; a test catches other currencies early.',
      topic: 'test-currency-eur',
      commits: [
        {
          subject: 'tests: orders are in EUR',
          edits: [
            createDoc('tests/staging/assert_currency_is_eur.sql', () =>
              TextDoc.of(
                "-- Revenue is in EUR.\nselect order_id\nfrom {{ ref('stg_orders') }}\nwhere currency <> 'EUR'\n",
              ),
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.dataEngineer],
      deploy: 'none',
    }),
    draft(0.45, {
      key: 'closed-experiment',
      category: 'feature-logic',
      author: c.mlEngineer,
      title: 'Experiment: lower the LTV threshold',
      body: 'Trying a lower threshold to widen the offer; for discussion.',
      topic: 'experiment-lower-ltv',
      commits: [
        {
          subject: 'features: try a lower LTV threshold',
          edits: [
            editDoc<CustomerFeatures>(FEATURES, (d) =>
              d.withRule({ minLifetimeValue: Math.round(afterCountries.minLifetimeValue * 0.6) }),
            ),
          ],
        },
      ],
      flow: 'closed',
      reviewers: [c.featureOwner],
      reviewText: { comment: 'Finance did not sign off on a lower threshold; closing for now.' },
    }),
    draft(0.52, {
      key: 'upstream-transform',
      category: 'upstream',
      author: c.analyticsEngineer,
      title: 'Exclude QA test orders from staging.orders',
      body: 'QA places test orders with ids starting `qa-`; they inflate revenue.',
      topic: 'exclude-qa-orders',
      commits: [
        {
          subject: 'transformations: drop QA test orders',
          trailers: [reviewedBy(c.dataEngineer)],
          edits: [editDoc<SqlModel>(coreJob('transform').path, (d) => d.withFilter("order_id not like 'qa-%'"))],
        },
      ],
      flow: 'approve',
      reviewers: [c.dataEngineer, c.lead],
    }),
    draft(0.6, {
      key: 'docs-deployments',
      category: 'docs',
      author: c.lead,
      title: 'Spell out the promotion policy',
      body: 'Staging first, always; production only from a commit that ran on staging.',
      topic: 'promotion-policy',
      commits: [
        {
          subject: 'docs: production only from a commit that ran on staging',
          edits: [
            paragraph(
              'docs/deployments.md',
              'Production deploys name a commit that has run on staging for at least a day, and its pull request must be approved.',
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.docsWriter],
      deploy: 'none',
    }),
    buildPullRequest(rng, {
      key: 'planted',
      category: 'planted',
      author: c.featureOwner,
      ...(variant === 'ltv-in-cents'
        ? {
            title: 'Express the LTV threshold of eligibility_flag in cents',
            body: 'The billing export reports amounts in cents; align the eligibility threshold with it.',
            topic: 'ltv-threshold-cents',
          }
        : {
            title: 'Tidy the account-age condition of eligibility_flag',
            body: 'Small tidy-up of the eligibility CASE expression.',
            topic: 'tidy-account-age',
          }),
      startMs: x.plantedStartMs,
      commits: [
        {
          subject:
            variant === 'ltv-in-cents'
              ? 'features: LTV threshold in cents to match billing'
              : 'features: simplify the account age condition',
          edits: [editDoc<CustomerFeatures>(FEATURES, (d) => d.with({ eligibility: bad }))],
        },
        {
          subject: 'docs: note on the eligibility inputs',
          edits: [
            paragraph(
              'docs/features.md',
              'Eligibility inputs come from `analytics.customer_profile`, refreshed daily before the features run.',
            ),
          ],
        },
      ],
      flow: 'comment-only',
      reviewers: [c.analyticsEngineer],
      reviewText: {
        comment:
          variant === 'ltv-in-cents'
            ? 'Are we sure about the units? I thought lifetime_value in the profile is in EUR.'
            : `Is \`<=\` intended here? The docs say at least ${afterCountries.minAccountAgeDays} days.`,
      },
      pace: { commitGap: [20, 50], reviewDelay: [25, 70] },
      deploy: 'production-only',
      endMs,
    }),
    draft(0.74, {
      key: 'marketing-channel',
      category: 'unrelated-job',
      author: c.marketingAnalyst,
      title: 'Report paid social revenue separately',
      body: 'Splits paid social out of the attributed revenue.',
      topic: 'paid-social-revenue',
      commits: [
        {
          subject: 'marketing: paid social revenue column',
          edits: [
            editDoc<SqlModel>(coreJob('marketing').path, (d) =>
              d.withColumn({
                name: 'paid_social_revenue',
                expr: "sum(case when utm_source in ('facebook', 'instagram', 'tiktok') then revenue else 0 end)",
                type: 'NUMERIC',
                from: [
                  ['revenue', 'AGGREGATION'],
                  ['utm_source', 'CONDITIONAL'],
                ],
              }),
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.analyticsEngineer],
    }),
    draft(0.8, {
      key: 'tests-features',
      category: 'tests',
      author: c.mlEngineer,
      title: 'Test that customer_features has one row per customer',
      body: 'Guards the feature table against duplicate customers.',
      topic: 'test-features-unique',
      commits: [
        {
          subject: 'tests: customer_features is unique per customer',
          edits: [
            createDoc('tests/features/assert_customer_id_unique.sql', () =>
              TextDoc.of(
                "-- One row per customer.\nselect customer_id\nfrom {{ ref('customer_features') }}\ngroup by customer_id\nhaving count(*) > 1\n",
              ),
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.featureOwner],
      deploy: 'none',
    }),
    draft(0.84, {
      key: 'feature-days-since',
      category: 'feature-other',
      author: c.mlEngineer,
      title: 'Clamp days_since_last_order at zero',
      body: 'Late events can put the last order after the run date; negative values confuse the model.',
      topic: 'clamp-days-since-last-order',
      commits: [
        {
          subject: 'features: clamp days_since_last_order at zero',
          edits: [
            editDoc<CustomerFeatures>(FEATURES, (d) =>
              d.with({ daysSinceLastOrder: "greatest(0, datediff('day', last_order_at, current_date))" }),
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.lead, c.featureOwner],
    }),
    draft(0.9, {
      key: 'tracking-shipping',
      category: 'tracking-plan',
      author: c.trackingOwner,
      title: 'Track shipping_method on Order Completed',
      body: 'Needed for the delivery-time dashboards.',
      topic: 'track-shipping-method',
      commits: [
        {
          subject: 'tracking-plans: add optional shipping_method',
          edits: [
            editDoc<PropertyCatalog>('tracking-plans/properties.yaml', (d) => d.withProperty('shipping_method')),
            editDoc<TrackingPlan>(coreJob('ingest').path, (d) =>
              d.withProperty('order_completed', { id: 'shipping_method', required: false }),
            ),
          ],
        },
      ],
      flow: 'approve',
      reviewers: [c.lead],
    }),
  ];
}
