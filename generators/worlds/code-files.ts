/**
 * The text of the files in the repositories: each job's code (SQL, Python or a profiles YAML), a tracking plan,
 * docs and CI. Every job file has one sensitive line (what the decisions depend on) with a plausible wrong edit,
 * and lines that innocent edits touch (a config knob, a note).
 */
import type { Rng } from './prng.js';
import type { Dataset, JobRole, Lang, ModelChoice } from './types.js';
import { NOTES } from './vocabulary.js';

export interface LinePair {
  readonly good: string;
  readonly bad: string;
}

export interface JobFile {
  readonly text: string;
  readonly sensitive: LinePair;
  /** For a staging job: the line whose edit renames a field of its output. */
  readonly rename?: LinePair & { readonly field: string; readonly to: string };
}

interface StagingColumns {
  readonly source: string;
  readonly fields: ReadonlyArray<string>;
  readonly cols: ReadonlyArray<string>;
  readonly sensitive: readonly [string, string];
  readonly rename: readonly [string, string, string];
}

const STAGING: Record<'stg_customers' | 'stg_events' | 'stg_orders', StagingColumns> = {
  stg_customers: {
    source: "source('crm', 'customers')",
    fields: ['customer_id', 'email', 'signup_date', 'balance_cents', 'limit_cents', 'country_code', 'credit_score'],
    cols: ['customer_id', 'lower(email) as email', 'signup_date', 'balance_cents', 'limit_cents'],
    sensitive: ['cast(credit_score as integer) as credit_score', 'cast(credit_score / 10 as integer) as credit_score'],
    rename: ['country_code', 'country_code as country_iso_code', 'country_iso_code'],
  },
  stg_events: {
    source: "source('rudderstack', 'tracks')",
    fields: ['event_id', 'anonymous_id', 'event_name', 'event_ts', 'customer_id', 'is_order'],
    cols: ['event_id', 'anonymous_id', 'event_name', 'timestamp as event_ts'],
    sensitive: [
      "case when event_name = 'order_completed' then 1 else 0 end as is_order",
      "case when event_name = 'Order Completed' then 1 else 0 end as is_order",
    ],
    rename: ['user_id as customer_id', 'user_id', 'user_id'],
  },
  stg_orders: {
    source: "source('shop', 'orders')",
    fields: ['order_id', 'customer_id', 'order_ts', 'chargeback_flag', 'currency_code', 'amount_cents'],
    cols: ['order_id', 'customer_id', 'created_at as order_ts', 'chargeback_flag'],
    sensitive: ['total_cents as amount_cents', 'total_cents / 100 as amount_cents'],
    rename: ['currency_code', 'currency_code as currency', 'currency'],
  },
};

/** The output fields of a staging job. */
export function stagingFields(role: 'stg_customers' | 'stg_events' | 'stg_orders'): string[] {
  return [...STAGING[role].fields, 'loaded_at'];
}

export function renameOf(role: 'stg_customers' | 'stg_events' | 'stg_orders'): { field: string; to: string } {
  const s = STAGING[role];
  return { field: s.rename[0].split(' as ').pop()!, to: s.rename[2] };
}

export function renderJobFile(
  role: JobRole,
  lang: Lang,
  jobName: string,
  inputs: ReadonlyArray<Dataset>,
  output: Dataset,
  choice: ModelChoice,
  rng: Rng,
): JobFile {
  const note = rng.pick(NOTES);
  if (role === 'identity') return identityFile(jobName, inputs, note, rng);
  if (role === 'features')
    return lang === 'python'
      ? featuresPy(jobName, inputs, output, choice, note)
      : featuresSql(jobName, inputs, choice, note);
  if (role === 'ingest') throw new Error('a connector has no code file');
  return lang === 'python' ? stagingPy(role, jobName, note) : stagingSql(role, jobName, note);
}

function featuresSql(jobName: string, inputs: ReadonlyArray<Dataset>, choice: ModelChoice, note: string): JobFile {
  const refs = inputs.map((d) => d.key);
  const ctes = refs.map((r, i) => `${i === 0 ? 'with' : ''} ${r} as (\n    select * from {{ ref('${r}') }}\n)`.trim());
  const line = (sql: string, name: string) => `    ${sql} as ${name},`;
  const sensitive = {
    good: line(choice.target.sql, choice.target.name),
    bad: line(choice.target.sqlBug, choice.target.name),
  };
  const body = [
    `-- ${jobName}: one row per customer, read by the ${choice.model.name} model`,
    `-- ${note}`,
    "{{ config(materialized='table', tags=['features', 'daily']) }}",
    '',
    ctes.join(',\n\n'),
    '',
    'select',
    `    c.customer_id,`,
    sensitive.good,
    ...choice.others.map((o) => line(o.sql, o.name)),
    '    current_timestamp as computed_at',
    `from ${refs[0]} c`,
    ...refs.slice(1).map((r, i) => `left join ${r} j${i + 1} on j${i + 1}.customer_id = c.customer_id`),
    'group by c.customer_id',
    '',
  ];
  return { text: body.join('\n'), sensitive };
}

