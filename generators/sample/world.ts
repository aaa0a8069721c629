/**
 * The fixed cast of the sample: the repository, the jobs and datasets of the pipeline, the model and its
 * features. Names follow OpenLineage (`namespace:name`) and FORMATS.md.
 */
import type { DatasetRef } from '../../shared/model/records';

export const REPOSITORY = {
  /** The `repository` field of deployment records. */
  name: 'data-pipelines',
  owner: 'acme',
  /** `sourceCodeLocation.url` / `repoUrl` of every job. */
  url: 'https://git.example.com/acme/data-pipelines.git',
  webUrl: 'https://git.example.com/acme/data-pipelines',
  apiUrl: 'https://git.example.com/api/v3/repos/acme/data-pipelines',
} as const;

export const JOB_NAMESPACE = 'data-platform';
export const WAREHOUSE = 'warehouse';
/** The scheduler writes lineage event times in this offset (Europe, winter time). */
export const SCHEDULER_OFFSET_MINUTES = 60;

export const DATASETS = {
  sourceEvents: { namespace: 'rudderstack', name: 'web.checkout_events' },
  rawCheckout: { namespace: WAREHOUSE, name: 'raw.checkout_events' },
  rawIdentifies: { namespace: WAREHOUSE, name: 'raw.identifies' },
  stagingOrders: { namespace: WAREHOUSE, name: 'staging.orders' },
  idGraph: { namespace: WAREHOUSE, name: 'identity.id_graph' },
  customerProfile: { namespace: WAREHOUSE, name: 'analytics.customer_profile' },
  customerFeatures: { namespace: WAREHOUSE, name: 'analytics.customer_features' },
  channelAttribution: { namespace: WAREHOUSE, name: 'marketing.channel_attribution' },
} satisfies Record<string, DatasetRef>;

export const MODEL_NAME = 'offer-eligibility';
export const FEATURE_NAME = 'eligibility_flag';
/** The other feature the model reads from the same dataset. */
export const OTHER_FEATURE = 'days_since_last_order';

const DBT = 'https://github.com/OpenLineage/OpenLineage/tree/1.26.0/integration/dbt';
const RUDDER = 'https://git.example.com/acme/rudderstack-openlineage/tree/v0.4.2';
const PROFILES = 'https://git.example.com/acme/profiles-openlineage/tree/v0.2.1';

/** A scheduled job of the pipeline and where its code lives in the repository. */
export interface JobDef {
  readonly key: string;
  /** OpenLineage job name (namespace is JOB_NAMESPACE). */
  readonly name: string;
  /** `sourceCodeLocation.path`: the file in the repository that is this job's code. */
  readonly path: string;
  readonly output: DatasetRef;
  readonly integration: string;
  readonly jobType: string;
  readonly producer: string;
  readonly description: string;
}

export const CORE_JOBS: ReadonlyArray<JobDef> = [
  {
    key: 'ingest',
    name: 'ingest.checkout_events',
    path: 'tracking-plans/checkout.yaml',
    output: DATASETS.rawCheckout,
    integration: 'RUDDERSTACK',
    jobType: 'JOB',
    producer: RUDDER,
    description: 'Loads web checkout events validated against the checkout tracking plan.',
  },
  {
    key: 'transform',
    name: 'transform.stg_orders',
    path: 'transformations/stg_orders.sql',
    output: DATASETS.stagingOrders,
    integration: 'DBT',
    jobType: 'MODEL',
    producer: DBT,
    description: 'Completed orders, cleaned and typed.',
  },
  {
    key: 'identity',
    name: 'identity.customer_id_stitcher',
    path: 'profiles/models/id_stitcher.yaml',
    output: DATASETS.idGraph,
    integration: 'PROFILES',
    jobType: 'MODEL',
    producer: PROFILES,
    description: 'Stitches user ids, anonymous ids and emails into one customer id.',
  },
  {
    key: 'profile',
    name: 'profiles.customer_profile',
    path: 'profiles/models/customer_profile.yaml',
    output: DATASETS.customerProfile,
    integration: 'PROFILES',
    jobType: 'MODEL',
    producer: PROFILES,
    description: 'One row per customer: lifetime value, country, account age, order activity.',
  },
  {
    key: 'features',
    name: 'features.customer_features',
    path: 'features/customer_features.sql',
    output: DATASETS.customerFeatures,
    integration: 'DBT',
    jobType: 'MODEL',
    producer: DBT,
    description: 'Features served to the offer-eligibility model.',
  },
  {
    key: 'marketing',
    name: 'marketing.channel_attribution',
    path: 'models/marketing/channel_attribution.sql',
    output: DATASETS.channelAttribution,
    integration: 'DBT',
    jobType: 'MODEL',
    producer: DBT,
    description: 'Revenue attributed to marketing channels.',
  },
];

export const EXTRA_JOB_NAMES: ReadonlyArray<string> = [
  'daily_revenue',
  'refunds',
  'product_performance',
  'cohort_retention',
  'inventory_snapshot',
  'support_contacts',
  'basket_composition',
  'shipping_times',
];

/** More jobs of the same warehouse, none upstream of the features (large scale only). */
export function extraJobs(count: number): JobDef[] {
  return EXTRA_JOB_NAMES.slice(0, count).map((name) => ({
    key: `mart:${name}`,
    name: `marts.${name}`,
    path: `models/marts/${name}.sql`,
    output: { namespace: WAREHOUSE, name: `marts.${name}` },
    integration: 'DBT',
    jobType: 'MODEL',
    producer: DBT,
    description: `Reporting mart ${name.replace(/_/g, ' ')}.`,
  }));
}

/** `namespace:name` of a job. */
export function jobId(job: JobDef): string {
  return `${JOB_NAMESPACE}:${job.name}`;
}

export function datasetId(ref: DatasetRef): string {
  return `${ref.namespace}:${ref.name}`;
}

export function coreJob(key: string): JobDef {
  const job = CORE_JOBS.find((j) => j.key === key);
  if (!job) throw new Error(`no core job ${key}`);
  return job;
}
