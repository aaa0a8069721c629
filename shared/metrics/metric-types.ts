/** A lineage-maturity metric: its figure, what it means, its weekly trend and the records that count against it. */
import type { Provenance } from '../model/records';

export interface TrendPoint {
  /** Monday 00:00 UTC of the week (RFC 3339). */
  readonly start: string;
  /** The week's figure; null when the week has nothing to measure. */
  readonly value: number | null;
  /** How many items the week's figure is computed from. */
  readonly n: number;
}

/** One record that counts against a metric, with why and where it was read. */
export interface DrillDownItem {
  /** The record's id, as in `DrillDown.ids`. */
  readonly id: string;
  /** `decision`, `case`, `audit`, `commit`, `deployment` or `pull-request`. */
  readonly kind: string;
  /** When it happened (RFC 3339): the decision, the change, the (rollback) deployment, the case's opening. */
  readonly time?: string;
  /** Why it counts against the metric, in words. */
  readonly reason: string;
  /** Its own figure, where it has one (hours to roll back). */
  readonly hours?: number;
  /** Short labels to filter by: the stages an input is undocumented at, the channel of an edit. */
  readonly tags?: ReadonlyArray<string>;
  /** The record's source file and line (or JSON pointer); absent for cases. */
  readonly evidence?: Provenance;
}

export interface DrillDown {
  /** What the ids are: `decision`, `case`, `audit`, `commit`, `deployment`, `pull-request`. */
  readonly kinds: ReadonlyArray<string>;
  /** The records that count against the metric (capped at `DRILL_DOWN_LIMIT`), as FORMATS.md names them. */
  readonly ids: ReadonlyArray<string>;
  /** How many there are in all. */
  readonly total: number;
  /** The same records (capped alike, same order) with reason, time and evidence. */
  readonly items: ReadonlyArray<DrillDownItem>;
}

export interface Metric {
  readonly id:
    | 'time-to-root-cause'
    | 'audit-completeness'
    | 'rollback-time'
    | 'unauthorized-change-rate'
    | 'traceability-coverage';
  readonly name: string;
  readonly unit: 'hours' | 'share' | 'changes per week';
  /** The headline figure (median, share or rate); null when there is nothing to measure. */
  readonly value: number | null;
  readonly definition: string;
  readonly trend: ReadonlyArray<TrendPoint>;
  readonly drillDown: DrillDown;
  /** Further figures: by stage, per case, the method used. */
  readonly details: Readonly<Record<string, unknown>>;
}

export const DRILL_DOWN_LIMIT = 1000;

/** How the metrics are computed: how many drill-down records to keep (the CLI keeps `DRILL_DOWN_LIMIT`). */
export interface MetricOptions {
  readonly drillDownLimit?: number;
}

/** A drill-down from every record that counts against the metric, in order, keeping the first `limit`. */
export function drillDown(
  kinds: ReadonlyArray<string>,
  items: ReadonlyArray<DrillDownItem>,
  limit: number = DRILL_DOWN_LIMIT,
): DrillDown {
  const kept = items.slice(0, limit);
  return { kinds, ids: kept.map((i) => i.id), total: items.length, items: kept };
}
