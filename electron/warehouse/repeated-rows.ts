/**
 * What a decision log read in place repeats, asked of the engine that holds it (shared/warehouse/repeated-decisions.ts):
 * how many rows repeat a decision already logged, and the investigated decision's own rows compared. Separate queries,
 * run once per investigation or connection test; the counts themselves read the rows as they are.
 */
import type { Decision } from '../../shared/model/records.js';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection.js';
import {
  ownRowsOf,
  ownRowsQuery,
  repeatedNotes,
  repeatedRowsOf,
  repeatedRowsQuery,
  type RepeatedRows,
} from '../../shared/warehouse/repeated-decisions.js';
import type { DecisionSource } from './decision-source.js';

/** How many rows of the log (of a scope's affected decisions, or of the whole log) repeat a decision already logged. */
export async function repeatedRows(source: DecisionSource, selection?: AffectedSelection): Promise<RepeatedRows> {
  return repeatedRowsOf(await source.engine.query(repeatedRowsQuery(source.sql, selection)));
}

/**
 * The notes of an investigation of `decision`: the rows of its scope's affected decisions (`affected`, where the scope
 * gave one) that repeat a decision, and its own rows if it is logged more than once.
 */
export async function repeatedRowsNotes(
  source: DecisionSource,
  decision: Decision,
  affected: AffectedSelection | undefined,
): Promise<string[]> {
  const model = decision.model.name;
  const repeated = affected && (await repeatedRows(source, affected));
  const rows = await source.engine.query(ownRowsQuery(source.sql, model, decision.decisionId));
  return repeatedNotes(source.label, repeated, ownRowsOf(model, decision.decisionId, rows));
}
