/**
 * What the maturity dashboard shows: the five metrics over every stored source and every case, with the source
 * file names its drill-downs cite. Pure of React, so the worker, the main-thread fallback and the tests share it.
 */
import type { Case } from '../../shared/case/case-types';
import { computeMetrics } from '../../shared/metrics/metrics';
import type { Metric } from '../../shared/metrics/metric-types';
import type { LineageDb } from '../db/lineage-db';
import { loadEvidence } from '../db/load-evidence';

/** How many drill-down records the dashboard keeps per metric (the CLI keeps fewer; totals are always exact). */
export const VIEW_DRILL_DOWN_LIMIT = 100_000;

export interface MetricsView {
  readonly metrics: ReadonlyArray<Metric>;
  /** Source id (SHA-256) → file name, for the drill-downs' evidence. */
  readonly sourceNames: Readonly<Record<string, string>>;
  /** Case id → its title, for the per-case figures (an id alone names nothing the user typed). */
  readonly caseTitles: Readonly<Record<string, string>>;
  readonly sources: number;
  readonly records: number;
  readonly cases: number;
  /** How many of `cases` are archived (they count; deleted cases are not among them). */
  readonly archivedCases: number;
  readonly computedAt: string;
  /** Milliseconds spent reading the store and computing. */
  readonly loadMs: number;
  readonly computeMs: number;
}

/** Every complete stored source's evidence, then the five metrics over it and the cases. */
export async function computeMetricsView(
  db: LineageDb,
  cases: ReadonlyArray<Case>,
  now: () => number = () => performance.now(),
): Promise<MetricsView> {
  const start = now();
  const sources = (await db.sources.toArray()).filter((s) => s.status !== 'staging');
  const set = await loadEvidence(
    db,
    sources.map((s) => s.id),
  );
  const loaded = now();
  const metrics = computeMetrics(set, cases, { drillDownLimit: VIEW_DRILL_DOWN_LIMIT });
  const records = Object.values(set).reduce((n, list: ReadonlyArray<unknown>) => n + list.length, 0);
  return {
    metrics,
    sourceNames: Object.fromEntries(sources.map((s) => [s.id, s.name])),
    caseTitles: Object.fromEntries(cases.map((c) => [c.id, c.title])),
    sources: sources.length,
    records,
    cases: cases.length,
    archivedCases: cases.filter((c) => c.archivedAt).length,
    computedAt: new Date().toISOString(),
    loadMs: loaded - start,
    computeMs: now() - loaded,
  };
}
