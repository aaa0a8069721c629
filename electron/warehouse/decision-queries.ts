/**
 * The aggregate answers of a decision source, each one query pushed down: the outcome series the onset tests, the
 * scope of a feature or dataset version (counts, a page of decisions, the CSV export). Only these answers leave the
 * engine, never the rows behind them.
 */
import { csvField } from '../../shared/analysis/csv.js';
import type { OutcomeBin } from '../../shared/analysis/engine-types.js';
import type { DecisionSource } from './decision-source.js';
import { numberOf } from './sql-engine.js';

const iso = (ms: unknown) => new Date(numberOf(ms)).toISOString();
const rate = (outcomes: number, decisions: number) => Math.round((outcomes / decisions) * 1000) / 1000;

/**
 * The rate of `outcome` among `model`'s decisions up to `until`, one bin per feature version (in order of first use)
 * or per UTC day, as the onset's series has it (engine-types.ts OutcomeBin).
 */
export async function outcomeSeries(
  source: DecisionSource,
  opts: {
    readonly model: string;
    readonly outcome: string;
    readonly until: string;
    readonly by: 'feature_version' | 'day';
  },
): Promise<OutcomeBin[]> {
  const rows = await source.engine.query(source.sql.outcomeSeries(opts));
  return rows.map((r) => {
    const decisions = numberOf(r.decisions);
    const outcomes = numberOf(r.outcomes);
    return {
      key: opts.by === 'day' ? iso(r.bin).slice(0, 10) : String(r.bin),
      from: iso(r.first_ms),
      to: iso(r.last_ms),
      decisions,
      outcomes,
      rate: rate(outcomes, decisions),
    };
  });
}

export interface VersionScope {
  readonly decisions: number;
  readonly subjects: number;
  readonly first?: string;
  readonly last?: string;
}

type VersionKind = 'feature_version' | 'dataset_version';

/** The decisions of `model` on one feature or dataset version: how many, distinct subjects, first and last. */
export async function versionScope(
  source: DecisionSource,
  model: string,
  kind: VersionKind,
  version: string,
): Promise<VersionScope> {
  const [r] = await source.engine.query(source.sql.scopeCounts(model, kind, version));
  const decisions = numberOf(r?.decisions);
  return {
    decisions,
    subjects: numberOf(r?.subjects),
    ...(decisions > 0 && { first: iso(r?.first_ms), last: iso(r?.last_ms) }),
  };
}

export interface ScopedDecision {
  readonly decisionId: string;
  readonly subjectId: string | null;
  readonly timestamp: string;
  readonly outcome: string | null;
}

/** One page (`limit` from `offset`) of those decisions, in time order. */
export async function versionPage(
  source: DecisionSource,
  model: string,
  kind: VersionKind,
  version: string,
  page: { readonly limit: number; readonly offset: number },
): Promise<ScopedDecision[]> {
  return (await source.engine.query(source.sql.scopeList(model, kind, version, page))).map((r) => ({
    decisionId: String(r.decision_id),
    subjectId: r.subject_id == null ? null : String(r.subject_id),
    timestamp: iso(r.time_ms),
    outcome: r.outcome == null ? null : String(r.outcome),
  }));
}

// One CSV writer for every export: quoting, and formula-like text neutralized (shared/analysis/csv.ts).
const cell = (v: string | null) => csvField(v);

/**
 * The CSV export of those decisions (decision_id, subject_id, timestamp, outcome), written a page at a time so a
 * long list never sits in memory whole. Resolves with the number of decisions written.
 */
export async function exportVersionCsv(
  source: DecisionSource,
  model: string,
  kind: VersionKind,
  version: string,
  write: (chunk: string) => void | Promise<void>,
  pageSize = 50_000,
): Promise<number> {
  await write('decision_id,subject_id,timestamp,outcome\n');
  let written = 0;
  for (;;) {
    const page = await versionPage(source, model, kind, version, { limit: pageSize, offset: written });
    if (page.length > 0)
      await write(
        page.map((d) => [d.decisionId, d.subjectId, d.timestamp, d.outcome].map(cell).join(',')).join('\n') + '\n',
      );
    written += page.length;
    if (page.length < pageSize) return written;
  }
}
