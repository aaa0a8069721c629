/** A lineage-maturity metric: its figure, what it means, its weekly trend and the records that count against it. */

export interface TrendPoint {
  /** Monday 00:00 UTC of the week (RFC 3339). */
  readonly start: string;
  /** The week's figure; null when the week has nothing to measure. */
  readonly value: number | null;
  /** How many items the week's figure is computed from. */
  readonly n: number;
}

export interface DrillDown {
  /** What the ids are: `decision`, `case`, `audit`, `commit`, `deployment`, `pull-request`. */
  readonly kinds: ReadonlyArray<string>;
  /** The records that count against the metric (capped at `DRILL_DOWN_LIMIT`), as FORMATS.md names them. */
  readonly ids: ReadonlyArray<string>;
  /** How many there are in all. */
  readonly total: number;
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

/** A drill-down from every id that counts against the metric. */
export function drillDown(kinds: ReadonlyArray<string>, ids: ReadonlyArray<string>): DrillDown {
  return { kinds, ids: ids.slice(0, DRILL_DOWN_LIMIT), total: ids.length };
}
