/**
 * A world built around the real dbt fixtures, for real-dbt-investigation.test.ts: the OpenLineage events that
 * openlineage-dbt emitted for invocation 1269f08d of the jaffle_shop project on Postgres
 * (fixtures/real/openlineage/ol_dbt_postgres_run_events.json) and that invocation's manifest and run results
 * (fixtures/real/dbt/ol_v7_postgres_1.3.1/), copied as they are; around them, written here: the project's Git
 * history (the manifest's model files at its `original_file_path`s), pull requests, deployments, one earlier run of
 * the `customers` model and the decision logs of a model that reads `customer_lifetime_value` from the table that
 * run wrote.
 *
 * The story: `models/customers.sql` once defaulted a customer's lifetime value to 0 when they had no payments; pull
 * request #2 dropped that default (its file is then byte for byte the manifest's: the real run executed it), was
 * merged with a merge commit, tagged v1.1.0, deployed to staging then production before the real run. Customers
 * without payments then had no lifetime value and were refused the offer. A branch that also changes the model was
 * never merged, and pull request #3's head (`refs/pull/3/head`) is a commit that never ran. A later merge that changes
 * only the README is deployed after the real run.
 *
 * The events carry no `sourceCodeLocation` (the dbt integration emits none): the job's file is the manifest node's
 * `original_file_path`, and the repository is the one the deployments name (`repository`), holding the commits they
 * deployed. The remote `origin` is jaffle_shop's public address, as a clone of the project would have.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realFixture } from '../../fixtures/real-fixtures.js';
import { writeDecisionLogs, type DecisionLogs } from './real-dbt-decisions.js';

export const REAL_EVENTS = realFixture('openlineage', 'ol_dbt_postgres_run_events.json');
const DBT = realFixture('dbt', 'ol_v7_postgres_1.3.1');
export const MODEL_ID = 'model.jaffle_shop.customers';
export const ORIGIN = 'https://github.com/dbt-labs/jaffle_shop.git';
const REPOSITORY = 'jaffle_shop';
const LTV = 'customer_payments.total_amount as customer_lifetime_value';

interface ManifestNode {
  readonly resource_type: string;
  readonly original_file_path: string;
  readonly raw_code?: string;
  readonly raw_sql?: string;
  readonly checksum: { readonly name: string; readonly checksum: string };
}
interface RealEvent {
  readonly eventType: string;
  readonly eventTime: string;
  readonly run: { readonly runId: string; readonly facets: Record<string, unknown> };
  readonly job: { readonly namespace: string; readonly name: string; readonly facets: Record<string, unknown> };
  readonly inputs: ReadonlyArray<unknown>;
  readonly outputs: ReadonlyArray<{ readonly namespace: string; readonly name: string }>;
}

/** The manifest's models: id → node. */
export function manifestModels(): ReadonlyMap<string, ManifestNode> {
  const manifest = JSON.parse(readFileSync(join(DBT, 'manifest.json'), 'utf8')) as {
    nodes: Record<string, ManifestNode>;
  };
  return new Map(Object.entries(manifest.nodes).filter(([, n]) => n.resource_type === 'model'));
}

/** The real COMPLETE event of the `customers` model: its job, output dataset, run id and time. */
export function realCustomersRun(): RealEvent {
  const events = JSON.parse(readFileSync(REAL_EVENTS, 'utf8')) as RealEvent[];
  const run = events.find((e) => e.eventType === 'COMPLETE' && e.job.name.endsWith('.jaffle_shop.customers'));
  if (!run) throw new Error('the real events have no COMPLETE run of the customers model');
  return run;
}

export interface RealDbtWorld {
  readonly root: string;
  readonly repository: string;
  readonly merges: Merges;
  /** The inputs every investigation imports (the decision log is added per case). */
  readonly sources: ReadonlyArray<string>;
  readonly logs: DecisionLogs;
  readonly job: string;
  readonly dataset: { readonly namespace: string; readonly name: string };
  readonly codePath: string;
  /** When the real run of the model completed: the first data written by the changed code. */
  readonly realRunTime: string;
  /** Deployment ids by what they did. */
  readonly deployments: { readonly changeStaging: string; readonly changeProduction: string; readonly later: string };
}

const EARLIER_RUN = '5c0ee6c4-2b1d-4e0a-9a3c-7f1d2e8b9a01';
const EARLIER_INVOCATION = 'b3f1c0de-0e0a-4c8e-8d3f-2a6b9c1e7d42';
const EARLIER_PARENT = '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70';

