/**
 * The investigation engine headless: for one feature of one decision, the trace as of the decision, the onset and
 * the scope of the suspect version(s), the ranked suspects, their governance verdicts, and the remediation of the
 * top cause (last known-good version, rollback with its expected duration, replay plan with its hazards).
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { blastRadius } from './blast-radius';
import { findSuspects, type ChangesOptions } from './changes';
import type { ImpactScope, LastKnownGood, ReplayPlan, RollbackPlan, SuspectsResult } from './engine-types';
import { validateGovernance, type GovernanceResult } from './governance';
import { lastKnownGood, planRemediation } from './remediation';
import { planReplay } from './replay';
import { impactScope } from './scope-detail';
import { modelEvidence } from './model-evidence';
import { traceDecision } from './trace';
import type { TraceResult } from './types';

export interface EngineOptions extends ChangesOptions {
  /** How many affected subjects oblige a notification (default 500). */
  readonly notifyThreshold?: number;
  /** How many of the top suspects get a remediation plan (default 1: the confirmed cause). */
  readonly causes?: number;
}

export interface EngineResult {
  readonly decision: Decision;
  readonly featureName: string;
  readonly trace: TraceResult;
  readonly suspects: SuspectsResult;
  readonly scope: ImpactScope;
  readonly governance: ReadonlyArray<GovernanceResult>;
  readonly remediation: {
    readonly lastKnownGood: ReadonlyArray<LastKnownGood>;
    readonly rollback: ReadonlyArray<RollbackPlan>;
    readonly replay?: ReplayPlan;
  };
}

/**
 * Runs every step for one feature of a decision. The scope is the blast radius of the top cause (blast-radius.ts);
 * without a suspect, the decisions on the onset's version through the decision's own, or the decision's version.
 */
export function runEngine(
  evidence: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: EngineOptions = {},
): EngineResult {
  // The investigated model's decisions only: another model's log may name the same feature (model-evidence.ts).
  const set = modelEvidence(evidence, decision.model.name);
  const trace = traceDecision(set, decision, featureName);
  const suspects = findSuspects(set, trace, options);
  const { onset } = suspects;
  const own = decision.features.find((f) => f.name === featureName)?.featureVersion;
  const from = onset.series.findIndex((b) => b.key === onset.key);
  const to = onset.series.findIndex((b) => b.key === own);
  const versions =
    onset.seriesBy === 'feature_version' && from >= 0 && to >= from
      ? onset.series.slice(from, to + 1).map((b) => b.key)
      : undefined;
  const cause = suspects.suspects[0];
  const blast = cause ? blastRadius(set, decision, featureName, cause, trace, onset) : undefined;
  const scope = impactScope(set, decision, featureName, { versions, blast, notifyThreshold: options.notifyThreshold });
  const governance = validateGovernance(set, suspects.suspects, { trace, asOf: decision.timestamp });
  const causes = suspects.suspects.slice(0, options.causes ?? 1);
  const rollback = planRemediation(set, causes, trace, causes.length, decision.environment);
  const top = causes[0];
  return {
    decision,
    featureName,
    trace,
    suspects,
    scope,
    governance,
    remediation: {
      lastKnownGood: lastKnownGood(onset, rollback),
      rollback,
      replay: top ? planReplay(set, trace, top, scope.last ?? decision.timestamp) : undefined,
    },
  };
}
