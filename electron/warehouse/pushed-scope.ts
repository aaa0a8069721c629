/**
 * The scope of a decision read in place, where there is no cause to follow (scope-detail.ts `impactScope` by version):
 * the decisions of its model on the suspect versions, counted by the engine (decisions and distinct subjects, also up
 * to the investigated decision), tallied by hour, model version and action, and the first and last read whole for
 * the window. The affected decisions themselves stay in the engine: `decisions` and `subjectIds` hold none, and a
 * page of them, or their CSV export, is one more query (decision-queries.ts).
 */
import { DEFAULT_NOTIFY_THRESHOLD, suspectVersions } from '../../shared/analysis/scope-detail.js';
import type { Counted, ImpactScope } from '../../shared/analysis/engine-types.js';
import type { HistogramBin } from '../../shared/analysis/types.js';
import type { Decision } from '../../shared/model/records.js';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection.js';
import type { SqlQuery } from '../../shared/warehouse/decision-sql.js';
import { DAY_MS, HOUR_MS } from '../../shared/time/format-time.js';
import { decisionsOf, type DecisionSource } from './decision-source.js';
import { numberOf, type SqlRow } from './sql-engine.js';

/** Counts per bucket from the first to the last, empty buckets included (as scope-detail.ts counts them). */
function buckets(counts: ReadonlyMap<number, number>, size: number): HistogramBin[] {
  const byBucket = new Map<number, number>();
  for (const [ms, n] of counts) {
    const b = Math.floor(ms / size);
    byBucket.set(b, (byBucket.get(b) ?? 0) + n);
  }
  if (byBucket.size === 0) return [];
  const keys = [...byBucket.keys()];
  const from = Math.min(...keys);
  const to = Math.max(...keys);
  const bins: HistogramBin[] = [];
  for (let b = from; b <= to; b++) bins.push({ start: new Date(b * size).toISOString(), count: byBucket.get(b) ?? 0 });
  return bins;
}

const sorted = (m: ReadonlyMap<string, number>): Counted[] =>
  [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/**
 * The scope's histograms and tallies from rows of decisions counted by UTC hour (`hour_ms`), model version (`version`)
 * and action (`action`).
 */
export function scopeTallies(
  rows: ReadonlyArray<SqlRow>,
  model: string,
): Pick<ImpactScope, 'byHour' | 'byDay' | 'byModelVersion' | 'byAction'> {
  const hours = new Map<number, number>();
  const models = new Map<string, number>();
  const actions = new Map<string, number>();
  for (const r of rows) {
    const n = numberOf(r.decisions);
    const ms = numberOf(r.hour_ms);
    hours.set(ms, (hours.get(ms) ?? 0) + n);
    const m = `${model}@${r.version == null ? '?' : String(r.version)}`;
    models.set(m, (models.get(m) ?? 0) + n);
    const a = r.action == null ? '(none)' : String(r.action);
    actions.set(a, (actions.get(a) ?? 0) + n);
  }
  return {
    byHour: buckets(hours, HOUR_MS),
    byDay: buckets(hours, DAY_MS),
    byModelVersion: sorted(models),
    byAction: sorted(actions),
  };
}

/** Whether `subjects` affected subjects oblige a notification (scope-detail.ts). */
export function notification(subjects: number, notifyThreshold?: number): ImpactScope['notification'] {
  const threshold = notifyThreshold ?? DEFAULT_NOTIFY_THRESHOLD;
  const notify = subjects >= threshold;
  return {
    threshold,
    notify,
    text: `${subjects} subjects ${notify ? '≥' : '<'} threshold ${threshold}: ${notify ? 'notify' : 'no notification required'}`,
  };
}

export interface PushedScope {
  readonly scope: ImpactScope;
  /** The decisions the scope cites (its first and last), read whole. */
  readonly cited: ReadonlyArray<Decision>;
  /** Which decisions it holds, as values: what the Scope step pages and exports them by. */
  readonly affected?: AffectedSelection;
}

/**
 * `impactScope` of one feature of `decision` without a blast radius, asked of the engine: `versions` are the suspect
 * versions (default: the decision's own). Undefined where the decision names no version of the feature.
 */
export async function pushedScope(
  source: DecisionSource,
  decision: Decision,
  featureName: string,
  options: { readonly versions?: ReadonlyArray<string>; readonly notifyThreshold?: number } = {},
): Promise<PushedScope | undefined> {
  const { kind, versions } = suspectVersions(decision, featureName, options.versions);
  if (kind === 'none') return undefined;
  const model = decision.model.name;
  const until = new Date(Date.parse(decision.timestamp)).toISOString();
  const { sql } = source;
  const counted = await countedScope(
    source,
    model,
    {
      counts: sql.versionsScope(model, kind, versions, until),
      tally: sql.versionsTally(model, kind, versions),
      edge: (which) => sql.versionsEdge(model, kind, versions, which),
    },
    { featureName, versionKind: kind, versions, method: 'version' },
    options.notifyThreshold,
  );
  return { ...counted, affected: { by: 'versions', model, versionKind: kind, versions } };
}

/** The queries of one scope: its counts (scope-detail.ts's, through the decision), its tallies, its first or last. */
export interface ScopeQueries {
  readonly counts: SqlQuery;
  readonly tally: SqlQuery;
  edge(which: 'first' | 'last'): SqlQuery;
}

/**
 * A scope (`head`: what it is of) with its counts, tallies and window asked of the engine; the first and last affected
 * decisions are read whole.
 */
export async function countedScope(
  source: DecisionSource,
  model: string,
  queries: ScopeQueries,
  head: Pick<ImpactScope, 'featureName' | 'versionKind' | 'versions' | 'method'> &
    Partial<Pick<ImpactScope, 'from' | 'recovery' | 'notes' | 'upperBound'>>,
  notifyThreshold: number | undefined,
): Promise<PushedScope> {
  const { engine } = source;
  const [counts] = await engine.query(queries.counts);
  const affected = numberOf(counts?.decisions);
  const subjects = numberOf(counts?.subjects);
  const tallied = scopeTallies(await engine.query(queries.tally), model);
  const edge = async (which: 'first' | 'last') =>
    affected === 0 ? undefined : decisionsOf(source, await engine.query(queries.edge(which))).decisions[0];
  const first = await edge('first');
  const last = await edge('last');
  return {
    scope: {
      ...head,
      throughDecision: {
        decisions: numberOf(counts?.through_decisions),
        subjects: numberOf(counts?.through_subjects),
      },
      affected,
      notAffected: numberOf(counts?.model_decisions) - affected,
      subjects,
      first: first?.timestamp,
      last: last?.timestamp,
      ...tallied,
      decisions: [],
      subjectIds: [],
      notification: notification(subjects, notifyThreshold),
    },
    cited: [first, last].filter((d): d is Decision => d !== undefined),
  };
}
