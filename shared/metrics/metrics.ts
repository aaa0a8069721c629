/** The five lineage-maturity metrics, from everything imported and every case. */
import type { Case } from '../case/case-types';
import type { EvidenceSet } from '../model/evidence-set';
import type { Metric } from './metric-types';
import { modelInputMetrics } from './model-inputs';
import { rollbackTime } from './rollback-time';
import { timeToRootCauseMetric } from './time-to-root-cause';
import { unauthorizedChangeRate } from './unauthorized-changes';

/**
 * Computes time-to-root-cause, audit completeness, rollback time, unauthorized change rate and traceability
 * coverage; each with its definition, weekly trend and drill-down.
 */
export function computeMetrics(set: EvidenceSet, cases: ReadonlyArray<Case>): Metric[] {
  const inputs = modelInputMetrics(set);
  return [
    timeToRootCauseMetric(cases),
    inputs.completeness,
    rollbackTime(set),
    unauthorizedChangeRate(set),
    inputs.coverage,
  ];
}
