/**
 * A page of a decision log's decisions for the Identify step's list, pushed down: the id, subject, time (epoch ms),
 * model and outcome of `limit` decisions from `offset`, in time order then id, of one model or of all; and how many
 * there are. Built over the one decision builder (decision-sql.ts), every value a parameter.
 */
import type { DecisionSql, SqlQuery } from './decision-sql';

/** `WHERE model = $1` when a model is given. */
const byModel = (sql: DecisionSql, model: string | undefined) =>
  model === undefined ? '' : ` WHERE ${sql.model} = ${sql.dialect.param(1)}`;

/** One page of decisions: decision_id, subject_id, time_ms, model, outcome. */
export function decisionPage(
  sql: DecisionSql,
  opts: { readonly model?: string; readonly limit: number; readonly offset: number },
): SqlQuery {
  const d = sql.dialect;
  const id = d.text(sql.field(sql.table.decisionId));
  const first = opts.model === undefined ? 1 : 2;
  return {
    text:
      `SELECT ${id} AS decision_id, ${sql.subject} AS subject_id, ${d.epochMs(sql.t)} AS time_ms, ` +
      `${sql.model} AS model, ${sql.outcome} AS outcome FROM ${sql.from}${byModel(sql, opts.model)} ` +
      `ORDER BY time_ms, decision_id LIMIT ${d.param(first)} OFFSET ${d.param(first + 1)}`,
    params: [...(opts.model === undefined ? [] : [opts.model]), opts.limit, opts.offset],
  };
}

/** How many decisions the log holds, of one model or of all. */
export function decisionTotal(sql: DecisionSql, model?: string): SqlQuery {
  return {
    text: `SELECT COUNT(*) AS decisions FROM ${sql.from}${byModel(sql, model)}`,
    params: model === undefined ? [] : [model],
  };
}
