/**
 * The open case's decisions by their key (model and id, shared/model/decision-key.ts): two models' logs can number
 * their decisions alike, so the renderer never looks a decision up by its id alone.
 */
import { decisionKey, findDecision, modelsWithDecision } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';

/** Each decision by its key; of two records with the same key the first in the log's order is kept (as findDecision). */
export function indexDecisions(decisions: ReadonlyArray<Decision>): Map<string, Decision> {
  const byKey = new Map<string, Decision>();
  for (const d of decisions) {
    const key = decisionKey(d);
    if (!byKey.has(key)) byKey.set(key, d);
  }
  return byKey;
}

/** A case's decision id that two or more models' logs hold, when the case does not say which model it meant. */
export interface AmbiguousDecision {
  readonly decisionId: string;
  readonly models: ReadonlyArray<string>;
}

/**
 * The decision a case names: by id and model where the case recorded its model; by id alone (a case saved before
 * the model was recorded) only when one model's log holds that id. When several do, no decision is chosen and the
 * models are named, for the investigator to choose.
 */
export function caseDecision(
  decisions: ReadonlyArray<Decision>,
  decisionId: string | undefined,
  model: string | undefined,
): { readonly decision?: Decision; readonly ambiguous?: AmbiguousDecision } {
  if (decisionId === undefined) return {};
  if (model !== undefined) return { decision: findDecision(decisions, decisionId, model) };
  const models = modelsWithDecision(decisions, decisionId);
  if (models.length > 1) return { ambiguous: { decisionId, models } };
  return { decision: findDecision(decisions, decisionId) };
}
