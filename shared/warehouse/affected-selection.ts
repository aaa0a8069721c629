/**
 * Which decisions of a log read in place a case's scope holds, as values: the model's decisions on the suspect
 * feature or dataset versions, or a cause's blast radius (the rows a read filter keeps, the lineage placing the data
 * each read). The engine counts the scope with them (pushed-scope.ts, pushed-blast-scope.ts); the Scope step sends
 * them back to page and export the affected decisions (`connections:affected`), never SQL: the query is built here.
 */
import { Params, type DecisionSql, type SqlQuery } from './decision-sql';
import { ReadSql, type ReadFilter, type ReadLineage } from './read-sql';

export type AffectedSelection =
  | {
      readonly by: 'versions';
      readonly model: string;
      readonly versionKind: 'feature_version' | 'dataset_version';
      readonly versions: ReadonlyArray<string>;
    }
  | { readonly by: 'radius'; readonly lineage: ReadLineage; readonly filter: ReadFilter };

/** The radius's filter as values that survive JSON: an open end (no recovery) is left out, not `Infinity`. */
export function radiusSelection(lineage: ReadLineage, filter: ReadFilter): AffectedSelection {
  const { writtenBefore, ...rest } = filter;
  const closed = writtenBefore !== undefined && Number.isFinite(writtenBefore);
  return { by: 'radius', lineage, filter: closed ? { ...rest, writtenBefore } : rest };
}

/** One page of the selected decisions, whole, in time order then id. */
export function affectedPageQuery(
  sql: DecisionSql,
  selection: AffectedSelection,
  page: { readonly limit: number; readonly offset: number },
): SqlQuery {
  if (selection.by === 'versions')
    return sql.versionsPage(selection.model, selection.versionKind, selection.versions, page);
  return new ReadSql(sql, selection.lineage).radiusPage(selection.filter, page);
}

/**
 * One page of the selected decisions' subjects (the affected subjects' export of a case read in place): per subject
 * with one, `subject_id`, how many selected `decisions`, the first and last decision's time (`first_ms`, `last_ms`,
 * epoch ms); in order of the subject's first decision, subjects whose first decisions share a millisecond by id.
 * The engine groups the rows; only the subjects come back.
 */
export function affectedSubjectsQuery(
  sql: DecisionSql,
  selection: AffectedSelection,
  page: { readonly limit: number; readonly offset: number },
): SqlQuery {
  const p = new Params(sql.dialect);
  const where = selectedWhere(sql, p, selection);
  const ms = sql.dialect.epochMs(sql.t);
  return {
    text:
      `SELECT ${sql.subject} AS subject_id, COUNT(*) AS decisions, MIN(${ms}) AS first_ms, MAX(${ms}) AS last_ms ` +
      `FROM ${sql.from} WHERE ${where} AND ${sql.subject} IS NOT NULL GROUP BY 1 ORDER BY 3, 1 ` +
      `LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
    params: p.values,
  };
}

/** The condition keeping the selected decisions (the suspect versions', or the radius's filter's). */
export function selectedWhere(sql: DecisionSql, p: Params, selection: AffectedSelection): string {
  return selection.by === 'versions'
    ? sql.versionsWhere(p, selection.model, selection.versionKind, selection.versions)
    : new ReadSql(sql, selection.lineage).where(p, selection.filter);
}
