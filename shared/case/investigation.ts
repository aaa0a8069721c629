/**
 * The engine's outputs for one decision, computed headless with the same analysis the app's steps run:
 * the lineage card (with its trace), scope, ranked changes, governance verdicts and remediation.
 */
import { findChanges } from '../analysis/changes';
import { validateGovernance } from '../analysis/governance';
import { planRemediation } from '../analysis/remediation';
import { scopeImpact } from '../analysis/scope';
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
}

/** Runs the seven steps' analysis for one feature of one decision. */
export function investigate(set: EvidenceSet, decision: Decision, featureName: string): Investigation {
  const card = lineageCard(set, decision, featureName);
  const trace = card.trace;
  const scope = scopeImpact(set, decision, featureName);
  const changes = findChanges(set, trace, scope);
  const governance = validateGovernance(set, changes.changes);
  const remediation = planRemediation(set, changes.changes, trace);
  return { decision, featureName, card, trace, scope, changes, governance, remediation };
}