/** Runs git in `cwd` as `who` at `when` (RFC 3339, UTC), author and committer alike; returns its output. */
function git(cwd: string, who: string, when: string, ...args: string[]): string {
  const date = `${Math.floor(Date.parse(when) / 1000)} +0000`;
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: join(cwd, '..', 'no-global-gitconfig'),
      GIT_AUTHOR_NAME: who,
      GIT_AUTHOR_EMAIL: `${who}@example.com`,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: `${who}@example.com`,
      GIT_COMMITTER_DATE: date,
    },
  }).trim();
}

function write(repo: string, path: string, text: string) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** `customers.sql` as the manifest has it, with its lifetime-value line replaced. */
function customersWith(raw: string, line: string): string {
  if (!raw.includes(LTV)) throw new Error(`the manifest's customers.sql no longer holds "${LTV}"`);
  return raw.replace(LTV, line);
}

/** The merge commits of the history (`git rev-parse HEAD` right after each merge), by pull request. */
export type Merges = Readonly<Record<1 | 2 | 4, string>>;

/** Builds the Git history; returns the path of the repository and its merge commits. */
function buildRepository(root: string, models: ReadonlyMap<string, ManifestNode>): { repo: string; merges: Merges } {
  const repo = join(root, REPOSITORY);
  mkdirSync(repo);
  writeFileSync(join(root, 'no-global-gitconfig'), '');
  const customers = models.get(MODEL_ID) as ManifestNode;
  // A file's text is its raw code and a final newline: the manifest's sha256 checksum is that of the file.
  const fileOf = (n: ManifestNode) => `${n.raw_code ?? n.raw_sql ?? ''}\n`;
  const path = customers.original_file_path;
  const g = (who: string, when: string, ...args: string[]) => git(repo, who, when, ...args);

  g('alice', '2022-12-01T09:00:00Z', 'init', '-q', '-b', 'main');
  g('alice', '2022-12-01T09:00:00Z', 'remote', 'add', 'origin', ORIGIN);
  copyFileSync(join(DBT, 'dbt_project.yml'), join(repo, 'dbt_project.yml'));
  for (const node of models.values()) write(repo, node.original_file_path, fileOf(node));
  write(repo, path, customersWith(fileOf(customers), `coalesce(${LTV.replace(' as ', ', 0) as ')}`));
  write(repo, 'README.md', '# jaffle_shop\n\nThe dbt project behind the loyalty offer.\n');
  g('alice', '2022-12-01T09:00:00Z', 'add', '-A');
  g('alice', '2022-12-01T09:00:00Z', 'commit', '-q', '-m', 'jaffle_shop: staging models, orders and customers');

  // Pull request #1: documentation only, merged and released.
  g('bob', '2022-12-05T10:00:00Z', 'checkout', '-q', '-b', 'docs/model-descriptions');
  write(repo, 'README.md', '# jaffle_shop\n\nThe dbt project behind the loyalty offer.\n\nRun `dbt run`.\n');
  g('bob', '2022-12-05T10:00:00Z', 'commit', '-q', '-am', 'Say how to run the project');
  g('bob', '2022-12-05T14:00:00Z', 'checkout', '-q', 'main');
  g(
    'bob',
    '2022-12-05T14:00:00Z',
    'merge',
    '-q',
    '--no-ff',
    'docs/model-descriptions',
    '-m',
    merge(1, 'docs/model-descriptions'),
  );
  const merge1 = g('bob', '2022-12-05T14:00:00Z', 'rev-parse', 'HEAD');
  g('bob', '2022-12-05T14:05:00Z', 'tag', '-a', 'v1.0.0', '-m', 'jaffle_shop 1.0.0');

  // A branch that changes the model and is never merged.
  g('dave', '2022-12-13T16:00:00Z', 'checkout', '-q', '-b', 'experiment/ltv-floor');
  write(repo, path, customersWith(fileOf(customers), `greatest(${LTV.replace(' as ', ', 0) as ')}`));
  g('dave', '2022-12-13T16:00:00Z', 'commit', '-q', '-am', 'customers: floor lifetime value at zero');
  g('dave', '2022-12-13T16:00:00Z', 'checkout', '-q', 'main');

  // Pull request #2: the change — the model as the manifest has it.
  g('carol', '2022-12-14T08:30:00Z', 'checkout', '-q', '-b', 'fix/customer-ltv-default');
  write(repo, path, fileOf(customers));
  g('carol', '2022-12-14T08:30:00Z', 'commit', '-q', '-am', 'customers: no lifetime value without payments');
  g('carol', '2022-12-14T10:00:00Z', 'checkout', '-q', 'main');
  g(
    'carol',
    '2022-12-14T10:00:00Z',
    'merge',
    '-q',
    '--no-ff',
    'fix/customer-ltv-default',
    '-m',
    merge(2, 'fix/customer-ltv-default'),
  );
  const merge2 = g('carol', '2022-12-14T10:00:00Z', 'rev-parse', 'HEAD');
  g('carol', '2022-12-14T10:05:00Z', 'tag', '-a', 'v1.1.0', '-m', 'jaffle_shop 1.1.0');

  // Pull request #3, from a fork: only its head ref is in the repository; never merged.
  g('erin', '2022-12-14T13:00:00Z', 'checkout', '-q', '-b', 'fork-head');
  write(repo, path, customersWith(fileOf(customers), `round(${LTV.replace(' as ', ', 2) as ')}`));
  g('erin', '2022-12-14T13:00:00Z', 'commit', '-q', '-am', 'customers: round lifetime value to cents');
  g('erin', '2022-12-14T13:00:00Z', 'update-ref', 'refs/pull/3/head', 'HEAD');
  g('erin', '2022-12-14T13:00:00Z', 'checkout', '-q', 'main');
  g('erin', '2022-12-14T13:00:00Z', 'branch', '-q', '-D', 'fork-head');

  // Pull request #4: the README again, merged and deployed after the real run.
  g('bob', '2022-12-15T09:00:00Z', 'checkout', '-q', '-b', 'docs/offer-owner');
  write(
    repo,
    'README.md',
    '# jaffle_shop\n\nThe dbt project behind the loyalty offer (owner: growth).\n\nRun `dbt run`.\n',
  );
  g('bob', '2022-12-15T09:00:00Z', 'commit', '-q', '-am', 'Name the owner of the offer');
  g('bob', '2022-12-15T11:00:00Z', 'checkout', '-q', 'main');
  g('bob', '2022-12-15T11:00:00Z', 'merge', '-q', '--no-ff', 'docs/offer-owner', '-m', merge(4, 'docs/offer-owner'));
  const merge4 = g('bob', '2022-12-15T11:00:00Z', 'rev-parse', 'HEAD');
  return { repo, merges: { 1: merge1, 2: merge2, 4: merge4 } };
}

