/**
 * The decision and feature a command investigates, from `--decision` and `--feature` (default: the decision's first
 * feature), or the exit code 2 after naming what is missing.
 */
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import type { CliIo } from './run-cli.js';

export function resolveDecision(
  set: EvidenceSet,
  decisionId: string | undefined,
  featureName: string | undefined,
  io: CliIo,
): { readonly decision: Decision; readonly feature: string } | number {
  const decision = set.decisions.find((d) => d.decisionId === decisionId);
  if (!decision) {
    io.err(`Unknown decision: ${decisionId} is in none of the decision logs read (${set.decisions.length} decisions).`);
    return 2;
  }
  const feature = featureName ?? decision.features[0]?.name;
  if (!feature || !decision.features.some((f) => f.name === feature)) {
    const names = decision.features.map((f) => f.name).join(', ') || 'none';
    io.err(
      `Unknown feature: decision ${decision.decisionId} has no feature ${feature ?? ''} (its features: ${names}).`,
    );
    return 2;
  }
  return { decision, feature };
}
