/**
 * The pipeline of a world: 2–6 jobs in a DAG (sources → staging → identity → features), the datasets between
 * them, and the 1–3 repositories holding their code, where file names repeat across repositories.
 */
import { renderJobFile } from './code-files.js';
import { trackingPlanFile } from './tracking-plan.js';
import { featureDataset, makeDataset, pickWarehouse, RAW_CRM_FIELDS, stagingDataset } from './datasets.js';
import type { Rng } from './prng.js';
import { createRepo } from './repo-model.js';
import { repoSupportFiles } from './repo-files.js';
import type { Pipeline } from './sim.js';
import type { Dataset, Job, JobRole, Lang, ModelChoice, RepoModel } from './types.js';
import { MODELS } from './models.js';
import { REPO_NAMES } from './vocabulary.js';
import type { WorldPlan } from './world-plan.js';

type StagingRole = 'stg_customers' | 'stg_events' | 'stg_orders';

export interface BuiltPipeline extends Pipeline {
  /** The files of each repository's first commit. */
  readonly initialFiles: ReadonlyMap<RepoModel, Map<string, string>>;
}

export function chooseRoles(plan: WorldPlan, rng: Rng): JobRole[] {
  const roles = new Set<JobRole>(['features']);
  const need = (...rs: JobRole[]) => rs.forEach((r) => roles.add(r));
  if (plan.cause === 'tracking-plan-edit') need('stg_events');
  if (plan.cause === 'identity-rule-change' || plan.cause === 'manual-identity-merge') need('stg_events', 'identity');
  if (plan.cause === 'schema-change' && plan.variant.startsWith('connector')) need('stg_customers', 'ingest');
  for (const r of rng.shuffle<JobRole>(['stg_customers', 'stg_events', 'stg_orders', 'identity', 'ingest'])) {
    if (roles.size >= plan.jobs) break;
    if (r === 'identity' && !roles.has('stg_events')) continue;
    if (r === 'ingest' && !roles.has('stg_customers')) continue;
    roles.add(r);
  }
  if (![...roles].some((r) => r.startsWith('stg_'))) roles.add(rng.pick<StagingRole>(['stg_customers', 'stg_orders']));
  const order: JobRole[] = ['ingest', 'stg_customers', 'stg_events', 'stg_orders', 'identity', 'features'];
  return order.filter((r) => roles.has(r));
}

