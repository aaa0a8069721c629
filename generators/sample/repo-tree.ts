/** The repository as first imported on day 0: every file, as a document. */
import { countryList } from './countries';
import { CustomerFeatures, type EligibilityRule } from './files/features';
import type { FileDoc } from './files/file-doc';
import { CustomerProfile, IdStitcher } from './files/profiles';
import { passThrough, SqlModel, type SqlColumn } from './files/sql-model';
import { MarkdownDoc, TextDoc } from './files/text';
import { PropertyCatalog, TrackingPlan } from './files/tracking-plan';
import type { Rng } from './prng';
import { STATIC_FILES } from './repo-static-files';
import { DATASETS, coreJob, type JobDef } from './world';

/** The sentence of docs/features.md that states the eligibility rule. */
export function eligibilityDoc(rule: EligibilityRule): string {
  return (
    `\`eligibility_flag\`: true when the customer's lifetime value is at least €${rule.minLifetimeValue}, ` +
    `the account is at least ${rule.minAccountAgeDays} days old and the shipping country is one of ` +
    `${countryList(rule.countries)}.`
  );
}

const o = (name: string, expr: string, type: string, from: SqlColumn['from'], description?: string): SqlColumn => ({
  name,
  expr,
  type,
  from,
  ...(description ? { description } : {}),
});

export function stagingOrders(): SqlModel {
  return new SqlModel({
    title: 'Staging model for completed orders from the web checkout stream.',
    config: "materialized='incremental', unique_key='order_id'",
    source: DATASETS.rawCheckout,
    sourceExpr: "{{ source('raw', 'checkout_events') }}",
    columns: [
      passThrough('order_id', 'STRING'),
      passThrough('user_id', 'STRING'),
      passThrough('anonymous_id', 'STRING'),
      o('email', 'lower(trim(email))', 'STRING', [['email', 'TRANSFORMATION']]),
      o(
        'revenue',
        'cast(revenue as numeric(12, 2))',
        'NUMERIC',
        [['revenue', 'TRANSFORMATION']],
        'Order total in EUR.',
      ),
      o('currency', 'upper(currency)', 'STRING', [['currency', 'TRANSFORMATION']]),
      o('country', 'upper(country)', 'STRING', [['country', 'TRANSFORMATION']]),
      passThrough('utm_source', 'STRING'),
      o('ordered_at', 'sent_at', 'TIMESTAMP', [['sent_at', 'IDENTITY']]),
    ],
    filters: ["event = 'Order Completed'", 'revenue is not null'],
    groupBy: [],
    vars: [],
  });
}

function channelAttribution(): SqlModel {
  return new SqlModel({
    title: 'Revenue attributed to marketing channels (last touch within the attribution window).',
    config: "materialized='table'",
    source: DATASETS.stagingOrders,
    sourceExpr: "{{ ref('stg_orders') }}",
    columns: [
      o('channel', "coalesce(utm_source, 'direct')", 'STRING', [['utm_source', 'TRANSFORMATION']]),
      o('attributed_revenue', 'sum(revenue)', 'NUMERIC', [['revenue', 'AGGREGATION']]),
      o('orders', 'count(distinct order_id)', 'INTEGER', [['order_id', 'AGGREGATION']]),
    ],
    filters: ["ordered_at >= dateadd('day', -{{ attribution_window_days }}, current_date)"],
    groupBy: ['1'],
    vars: [['attribution_window_days', '7']],
  });
}

/** A reporting model over staging.orders (extra jobs and analyses). */
export function reportModel(title: string, config: string): SqlModel {
  return new SqlModel({
    title,
    config,
    source: DATASETS.stagingOrders,
    sourceExpr: "{{ ref('stg_orders') }}",
    columns: [
      o('order_date', 'date_trunc(day, ordered_at)', 'DATE', [['ordered_at', 'TRANSFORMATION']]),
      o('orders', 'count(distinct order_id)', 'INTEGER', [['order_id', 'AGGREGATION']]),
      o('revenue', 'sum(revenue)', 'NUMERIC', [['revenue', 'AGGREGATION']]),
    ],
    filters: [],
    groupBy: ['1'],
    vars: [],
  });
}

const ANALYSIS_TOPICS = [
  'basket_size',
  'coupon_usage',
  'repeat_purchase',
  'country_mix',
  'channel_overlap',
  'refund_rate',
];

/** Paths of the analyses (never deployed; filler pull requests edit them). */
export function analysisPaths(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const topic = ANALYSIS_TOPICS[i % ANALYSIS_TOPICS.length] ?? 'misc';
    return `analyses/${topic}_${String(Math.floor(i / ANALYSIS_TOPICS.length) + 1).padStart(3, '0')}.sql`;
  });
}

