/**
 * For tests: the analysis test evidence with a second model's decision log beside the first, numbered alike (each
 * of its decisions has an id of the first log), a few minutes later, with its own action and feature values (the same feature names: only the model tells the two apart).
 */
import { testEvidence } from '../../shared/analysis/test-evidence';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Decision } from '../../shared/model/records';

export const SECOND_MODEL = 'payment-fraud';

/** The second model's decision of `d`: the same id and subject seven minutes later, scored on its own values. */
function secondModelDecision(d: Decision, i: number): Decision {
  return {
    ...d,
    timestamp: new Date(Date.parse(d.timestamp) + 7 * 60_000).toISOString(),
    model: { name: SECOND_MODEL, version: '1.4.2' },
    action: i % 3 === 0 ? 'payment_held' : 'payment_approved',
    features: d.features.map((f) => ({ ...f, value: i % 9 })),
    provenance: { sourceId: 'fraud-decisions.jsonl', line: i + 1 },
  };
}

/** The test evidence with the second model's log: every decision id is a decision of both models. */
export function twoModelEvidence(): EvidenceSet {
  const set = testEvidence();
  const decisions = [...set.decisions, ...set.decisions.map(secondModelDecision)];
  return { ...set, decisions: decisions.sort((a, b) => a.timestamp.localeCompare(b.timestamp)) };
}
