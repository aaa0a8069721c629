/**
 * The analysis results of an open case: the investigation engine's answer (trace, onset, scope, ranked suspects,
 * governance verdicts, remediation) for its decision and suspect feature. Memoized: recomputed only when the
 * evidence, decision, feature, onset correction or notification threshold changes. When the engine fails, what
 * still can be computed (the trace, the scope of the decision's own version) is, and the failure is named on the
 * steps it leaves without a result.
 */
import { findSuspects } from '../../shared/analysis/changes';
import { runEngine, type EngineResult } from '../../shared/analysis/engine';
import { modelEvidence } from '../../shared/analysis/model-evidence';
import type { DiffOf } from '../../shared/analysis/engine-types';
import { changesView, scopeView } from '../../shared/analysis/engine-views';
import { impactScope } from '../../shared/analysis/scope-detail';
import { traceDecision } from '../../shared/analysis/trace';
import { decisionKey } from '../../shared/model/decision-key';
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

export interface DeriveOptions {
  /** The investigator's onset: a feature version or an RFC 3339 time (absent: estimated from the outcome rates). */
  readonly onset?: string;
  /** How many affected subjects oblige a notification. */
  readonly notifyThreshold?: number;
  /** The changed lines of commits, where read from Git (the "touched field" term looks at them). */
  readonly diffOf?: DiffOf;
}

export interface DerivedResults {
  readonly engine?: EngineResult;
  readonly trace?: TraceResult;
  /**
   * The engine's answer in the older shapes that the navigator summaries and the Markdown case file still read
   * (`ScopeResult`, `ChangesResult`, …). Views of `engine`, not computed separately.
   */
  readonly scope?: ScopeResult;
  readonly changes?: ChangesResult;
  readonly governance?: ReadonlyArray<GovernanceRow>;
  readonly remediation?: ReadonlyArray<RemediationPlan>;
  /** Why a step has no result (an analysis failed on this evidence). */
  readonly errors: Readonly<Partial<Record<StepId, string>>>;
  /** The engine is computing (off the UI thread) the results for the current decision, feature and options. */
  readonly pending?: boolean;
}

export const noResults: DerivedResults = { errors: {} };
/** Nothing yet: the engine is computing the first results for the chosen decision and feature. */
export const pendingResults: DerivedResults = { errors: {}, pending: true };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function attempt<T>(step: StepId, errors: Partial<Record<StepId, string>>, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    errors[step] = message(error);
    return undefined;
  }
}

export { scopeView };

/** The engine's result with the older views beside it. */
export function withViews(engine: EngineResult): DerivedResults {
  return {
    engine,
    trace: engine.trace,
    scope: scopeView(engine.scope),
    changes: changesView(engine),
    governance: engine.governance,
    remediation: engine.remediation.rollback,
    errors: {},
  };
}

/** Runs the engine for one decision and feature; on failure, computes what still can be and names the error. */
export function deriveResults(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: DeriveOptions = {},
): DerivedResults {
  try {
    return withViews(runEngine(set, decision, featureName, options));
  } catch (error) {
    const own = modelEvidence(set, decision.model.name);
    const errors: Partial<Record<StepId, string>> = {};
    const trace = attempt('trace', errors, () => traceDecision(own, decision, featureName));
    const scope = attempt('scope', errors, () =>
      impactScope(own, decision, featureName, { notifyThreshold: options.notifyThreshold }),
    );
    const failed = `The investigation engine failed: ${message(error)}`;
    if (trace) attempt('changes', errors, () => findSuspects(own, trace, options));
    for (const step of ['changes', 'governance', 'remediate'] as const) errors[step] ??= failed;
    return { trace, scope: scope && scopeView(scope), errors };
  }
}

/** A one-entry memo of deriveResults keyed by the evidence set's and `diffOf`'s identity, the decision, feature and options. */
export function memoizeDerive(): (
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options?: DeriveOptions,
) => DerivedResults {
  let last: { set: EvidenceSet; key: string; diffOf?: DiffOf; results: DerivedResults } | undefined;
  return (set, decision, featureName, options = {}) => {
    const key = JSON.stringify([decisionKey(decision), featureName, options.onset ?? null, options.notifyThreshold]);
    if (last && last.set === set && last.key === key && last.diffOf === options.diffOf) return last.results;
    const results = deriveResults(set, decision, featureName, options);
    last = { set, key, diffOf: options.diffOf, results };
    return results;
  };
}
