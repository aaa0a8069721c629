/**
 * Ordinary work around the story: documentation, tests, analyses, CI and (large scale) reporting marts.
 * None of it touches the code of a job upstream of the features.
 */
import type { FileDoc } from './files/file-doc';
import type { SqlColumn, SqlModel } from './files/sql-model';
import { MarkdownDoc, TextDoc } from './files/text';
import type { Person } from './people';
import { createDoc, editDoc, type Edit, type PrCategory, type PullRequestPlan } from './plan-types';
import { buildPullRequest, type ReviewFlow } from './pr-builder';
import type { Rng } from './prng';
import { DAY, HOUR } from './time';
import type { JobDef } from './world';

export interface FillerInput {
  readonly rng: Rng;
  readonly people: ReadonlyArray<Person>;
  readonly startMs: number;
  readonly endMs: number;
  readonly analyses: ReadonlyArray<string>;
  readonly marts: ReadonlyArray<JobDef>;
  /** Commits the story already makes; fillers are added until `targetCommits`. */
  readonly storyCommits: number;
  readonly targetCommits: number;
  /** Whether an occasional docs change merges without review (large scale only). */
  readonly unreviewedDocs: boolean;
}

const TOPICS = [
  'on-call handover',
  'naming conventions',
  'warehouse costs',
  'incident review template',
  'data contracts',
  'PII handling',
  'late-arriving events',
  'schema changes',
  'freshness targets',
  'query style',
  'sampling for QA',
  'access requests',
];
const SENTENCES = [
  'Ask in #data-platform before changing it.',
  'The owners listed in CODEOWNERS decide.',
  'Keep examples short and runnable on staging.',
  'Prefer incremental models once a table passes ten million rows.',
  'Record the decision and its date here.',
  'Link the dashboard or ticket that motivated the change.',
];
const DOCS = ['README.md', 'docs/runbook.md', 'docs/identity.md', 'docs/tracking-plans.md', 'docs/deployments.md'];
const COLUMNS: ReadonlyArray<SqlColumn> = [
  { name: 'avg_order_value', expr: 'avg(revenue)', type: 'NUMERIC', from: [['revenue', 'AGGREGATION']] },
  { name: 'customers', expr: 'count(distinct user_id)', type: 'INTEGER', from: [['user_id', 'AGGREGATION']] },
  { name: 'countries', expr: 'count(distinct country)', type: 'INTEGER', from: [['country', 'AGGREGATION']] },
  { name: 'max_order_value', expr: 'max(revenue)', type: 'NUMERIC', from: [['revenue', 'AGGREGATION']] },
  { name: 'median_order_value', expr: 'median(revenue)', type: 'NUMERIC', from: [['revenue', 'AGGREGATION']] },
  {
    name: 'direct_orders',
    expr: 'count_if(utm_source is null)',
    type: 'INTEGER',
    from: [
      ['order_id', 'AGGREGATION'],
      ['utm_source', 'CONDITIONAL'],
    ],
  },
  {
    name: 'anonymous_orders',
    expr: 'count_if(user_id is null)',
    type: 'INTEGER',
    from: [
      ['order_id', 'AGGREGATION'],
      ['user_id', 'CONDITIONAL'],
    ],
  },
];
const FILTERS = ["currency = 'EUR'", 'country is not null', 'revenue > 0', 'utm_source is not null'];
/** The tests folder of each model. */
const TEST_FOLDERS: Readonly<Record<string, string>> = {
  stg_orders: 'staging',
  customer_id_stitcher: 'identity',
  customer_profile: 'profiles',
  channel_attribution: 'marketing',
};
/** Data tests: model, column, the rows that fail, what it asserts. */
const TESTS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['stg_orders', 'revenue', 'revenue < 0', 'Revenue is never negative.'],
  ['stg_orders', 'country', 'length(country) <> 2', 'Countries are ISO 3166-1 alpha-2 codes.'],
  ['stg_orders', 'ordered_at', 'ordered_at > current_timestamp', 'No orders from the future.'],
  ['customer_id_stitcher', 'main_id', 'main_id is null', 'Every id is stitched to a customer.'],
  ['customer_profile', 'lifetime_value', 'lifetime_value < 0', 'Lifetime value is never negative.'],
  ['channel_attribution', 'attributed_revenue', 'attributed_revenue < 0', 'Attributed revenue is never negative.'],
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface Outline {
  readonly category: PrCategory;
  readonly title: string;
  readonly commits: ReadonlyArray<{ readonly subject: string; readonly edits: ReadonlyArray<Edit> }>;
  readonly deploy: 'promote' | 'none';
}

