/**
 * The analysis results of an open case, derived from its evidence, decision and suspect feature by the
 * shared analysis functions. Memoized: recomputed only when the evidence, decision or feature changes.
 * Each step is computed on its own so that one failure does not hide the others.
 */
import { findChanges } from '../../shared/analysis/changes';
import { validateGovernance } from '../../shared/analysis/governance';
import { planRemediation } from '../../shared/analysis/remediation';
import { scopeImpact } from '../../shared/analysis/scope';
import { traceDecision } from '../../shared/analysis/trace';
import type {
  ChangesResult,
  GovernanceRow,
  RemediationPlan,
  ScopeResult,
  TraceResult,
} from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Decision } from '../../shared/model/records';
import type { StepId } from '../steps/step-ids';

export interface DerivedResults {
  readonly scope?: ScopeResult;
  readonly trace?: TraceResult;
  readonly changes?: ChangesResult;
  readonly governance?: ReadonlyArray<GovernanceRow>;
  readonly remediation?: ReadonlyArray<RemediationPlan>;
  /** Why a step has no result (an analysis failed on this evidence). */
  readonly errors: Readonly<Partial<Record<StepId, string>>>;
}

export const noResults: DerivedResults = { errors: {} };

function attempt<T>(step: StepId, errors: Partial<Record<StepId, string>>, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    errors[step] = error instanceof Error ? error.message : String(error);
    return undefined;
  }
}

/** Runs Scope → Trace → Changes → Governance → Remediate for one decision and feature. */
export function deriveResults(set: EvidenceSet, decision: Decision, featureName: string): DerivedResults {
  const errors: Partial<Record<StepId, string>> = {};
  const scope = attempt('scope', errors, () => scopeImpact(set, decision, featureName));
  const trace = attempt('trace', errors, () => traceDecision(set, decision, featureName));
  const changes = trace && scope ? attempt('changes', errors, () => findChanges(set, trace, scope)) : undefined;
  const governance = changes
    ? attempt('governance', errors, () => validateGovernance(set, changes.changes))
    : undefined;
  const remediation =
    changes && trace ? attempt('remediate', errors, () => planRemediation(set, changes.changes, trace)) : undefined;
  return { scope, trace, changes, governance, remediation, errors };
}

/** A one-entry memo of deriveResults keyed by the evidence set's identity, the decision id and the feature. */
export function memoizeDerive(): (set: EvidenceSet, decision: Decision, featureName: string) => DerivedResults {
  let last: { set: EvidenceSet; decisionId: string; featureName: string; results: DerivedResults } | undefined;
  return (set, decision, featureName) => {
    if (last && last.set === set && last.decisionId === decision.decisionId && last.featureName === featureName) {
      return last.results;
    }
    const results = deriveResults(set, decision, featureName);
    last = { set, decisionId: decision.decisionId, featureName, results };
    return results;
  };
}