const merge = (n: number, branch: string) => `Merge pull request #${n} from acme/${branch}`;

/** What `git rev-parse` says of a revision in the world's repository. */
export const revParse = (repo: string, rev: string): string =>
  execFileSync('git', ['rev-parse', `${rev}^{commit}`], { cwd: repo, encoding: 'utf8' }).trim();

/** `git show REV:PATH`. */
export const showFile = (repo: string, rev: string, path: string): string =>
  execFileSync('git', ['show', `${rev}:${path}`], { cwd: repo, encoding: 'utf8' });

/** The deployments (JSON lines): each merge to staging, then to production. */
function deploymentsOf(repo: string): string {
  const at = (id: string, timestamp: string, environment: string, rev: string, pr: number) => ({
    id,
    timestamp,
    environment,
    repository: REPOSITORY,
    commit: revParse(repo, rev),
    actor: 'deploy-bot',
    status: 'success',
    pull_request: pr,
  });
  return jsonl([
    at('dep-1', '2022-12-05T15:00:00Z', 'staging', 'v1.0.0', 1),
    at('dep-2', '2022-12-06T09:00:00Z', 'production', 'v1.0.0', 1),
    at('dep-3', '2022-12-14T11:00:00Z', 'staging', 'v1.1.0', 2),
    at('dep-4', '2022-12-14T15:00:00Z', 'production', 'v1.1.0', 2),
    at('dep-5', '2022-12-15T12:00:00Z', 'staging', 'main', 4),
    at('dep-6', '2022-12-15T14:00:00Z', 'production', 'main', 4),
  ]);
}

