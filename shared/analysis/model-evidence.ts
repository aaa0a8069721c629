/**
 * The evidence as one model's investigation sees it: the decisions of that model only, every other record as it is.
 * Two models' logs may name the same feature (and the same feature versions); their outcomes are not one rate, and
 * the other model's decisions are not this model's affected decisions. The engine that reads the log where it lives
 * asks for the model's rows alone (read-sql.ts); this is the same for a log held in memory.
 */
import type { EvidenceSet } from '../model/evidence-set';

const memo = new WeakMap<EvidenceSet, Map<string, EvidenceSet>>();

/** `set` with the decisions of `model` only (the same set where every decision is that model's). */
export function modelEvidence(set: EvidenceSet, model: string): EvidenceSet {
  if (set.decisions.every((d) => d.model.name === model)) return set;
  let byModel = memo.get(set);
  if (!byModel) memo.set(set, (byModel = new Map()));
  let own = byModel.get(model);
  if (!own) byModel.set(model, (own = { ...set, decisions: set.decisions.filter((d) => d.model.name === model) }));
  return own;
}