export function buildPipeline(plan: WorldPlan, org: string, rng: Rng): BuiltPipeline {
  const model = rng.pick(MODELS);
  const target = rng.pick(model.features);
  const choice: ModelChoice = { model, target, others: model.features.filter((f) => f !== target) };
  const roles = chooseRoles(plan, rng);
  const wh = pickWarehouse(rng, org);
  const base = rng.pick(['airflow', 'dagster', 'dbt', `${org}-scheduler`, 'prefect']);
  const prodNs = plan.runEnvironment === 'namespace' ? `${base}-prod` : base;
  const stagingNs = plan.runEnvironment === 'namespace' ? `${base}-staging` : base;
  const nameStyle = rng.pick(['plain', 'dotted', 'dag'] as const);
  const jobName = (r: string) =>
    nameStyle === 'plain' ? r : nameStyle === 'dotted' ? `analytics.${r}` : `customer_360.${r}`;
  const featureTable = rng.pick(['customer_features', `${model.name.replace(/-/g, '_')}_features`, 'features_daily']);

  const datasets: Dataset[] = [];
  const out = new Map<JobRole, Dataset>();
  const add = (d: Dataset) => (datasets.push(d), d);
  const rawCrm = add(
    makeDataset(
      wh,
      'raw_crm',
      'raw',
      roles.includes('ingest') ? 'crm_accounts' : 'crm_customers',
      RAW_CRM_FIELDS,
      !roles.includes('ingest'),
    ),
  );
  const sources: Record<StagingRole, Dataset> = {
    stg_customers: rawCrm,
    stg_events: add(
      makeDataset(
        wh,
        'raw_tracks',
        'rudderstack',
        'tracks',
        ['id', 'anonymous_id', 'user_id', 'event', 'timestamp', 'order_total'],
        true,
      ),
    ),
    stg_orders: add(
      makeDataset(
        wh,
        'raw_orders',
        'shop',
        'orders',
        ['id', 'customer_id', 'created_at', 'total_cents', 'currency_code'],
        true,
      ),
    ),
  };
  for (const r of roles) {
    if (r === 'ingest') out.set(r, rawCrm);
    else if (r === 'identity')
      out.set(
        r,
        add(makeDataset(wh, 'id_graph', 'identity', 'id_graph', ['main_id', 'other_id', 'other_id_type', 'valid_at'])),
      );
    else if (r === 'features') out.set(r, add(featureDataset(wh, choice, featureTable)));
    else out.set(r, add(stagingDataset(wh, r)));
  }
  const inputsOf = (r: JobRole): Dataset[] => {
    if (r === 'ingest')
      return [
        makeDataset(
          () => ({
            namespace: `salesforce://${org}.my.salesforce.com`,
            name: 'Account',
            stagingNamespace: `salesforce://${org}--sandbox.my.salesforce.com`,
            stagingName: 'Account',
          }),
          'sf_account',
          '',
          '',
          ['Id', 'Email', 'BillingCountry', 'CreditScore__c', 'CreatedDate'],
          true,
        ),
      ];
    if (r === 'identity')
      return roles.filter((x) => x === 'stg_events' || x === 'stg_customers').map((x) => out.get(x)!);
    if (r === 'features') return roles.filter((x) => x.startsWith('stg_') || x === 'identity').map((x) => out.get(x)!);
    return [sources[r as StagingRole]];
  };

  const repoCount = Math.min(plan.repositories, roles.filter((r) => r !== 'ingest').length);
  const names = rng.sample(REPO_NAMES, repoCount);
  let prNumber = rng.int(1, 400);
  const repos = names.map((name) =>
    createRepo({
      name,
      org,
      defaultBranch: rng.chance(0.7) ? 'main' : 'master',
      remote: rng.weighted([
        ['https', 4],
        ['ssh', 3],
        ['none', 2],
      ] as const),
      tagReleases: rng.chance(0.6),
      branchesAsRemote: rng.chance(0.25),
      firstPr: (prNumber += rng.int(0, 150)),
    }),
  );
  const codeRoles = roles.filter((r) => r !== 'ingest');
  const repoOf = new Map<JobRole, RepoModel>([['features', repos[0]!]]);
  const rest = rng.shuffle(codeRoles.filter((r) => r !== 'features'));
  rest.forEach((r, i) => repoOf.set(r, i + 1 < repos.length ? repos[i + 1]! : rng.pick(repos)));

  const featureLang: Lang = rng.chance(0.55) ? 'sql' : 'python';
  const featurePath = rng.pick(
    featureLang === 'sql'
      ? ['models/features.sql', 'models/marts/customer_features.sql', 'dbt/models/features.sql']
      : ['transform.py', 'features/build_features.py', 'jobs/features/transform.py'],
  );
  const used = new Map<RepoModel, Set<string>>(repos.map((r) => [r, new Set<string>()]));
  const place = (r: JobRole): { lang: Lang; path: string } => {
    const repo = repoOf.get(r)!;
    const taken = used.get(repo)!;
    let choice: { lang: Lang; path: string };
    if (r === 'features') choice = { lang: featureLang, path: featurePath };
    else if (r === 'identity')
      choice = {
        lang: 'yaml',
        path: rng.pick(['models/profiles.yaml', 'identity/id_stitcher.yaml', 'profiles/models/profiles.yaml']),
      };
    else if (repo !== repos[0] && !taken.has(featurePath) && rng.chance(0.75))
      choice = { lang: featureLang, path: featurePath };
    else {
      const lang: Lang = rng.chance(0.5) ? 'sql' : 'python';
      choice = {
        lang,
        path:
          lang === 'sql'
            ? rng.pick([`models/staging/${r}.sql`, `sql/${r}.sql`])
            : rng.pick([`jobs/${r}.py`, `pipelines/${r}/transform.py`]),
      };
    }
    if (taken.has(choice.path)) choice = { lang: choice.lang, path: choice.path.replace(/(\.\w+)$/, `_${r}$1`) };
    taken.add(choice.path);
    return choice;
  };

  const initialFiles = new Map<RepoModel, Map<string, string>>(repos.map((r) => [r, new Map<string, string>()]));
  const jobs: Job[] = [];
  const order: JobRole[] = ['features', ...roles.filter((r) => r !== 'features')];
  for (const r of order) {
    const name =
      r === 'ingest'
        ? `fivetran_${rng.pick(['salesforce', 'crm'])}_sync`
        : r === 'features'
          ? jobName(featureTable)
          : jobName(r === 'identity' ? 'identity_stitching' : r);
    const inputs = inputsOf(r);
    const output = out.get(r)!;
    const repo = repoOf.get(r);
    const where = repo ? place(r) : undefined;
    const file = where && repo ? renderJobFile(r, where.lang, name, inputs, output, choice, rng) : undefined;
    if (file && where && repo) initialFiles.get(repo)!.set(where.path, file.text);
    jobs.push({
      role: r,
      name,
      namespace: r === 'ingest' ? `fivetran://${org}` : prodNs,
      stagingNamespace: r === 'ingest' ? `fivetran://${org}` : stagingNs,
      inputs,
      output,
      ...(repo && where && { repo, path: where.path }),
      lang: where?.lang ?? 'yaml',
      ...(file && { sensitive: file.sensitive, ...(file.rename && { rename: file.rename }) }),
      tracking: 'none',
      integration:
        r === 'ingest' ? 'FIVETRAN' : where?.lang === 'sql' ? 'DBT' : rng.pick(['AIRFLOW', 'SPARK'] as const),
      offsetMinutes:
        ['ingest', 'stg_customers', 'stg_events', 'stg_orders', 'identity', 'features'].indexOf(r) * 35 +
        rng.int(0, 10),
      watchPaths: [],
    });
  }
  const ordered = ['ingest', 'stg_customers', 'stg_events', 'stg_orders', 'identity', 'features'].flatMap((r) =>
    jobs.filter((j) => j.role === r),
  );
  let trackingPlan: Pipeline['trackingPlan'];
  const events = ordered.find((j) => j.role === 'stg_events');
  if (events && (plan.cause === 'tracking-plan-edit' || rng.chance(0.6))) {
    const repo = events.repo ?? repos[0]!;
    const name = rng.pick(['checkout', 'web_events', 'commerce']);
    const path = `tracking-plans/${name}.yaml`;
    initialFiles.get(repo)!.set(path, trackingPlanFile(name).text);
    trackingPlan = { repo, path, name };
    (events.watchPaths as { repo: RepoModel; path: string }[]).push({ repo, path });
  }
  for (const repo of repos) {
    for (const [p, t] of repoSupportFiles(repo, ordered, rng)) initialFiles.get(repo)!.set(p, t);
    if (repo !== repos[0] && !initialFiles.get(repo)!.has(featurePath)) {
      initialFiles
        .get(repo)!
        .set(
          featurePath,
          `${featureLang === 'sql' ? '--' : '#'} deprecated: moved to ${repos[0]!.name}; kept for the legacy backfill\n`,
        );
    }
  }
  return {
    jobs: ordered,
    datasets,
    repos,
    featureJob: ordered.find((j) => j.role === 'features')!,
    choice,
    trackingPlan,
    jobNamespaceBase: base,
    initialFiles,
  };
}
