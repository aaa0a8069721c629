/**
 * What a decision log read in place repeats, asked of the engine that holds it (shared/warehouse/repeated-decisions.ts):
 * how many rows repeat a decision already logged (of a selection, or of the whole log: decision-source.ts asks it once
 * per opening, and reads each decision once where any does), and the investigated decision's own rows compared.
 */
import type { Decision } from '../../shared/model/records.js';
import {
  ownRowsOf,
  ownRowsQuery,
  repeatedNotes,
  repeatedRowsOf,
  repeatedRowsQuery,
  type RepeatedRows,
  type RepeatScope,
} from '../../shared/warehouse/repeated-decisions.js';
import type { DecisionSource } from './decision-source.js';

/** How many rows of the log (within a scope, or of the whole log) repeat a decision already logged. */
export async function repeatedRows(source: DecisionSource, scope?: RepeatScope): Promise<RepeatedRows> {
  return repeatedRowsOf(await source.engine.query(repeatedRowsQuery(source.sql, scope)));
}

/**
 * The notes of an investigation of `decision`: the log's rows that repeat a decision (counted once), and the
 * decision's own rows if it is logged more than once.
 */
export async function repeatedRowsNotes(source: DecisionSource, decision: Decision): Promise<string[]> {
  const model = decision.model.name;
  const rows = await source.engine.query(ownRowsQuery(source.sql, model, decision.decisionId));
  return repeatedNotes(source.label, source.repeated, ownRowsOf(model, decision.decisionId, rows));
}
