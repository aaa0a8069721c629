import { lineageModel } from '../lineage/lineage-model';
import { traceOnModel } from '../lineage/trace-query';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import type { TraceResult } from './types';

export interface TraceOptions {
  /**
   * Reconstruct as of another moment than the decision's (e.g. before an incident): the dataset versions
   * the decision recorded are then ignored and the latest versions written by that moment are taken.
   */
  readonly asOf?: string;
}

/**
 * Reconstructs the upstream lineage of one feature of a decision *as of the decision's time*:
 * decision ← feature ← dataset version ← the run that wrote it ← its job (at the code version it ran)
 * ← the datasets that run read, each at the version it read, recursively, to the sources. Runs on the temporal
 * lineage model (`shared/lineage/`), built once per evidence set; every path and column edge is included.
 */
export function traceDecision(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: TraceOptions = {},
): TraceResult {
  return traceOnModel(lineageModel(set), { decision, featureName, asOf: options.asOf });
}
