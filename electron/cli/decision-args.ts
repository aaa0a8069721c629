/**
 * The decision and feature a command investigates, from `--decision`, `--model` and `--feature` (default: the
 * decision's first feature), or the exit code 2 after naming what is missing. A decision is known by its model and
 * its id (decision-key.ts): where two models' logs both hold the id and no `--model` is given, the command names the
 * models and stops rather than pick one.
 */
import { findDecision, modelsWithDecision } from '../../shared/model/decision-key.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import type { CliIo } from './run-cli.js';

/** The `--model` option of the commands that take `--decision`. */
export const MODEL_OPTION = { model: { type: 'string' } } as const;

export function resolveDecision(
  set: EvidenceSet,
  decisionId: string | undefined,
  featureName: string | undefined,
  io: CliIo,
  model?: string,
): { readonly decision: Decision; readonly feature: string } | number {
  const models = decisionId === undefined ? [] : modelsWithDecision(set.decisions, decisionId);
  if (model === undefined && models.length > 1) {
    io.err(
      `Ambiguous decision: ${decisionId} is a decision of ${models.length} models (${models.join(', ')}); ` +
        'say which with --model NAME.',
    );
    return 2;
  }
  const decision = findDecision(set.decisions, decisionId, model);
  if (!decision) {
    const ofModel = model === undefined ? '' : ` of model ${model}`;
    const elsewhere = model !== undefined && models.length > 0 ? ` (it is a decision of ${models.join(', ')})` : '';
    io.err(
      `Unknown decision: ${decisionId}${ofModel} is in none of the decision logs read (${set.decisions.length} decisions)${elsewhere}.`,
    );
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