function featuresPy(
  jobName: string,
  inputs: ReadonlyArray<Dataset>,
  output: Dataset,
  choice: ModelChoice,
  note: string,
): JobFile {
  const line = (py: string, name: string) => `    df["${name}"] = ${py}`;
  const sensitive = {
    good: line(choice.target.py, choice.target.name),
    bad: line(choice.target.pyBug, choice.target.name),
  };
  const merges = inputs.slice(1).map((d) => `    df = df.merge(frames["${d.key}"], on="customer_id", how="left")`);
  const cols = ['customer_id', choice.target.name, ...choice.others.map((o) => o.name)];
  const body = [
    `"""${jobName}: builds ${output.name} for the ${choice.model.name} model."""`,
    'import pandas as pd',
    '',
    'ALLOWED_COUNTRIES = {"US", "CA", "GB"}',
    'CHUNK_SIZE = 5000',
    `# ${note}`,
    '',
    '',
    'def transform(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:',
    `    df = frames["${inputs[0]!.key}"].copy()`,
    ...merges,
    sensitive.good,
    ...choice.others.map((o) => line(o.py, o.name)),
    '    return df[OUTPUT_COLUMNS]',
    '',
    '',
    `OUTPUT_COLUMNS = [${cols.map((c) => `"${c}"`).join(', ')}]`,
    '',
  ];
  return { text: body.join('\n'), sensitive };
}

function stagingSql(role: 'stg_customers' | 'stg_events' | 'stg_orders', jobName: string, note: string): JobFile {
  const s = STAGING[role];
  const sensitive = { good: `    ${s.sensitive[0]},`, bad: `    ${s.sensitive[1]},` };
  const rename = { good: `    ${s.rename[0]},`, bad: `    ${s.rename[1]},`, ...renameOf(role) };
  const body = [
    `-- ${jobName}: cleans ${s.source.replace(/source\('(\w+)', '(\w+)'\)/, '$1.$2')}`,
    `-- ${note}`,
    "{{ config(materialized='view') }}",
    '',
    'select',
    ...s.cols.map((c) => `    ${c},`),
    rename.good,
    sensitive.good,
    '    current_timestamp as loaded_at',
    `from {{ ${s.source} }}`,
    'where _fivetran_deleted is not true',
    '',
  ];
  return { text: body.join('\n'), sensitive, rename };
}

function stagingPy(role: 'stg_customers' | 'stg_events' | 'stg_orders', jobName: string, note: string): JobFile {
  const s = STAGING[role];
  const expr = (c: string) => {
    const [src, dst] = c.includes(' as ') ? c.split(' as ') : [c, c];
    return `    out["${dst!.trim()}"] = sql_expr("${src!.trim()}")`;
  };
  const sensitive = { good: expr(s.sensitive[0]), bad: expr(s.sensitive[1]) };
  const rename = { good: expr(s.rename[0]), bad: expr(s.rename[1]), ...renameOf(role) };
  const body = [
    `"""${jobName}: cleans ${s.source.replace(/source\('(\w+)', '(\w+)'\)/, '$1.$2')}."""`,
    'from pipeline.expr import sql_expr',
    '',
    'CHUNK_SIZE = 20000',
    `# ${note}`,
    '',
    '',
    'def transform(raw):',
    '    out = {}',
    ...s.cols.map(expr),
    rename.good,
    sensitive.good,
    '    return raw.select(out)',
    '',
  ];
  return { text: body.join('\n'), sensitive, rename };
}

function identityFile(jobName: string, inputs: ReadonlyArray<Dataset>, note: string, rng: Rng): JobFile {
  const threshold = rng.pick(['0.92', '0.9', '0.95']);
  const sensitive = { good: `      match_threshold: ${threshold}`, bad: '      match_threshold: 0.42' };
  const body = [
    `# ${jobName}: identity stitching for the customer 360`,
    `# ${note}`,
    'models:',
    `  - name: ${jobName}`,
    '    model_type: id_stitcher',
    '    model_spec:',
    '      validity_time: 24h',
    '      entity_key: user',
    sensitive.good,
    '      edge_sources:',
    ...inputs.map((d) => `        - from: inputs/${d.key}`),
    '      id_types:',
    '        - user_id',
    '        - email',
    '        - anonymous_id',
    '',
  ];
  return { text: body.join('\n'), sensitive };
}

/** An innocent edit of a job file: a config knob, a note, or a trailing comment. */
export function innocentEdit(text: string, lang: Lang, rng: Rng): string {
  const lines = text.split('\n');
  const comment = lang === 'sql' ? '--' : '#';
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const i = lines.findIndex(
      (l) => l.startsWith('{{ config(') || l.startsWith('CHUNK_SIZE') || l.includes('validity_time'),
    );
    if (i >= 0) {
      const l = lines[i]!;
      if (l.startsWith('{{ config('))
        lines[i] = l.includes("'view'")
          ? l.replace("'view'", "'table'")
          : l.replace(/tags=\[[^\]]*\]/, `tags=['features', '${rng.pick(['daily', 'hourly', 'tier1', 'pii'])}']`);
      else if (l.startsWith('CHUNK_SIZE')) lines[i] = `CHUNK_SIZE = ${rng.pick([2000, 5000, 10000, 20000, 50000])}`;
      else lines[i] = `      validity_time: ${rng.pick(['12h', '24h', '48h'])}`;
      if (lines[i] !== l) return lines.join('\n');
    }
  }
  if (kind === 1 && lines[1]?.startsWith(comment)) {
    lines[1] = `${comment} ${rng.pick(NOTES)}`;
    return lines.join('\n');
  }
  return `${text.replace(/\n$/, '')}\n${comment} ${rng.pick(NOTES)} (${rng.hex(6)})\n`;
}
