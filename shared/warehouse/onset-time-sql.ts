/**
 * The decisions either side of an onset the investigator set to a time (onset.ts, an override that names no bin): the
 * first decision of the log at or after it and the last one before it, of any model, as `estimateOnset` finds them
 * in the log it walks (in time order; ties by decision id). Built over the one decision builder (decision-sql.ts),
 * the time a parameter.
 */
import { TIME_MS, type DecisionSql, type SqlQuery } from './decision-sql';

function edge(sql: DecisionSql, onsetMs: number, after: boolean): SqlQuery {
  const d = sql.dialect;
  const ms = d.epochMs(sql.t);
  const id = d.text(sql.field(sql.table.decisionId));
  const order = after ? '' : ' DESC';
  return {
    text:
      `SELECT *, ${ms} AS ${TIME_MS} FROM ${sql.from} WHERE ${ms} ${after ? '>=' : '<'} ${d.param(1)} ` +
      `ORDER BY ${TIME_MS}${order}, ${id}${order} LIMIT 1`,
    params: [onsetMs],
  };
}

/** The first decision at or after `onsetMs` (epoch ms): the onset's first bad decision. */
export const firstFrom = (sql: DecisionSql, onsetMs: number): SqlQuery => edge(sql, onsetMs, true);

/** The last decision before `onsetMs` (epoch ms): the onset's last good decision. */
export const lastBefore = (sql: DecisionSql, onsetMs: number): SqlQuery => edge(sql, onsetMs, false);
