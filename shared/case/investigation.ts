/**
 * The engine's outputs for one decision, computed headless with the same engine call the app's steps and
 * `investigate` make (`runEngine`): the lineage card (with its trace), scope, ranked changes, governance verdicts and
 * remediation, in the shapes the report reads.
 */
import { runEngine, type EngineOptions, type EngineResult } from '../analysis/engine';
import { changesView, scopeView } from '../analysis/engine-views';
import type { ChangesResult, GovernanceRow, RemediationPlan, ScopeResult, TraceResult } from '../analysis/types';
import type { LineageCard } from '../lineage/card-types';
import { lineageCard } from '../lineage/lineage-card';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';

export interface Investigation {
  readonly decision: Decision;
  readonly featureName: string;
  readonly card: LineageCard;
  readonly trace: TraceResult;
  readonly scope: ScopeResult;
  readonly changes: ChangesResult;
  readonly governance: ReadonlyArray<GovernanceRow>;
  readonly remediation: ReadonlyArray<RemediationPlan>;
  /** The engine's whole answer, where the investigation came from one engine call. */
  readonly engine?: EngineResult;
}

/** The report's view of one engine result. */
export function investigationOfEngine(set: EvidenceSet, engine: EngineResult): Investigation {
  const { decision, featureName } = engine;
  return {
    decision,
    featureName,
    card: lineageCard(set, decision, featureName),
    trace: engine.trace,
    scope: scopeView(engine.scope),
    changes: changesView(engine),
    governance: engine.governance,
    remediation: engine.remediation.rollback,
    engine,
  };
}

/** Runs the seven steps' analysis for one feature of one decision: one engine call (with the diffs, where read). */
export function investigate(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: EngineOptions = {},
): Investigation {
  return investigationOfEngine(set, runEngine(set, decision, featureName, options));
}