function outline(rng: Rng, category: PrCategory, input: FillerInput, n: number, serial: number): Outline {
  const commits: { subject: string; edits: Edit[] }[] = [];
  switch (category) {
    case 'docs': {
      const topic = rng.pick(TOPICS);
      const page = rng.chance(0.5) ? rng.pick(DOCS) : `docs/notes/${slug(topic)}.md`;
      for (let i = 0; i < n; i++) {
        const text = `${topic[0]?.toUpperCase()}${topic.slice(1)}: ${rng.pick(SENTENCES)}`;
        commits.push({
          subject: i === 0 ? `docs: ${topic}` : 'docs: review comments',
          edits: [
            createDoc(page, (d: FileDoc | undefined) =>
              (d instanceof MarkdownDoc
                ? d
                : new MarkdownDoc(topic[0]?.toUpperCase() + topic.slice(1), [])
              ).withParagraph(text),
            ),
          ],
        });
      }
      return { category, title: `Docs: ${topic}`, commits, deploy: 'none' };
    }
    case 'tests': {
      const [model, column, failing, text] = rng.pick(TESTS);
      for (let i = 0; i < n; i++) {
        const path = `tests/${TEST_FOLDERS[model] ?? model}/assert_${column}_${serial}${i > 0 ? `_${i}` : ''}.sql`;
        commits.push({
          subject: i === 0 ? `tests: ${column} of ${model}` : `tests: one more case for ${column}`,
          edits: [
            createDoc(path, () => TextDoc.of(`-- ${text}\nselect *\nfrom {{ ref('${model}') }}\nwhere ${failing}\n`)),
          ],
        });
      }
      return { category, title: `Test ${column} of ${model}`, commits, deploy: 'none' };
    }
    case 'ci': {
      for (let i = 0; i < n; i++) {
        const pin = `sqlfluff==3.${rng.int(0, 3)}.${rng.int(0, 9)} dbt-core==1.8.${rng.int(2, 9)}`;
        commits.push({
          subject: i === 0 ? 'ci: bump linters' : 'ci: fix the pin',
          edits: [
            editDoc<TextDoc>('.github/workflows/ci.yml', (d) =>
              d.withLine('- run: pip install', `- run: pip install ${pin}`),
            ),
          ],
        });
      }
      return { category, title: 'CI: bump sqlfluff and dbt-core', commits, deploy: 'none' };
    }
    case 'analysis':
    case 'mart': {
      const mart = category === 'mart' ? rng.pick(input.marts) : undefined;
      const path = mart ? mart.path : rng.pick(input.analyses);
      const name = path.slice(path.lastIndexOf('/') + 1, -'.sql'.length);
      for (let i = 0; i < n; i++) {
        const column = rng.pick(COLUMNS);
        const filter = rng.pick(FILTERS);
        const addColumn = rng.chance(0.7);
        commits.push({
          subject: addColumn
            ? `${mart ? 'marts' : 'analyses'}: ${column.name} in ${name}`
            : `${mart ? 'marts' : 'analyses'}: filter ${name}`,
          edits: [editDoc<SqlModel>(path, (d) => (addColumn ? d.withColumn(column) : d.withFilter(filter)))],
        });
      }
      return {
        category,
        title: `${mart ? 'Mart' : 'Analysis'} ${name}: ${commits[0]?.subject.split(': ')[1] ?? 'update'}`,
        commits,
        deploy: mart ? 'promote' : 'none',
      };
    }
    default:
      throw new Error(`no filler of category ${category}`);
  }
}

/** Filler pull requests, spread over the period, until the history reaches its target size. */
export function fillerPullRequests(input: FillerInput): PullRequestPlan[] {
  const { rng, people } = input;
  const weights: ReadonlyArray<readonly [PrCategory, number]> = input.marts.length
    ? [
        ['docs', 0.22],
        ['tests', 0.15],
        ['analysis', 0.3],
        ['ci', 0.03],
        ['mart', 0.3],
      ]
    : [
        ['docs', 0.35],
        ['tests', 0.25],
        ['analysis', 0.25],
        ['ci', 0.15],
      ];
  const out: PullRequestPlan[] = [];
  const topics = new Set<string>();
  let commits = input.storyCommits;
  for (let serial = 1; commits < input.targetCommits; serial++) {
    let r = rng.next();
    const category = (weights.find(([, w]) => (r -= w) < 0) ?? weights[0])?.[0] ?? 'docs';
    const n = rng.chance(0.55) ? 1 : rng.chance(0.65) ? 2 : 3;
    const o = outline(rng, category, input, n, serial);
    const author = rng.pick(people);
    const others = people.filter((p) => p !== author);
    let flow: ReviewFlow = n >= 2 && rng.chance(0.15) ? 'approve-after-changes' : 'approve';
    if (input.unreviewedDocs && category === 'docs' && rng.chance(0.05)) flow = 'none';
    let topic = slug(o.title);
    if (topic.length > 40) topic = topic.slice(0, 40).replace(/-[^-]*$/, '');
    while (topics.has(`${author.login}/${topic}`)) topic = `${topic.replace(/-\d+$/, '')}-${serial}`;
    topics.add(`${author.login}/${topic}`);
    const startMs = input.startMs + DAY + rng.float(0, input.endMs - input.startMs - DAY - 12 * HOUR);
    const pr = buildPullRequest(rng, {
      key: `filler-${serial}`,
      category: o.category,
      author,
      title: o.title,
      body: rng.pick(SENTENCES),
      topic,
      startMs,
      commits: o.commits.map((c) => {
        if (!rng.chance(0.05)) return c;
        const co = rng.pick(others);
        return { ...c, trailers: [`Co-authored-by: ${co.name} <${co.email}>`] };
      }),
      flow,
      reviewers: rng.shuffle(others).slice(0, rng.chance(0.1) ? 2 : 1),
      deploy: o.deploy,
      endMs: input.endMs,
    });
    commits += pr.commits.length + (pr.merge ? 1 : 0);
    out.push(pr);
  }
  return out;
}
