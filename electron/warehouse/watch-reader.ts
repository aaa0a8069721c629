/**
 * What `watch` reads of each source: counts by model, version, time bucket and outcome, and the decisions and
 * distinct subjects of a model (version) from a time on. A decision log read in place is asked with SQL, so only
 * these aggregates leave the engine; decisions imported from files are counted in memory the same way.
 */
import { countsSince, firstWithOutcome } from '../../shared/analysis/watch-since.js';
import { countOutcomes, type OutcomeCount, type WatchBucket } from '../../shared/analysis/watch.js';
import type { Decision } from '../../shared/model/records.js';
import type { DecisionSource } from './decision-source.js';
import { numberOf } from './sql-engine.js';

export interface WatchReader {
  readonly label: string;
  counts(bucket: WatchBucket, model?: string): Promise<OutcomeCount[]>;
  since(model: string, version: string | undefined, from: string): Promise<{ decisions: number; subjects: number }>;
  /** The first decision from `from` on with this outcome: where an investigation of the shift starts. */
  representative(
    model: string,
    version: string | undefined,
    outcome: string,
    from: string,
  ): Promise<{ readonly decisionId: string; readonly timestamp: string } | undefined>;
}

/** The aggregates of a decision log read in place. */
export function sqlWatchReader(source: DecisionSource): WatchReader {
  return {
    label: source.label,
    counts: async (bucket, model) =>
      (await source.engine.query(source.sql.outcomeCounts({ bucket, ...(model !== undefined && { model }) }))).map(
        (r) => ({
          model: String(r.model),
          version: r.version == null ? null : String(r.version),
          bucketMs: numberOf(r.bucket_ms),
          outcome: r.outcome == null ? null : String(r.outcome),
          decisions: numberOf(r.decisions),
        }),
      ),
    since: async (model, version, from) => {
      const [r] = await source.engine.query(source.sql.countsSince(model, version, from));
      return { decisions: numberOf(r?.decisions), subjects: numberOf(r?.subjects) };
    },
    representative: async (model, version, outcome, from) => {
      const [r] = await source.engine.query(source.sql.firstWithOutcome(model, version, outcome, from));
      return r?.decision_id == null
        ? undefined
        : { decisionId: String(r.decision_id), timestamp: new Date(numberOf(r.time_ms)).toISOString() };
    },
  };
}

/** The same aggregates over decisions imported from files. */
export function memoryWatchReader(label: string, decisions: ReadonlyArray<Decision>): WatchReader {
  return {
    label,
    counts: async (bucket, model) => countOutcomes(decisions, bucket, model),
    since: async (model, version, from) => countsSince(decisions, model, version, from),
    representative: async (model, version, outcome, from) => firstWithOutcome(decisions, model, version, outcome, from),
  };
}
