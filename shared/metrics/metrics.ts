/** The five lineage-maturity metrics, from everything imported and every case. */
import type { Case } from '../case/case-types';
import type { EvidenceSet } from '../model/evidence-set';
import type { Metric, MetricOptions } from './metric-types';
import { modelInputMetrics } from './model-inputs';
import { rollbackTime } from './rollback-time';
import { timeToRootCauseMetric } from './time-to-root-cause';
import { unauthorizedChangeRate } from './unauthorized-changes';

/**
 * Computes time-to-root-cause, audit completeness, rollback time, unauthorized change rate and traceability
 * coverage; each with its definition, weekly trend and drill-down (the first `options.drillDownLimit` records that count
 * against it, with reason, time and evidence).
 */
export function computeMetrics(set: EvidenceSet, cases: ReadonlyArray<Case>, options: MetricOptions = {}): Metric[] {
  const inputs = modelInputMetrics(set, options);
  return [
    timeToRootCauseMetric(cases, options),
    inputs.completeness,
    rollbackTime(set, options),
    unauthorizedChangeRate(set, options),
    inputs.coverage,
  ];
}