/** The pull requests (GitHub REST shape) with their reviews. */
function pullRequestsOf(repo: string, merges: Merges): unknown[] {
  const review = (user: string, state: string, submitted_at: string, commit_id: string) => ({
    user: { login: user },
    state,
    submitted_at,
    commit_id,
  });
  const pr = (n: 1 | 2 | 3 | 4, author: string, branch: string, head: string, opened: string, merged?: string) => ({
    number: n,
    title: branch,
    state: merged ? 'closed' : 'open',
    user: { login: author },
    created_at: opened,
    merged_at: merged ?? null,
    merge_commit_sha: merged && n !== 3 ? merges[n] : null,
    head: { ref: branch, sha: revParse(repo, head) },
    base: { ref: 'main' },
  });
  const sha = (rev: string) => revParse(repo, rev);
  return [
    {
      ...pr(
        1,
        'bob',
        'docs/model-descriptions',
        'docs/model-descriptions',
        '2022-12-05T10:05:00Z',
        '2022-12-05T14:00:00Z',
      ),
      reviews: [review('alice', 'APPROVED', '2022-12-05T13:00:00Z', sha('docs/model-descriptions'))],
    },
    {
      ...pr(
        2,
        'carol',
        'fix/customer-ltv-default',
        'fix/customer-ltv-default',
        '2022-12-14T08:35:00Z',
        '2022-12-14T10:00:00Z',
      ),
      reviews: [review('bob', 'APPROVED', '2022-12-14T09:30:00Z', sha('fix/customer-ltv-default'))],
    },
    {
      ...pr(3, 'erin', 'round-ltv', 'refs/pull/3/head', '2022-12-14T13:05:00Z'),
      reviews: [review('alice', 'CHANGES_REQUESTED', '2022-12-14T14:00:00Z', sha('refs/pull/3/head'))],
    },
    {
      ...pr(4, 'bob', 'docs/offer-owner', 'docs/offer-owner', '2022-12-15T09:05:00Z', '2022-12-15T11:00:00Z'),
      reviews: [review('alice', 'APPROVED', '2022-12-15T10:30:00Z', sha('docs/offer-owner'))],
    },
  ];
}

const jsonl = (rows: ReadonlyArray<unknown>) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

/**
 * The run of the `customers` model one day before the real one, WRITTEN BY THIS TEST (not real data): the real
 * COMPLETE event's job, inputs and outputs, under its own run id, dbt invocation and parent run, and a producer that
 * says who wrote it. Before the change, so the decisions before the real run read data the old code wrote.
 */
function earlierRun(real: RealEvent): string {
  const when = new Date(Date.parse(real.eventTime) - 24 * 3600_000);
  const producer = 'urn:lineage-investigator:test:electron/cli/real-dbt-investigation.test.ts';
  const facets = {
    ...real.run.facets,
    parent: { ...(real.run.facets.parent as object), run: { runId: EARLIER_PARENT } },
    dbt_run: { ...(real.run.facets.dbt_run as object), invocation_id: EARLIER_INVOCATION },
  };
  const event = (eventType: string, ms: number) => ({
    ...real,
    eventType,
    eventTime: new Date(when.getTime() + ms).toISOString(),
    producer,
    run: { runId: EARLIER_RUN, facets },
  });
  return jsonl([event('START', -50), event('COMPLETE', 0)]);
}

/** Writes the world into `root` (an empty temporary folder). */
export function buildRealDbtWorld(root: string): RealDbtWorld {
  const models = manifestModels();
  const { repo: repository, merges } = buildRepository(root, models);
  const real = realCustomersRun();
  const inputs = join(root, 'inputs');
  mkdirSync(inputs);
  // The real files, copied as they are.
  const copies = [
    [REAL_EVENTS, 'ol_dbt_postgres_run_events.json'],
    [join(DBT, 'manifest.json'), 'manifest.json'],
    [join(DBT, 'run_results.json'), 'run_results.json'],
  ].map(([from, name]) => {
    copyFileSync(from as string, join(inputs, name as string));
    return join(inputs, name as string);
  });
  const written = {
    'test-written-earlier-run.ndjson': earlierRun(real),
    'deployments.jsonl': deploymentsOf(repository),
    'pull-requests.json': `${JSON.stringify(pullRequestsOf(repository, merges), null, 2)}\n`,
  };
  for (const [name, text] of Object.entries(written)) writeFileSync(join(inputs, name), text);
  const dataset = { namespace: real.outputs[0]!.namespace, name: real.outputs[0]!.name };
  const logs = writeDecisionLogs(join(root, 'decisions'), {
    dataset,
    earlierRunTime: new Date(Date.parse(real.eventTime) - 24 * 3600_000).toISOString(),
    earlierRunId: EARLIER_RUN,
    realRunTime: real.eventTime,
    realRunId: real.run.runId,
  });
  return {
    root,
    repository,
    merges,
    sources: [repository, ...copies, ...Object.keys(written).map((n) => join(inputs, n))],
    logs,
    job: `${real.job.namespace}:${real.job.name}`,
    dataset,
    codePath: (models.get(MODEL_ID) as ManifestNode).original_file_path,
    realRunTime: real.eventTime,
    deployments: { changeStaging: 'dep-3', changeProduction: 'dep-4', later: 'dep-6' },
  };
}
