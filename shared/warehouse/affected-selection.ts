/**
 * Which decisions of a log read in place a case's scope holds, as values: the model's decisions on the suspect
 * feature or dataset versions, or a cause's blast radius (the rows a read filter keeps, the lineage placing the data
 * each read). The engine counts the scope with them (pushed-scope.ts, pushed-blast-scope.ts); the Scope step sends
 * them back to page and export the affected decisions (`connections:affected`), never SQL: the query is built here.
 */
import type { DecisionSql, SqlQuery } from './decision-sql';
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
