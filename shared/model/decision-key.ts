/**
 * A decision is known by its model and its id: two models' logs often number their decisions alike (each from 1), so
 * an id alone can name two decisions. Lookups by id take the model where it is known, and name the ambiguity where
 * it is not.
 */
import type { Decision } from './records';

/** The key of a decision in maps and lists: its model's name and its id (JSON, so no separator can collide). */
export const decisionKey = (d: { readonly decisionId: string; readonly model: { readonly name: string } }): string =>
  JSON.stringify([d.model.name, d.decisionId]);

/** The decision `decisionId` of `model` (of any model when `model` is undefined: the first in the log's order). */
export function findDecision(
  decisions: ReadonlyArray<Decision>,
  decisionId: string | undefined,
  model?: string,
): Decision | undefined {
  return decisions.find((d) => d.decisionId === decisionId && (model === undefined || d.model.name === model));
}

/** The models whose logs hold a decision `decisionId`, in the order first met (two or more: the id alone is ambiguous). */
export function modelsWithDecision(decisions: ReadonlyArray<Decision>, decisionId: string): string[] {
  const models = new Set<string>();
  for (const d of decisions) if (d.decisionId === decisionId) models.add(d.model.name);
  return [...models];
}

/** How an analysis cites a decision: its id, time and model (undefined for no decision). */
export const decisionRef = (
  d: Decision | undefined,
): { readonly decisionId: string; readonly timestamp: string; readonly model: string } | undefined =>
  d ? { decisionId: d.decisionId, timestamp: d.timestamp, model: d.model.name } : undefined;