export interface InitialTreeInput {
  readonly rule: EligibilityRule;
  readonly analyses: number;
  readonly extraJobs: ReadonlyArray<JobDef>;
}

/** Every file of the first commit. */
export function initialTree(rng: Rng, input: InitialTreeInput): Map<string, FileDoc> {
  const tree = new Map<string, FileDoc>();
  tree.set(
    'README.md',
    new MarkdownDoc('data-pipelines', [
      "Configuration of Acme Retail's customer data pipeline: tracking plans, transformations, identity " +
        'resolution, customer profiles and the features served to the offer-eligibility model.',
      '## Layout\n\n- `tracking-plans/`: RudderStack tracking plans (rudder-cli)\n- `transformations/`: dbt models and ' +
        'RudderStack transformations\n- `profiles/`: RudderStack Profiles project (identity stitching, customer ' +
        'profile)\n- `features/`: features served to models\n- `models/`: other warehouse models\n- `destinations/`: ' +
        'destination configuration\n- `tests/`: data tests',
      '## Changes\n\nEvery change goes through a pull request with an approving review. A merge deploys to staging; ' +
        'production is promoted after a day on staging (docs/deployments.md).',
    ]),
  );
  tree.set(
    'docs/features.md',
    new MarkdownDoc('Features', [
      'Features live in `analytics.customer_features`, computed by `features/customer_features.sql` and read by ' +
        'the offer-eligibility model at decision time.',
      eligibilityDoc(input.rule),
      '`days_since_last_order`: days since the latest completed order.',
      '`order_count_90d`: completed orders in the last 90 days.',
    ]),
  );
  tree.set(
    'docs/deployments.md',
    new MarkdownDoc('Deployments', [
      'Merging to main deploys the changed jobs to staging. After a day of checks on staging, a release owner ' +
        'promotes the same commit to production.',
      'Hotfixes follow the same path, with a shorter soak on staging.',
    ]),
  );
  tree.set(
    'docs/runbook.md',
    new MarkdownDoc('Runbook', [
      'Jobs run on the scheduler in the data-platform namespace; each run reports OpenLineage events.',
      'A failed run is retried twice; after that the on-call engineer is paged.',
    ]),
  );
  tree.set(
    'docs/identity.md',
    new MarkdownDoc('Identity resolution', [
      'Customers are stitched from user ids, anonymous ids and emails by the Profiles id stitcher.',
    ]),
  );
  tree.set(
    'docs/tracking-plans.md',
    new MarkdownDoc('Tracking plans', [
      'Tracking plans are applied with rudder-cli; events that break the plan are flagged or dropped.',
    ]),
  );
  for (const [path, text] of Object.entries(STATIC_FILES)) tree.set(path, TextDoc.of(text));
  tree.set(
    coreJob('ingest').path,
    new TrackingPlan('checkout', 'Web Checkout', [
      {
        id: 'order_completed',
        event: 'order_completed',
        properties: [
          { id: 'order_id', required: true },
          { id: 'revenue', required: true },
          { id: 'currency', required: true },
          { id: 'country', required: true },
          { id: 'email', required: false },
          { id: 'utm_source', required: false },
        ],
      },
      {
        id: 'checkout_started',
        event: 'checkout_started',
        properties: [
          { id: 'order_id', required: true },
          { id: 'checkout_step', required: true },
        ],
      },
      {
        id: 'payment_info_entered',
        event: 'payment_info_entered',
        properties: [
          { id: 'order_id', required: true },
          { id: 'payment_method', required: true },
        ],
      },
    ]),
  );
  tree.set(
    'tracking-plans/properties.yaml',
    new PropertyCatalog([
      'order_id',
      'revenue',
      'currency',
      'country',
      'email',
      'utm_source',
      'checkout_step',
      'payment_method',
    ]),
  );
  tree.set(coreJob('transform').path, stagingOrders());
  tree.set(coreJob('identity').path, new IdStitcher(['inputs/stg_orders']));
  tree.set(coreJob('profile').path, new CustomerProfile());
  tree.set(
    coreJob('features').path,
    new CustomerFeatures({
      eligibility: input.rule,
      daysSinceLastOrder: "datediff('day', last_order_at, current_date)",
      orderCount90d: 'order_count_90d',
    }),
  );
  tree.set(coreJob('marketing').path, channelAttribution());
  for (const job of input.extraJobs) {
    tree.set(job.path, reportModel(job.description, "materialized='table'"));
  }
  for (const path of analysisPaths(input.analyses)) {
    const topic = path.slice('analyses/'.length, -'.sql'.length).replace(/_\d+$/, '').replace(/_/g, ' ');
    tree.set(
      path,
      reportModel(`Analysis: ${topic} (${rng.pick(['weekly', 'monthly', 'by country'])}).`, "materialized='ephemeral'"),
    );
  }
  return tree;
}
