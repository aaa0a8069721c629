/**
 * A decision log read where it lives: each question is one query the engine answers (decision-sql.ts), and only
 * the answer comes back — the investigated decision, one model's decisions, outcome series, scope counts and pages,
 * the CSV export, the aggregates `watch` reads. Opened from a `--source` that is a Parquet file, a folder of
 * Parquet (or hive-partitioned CSV/JSON lines), or a `postgresql://…?table=NAME` URL.
 */
import { createHash } from 'node:crypto';
import { suggestMapping, describeMapping } from '../../shared/importers/column-mapping.js';
import { identityGraphShape } from '../../shared/importers/identity-graph-importer.js';
import type { ImportMapping } from '../../shared/importers/mapping.js';
import type { Decision } from '../../shared/model/records.js';
import { DecisionSql } from '../../shared/warehouse/decision-sql.js';
import { decisionTable, type DecisionTable } from '../../shared/warehouse/decision-table.js';
import { repeatedRowsOf, repeatedRowsQuery, type RepeatedRows } from '../../shared/warehouse/repeated-decisions.js';
import { rowDecision } from '../../shared/warehouse/row-decision.js';
import type { DuplicateInput } from '../sources/list-inputs.js';
import { duckdbInput, openDuckdb, type DuckdbInput } from './duckdb-engine.js';
import { numberOf, type SqlEngine, type SqlRow } from './sql-engine.js';

export interface RowRejection {
  readonly decisionId?: string;
  readonly reason: string;
}

export interface DecisionSource {
  /** The path or URL (without a password) the log was opened from. */
  readonly label: string;
  /** SHA-256 of the label: the source id the decisions' provenance names. */
  readonly sourceId: string;
  readonly table: DecisionTable;
  /** Set when no mapping was given: the one suggested from the columns ("decision ← …"). */
  readonly suggested?: string;
  readonly sql: DecisionSql;
  readonly engine: SqlEngine;
  /** A folder's files not read because each repeats the bytes of one that is (an export run again). */
  readonly copies: ReadonlyArray<DuplicateInput>;
  /**
   * The rows, when it was opened, that repeat a decision (model and decision id) already logged: a batch loaded twice,
   * an export run again in other bytes. Where there are any, `sql` reads each decision once, as its earliest row.
   */
  readonly repeated: RepeatedRows;
  close(): Promise<void>;
}

/** True when `spec` names a PostgreSQL table rather than a path. */
export const isPostgresUrl = (spec: string): boolean => /^postgres(ql)?:\/\//i.test(spec);

/**
 * The decision log at `spec` opened in place, or undefined when the importers read it instead: anything but a
 * PostgreSQL URL, a Parquet file or a folder of Parquet or hive partitions — and Parquet whose columns are an
 * identity graph's (parquet-rows.ts reads it), and a hive-partitioned folder of CSV or JSON lines whose columns the
 * mapping does not read as decisions (other evidence, partitioned by date). Throws for a PostgreSQL or Parquet source
 * that cannot be read as decisions, naming it.
 */
export async function openInPlace(spec: string, mapping?: ImportMapping): Promise<DecisionSource | undefined> {
  if (isPostgresUrl(spec)) return openDecisionSource(spec, mapping);
  const input = await duckdbInput(spec);
  if (!input) return undefined;
  if (!input.parquet) return openOver(spec, mapping, input).catch(() => undefined);
  return (await isIdentityGraph(input.relation, spec)) ? undefined : openOver(spec, mapping, input);
}

/** True when the columns of `relation` are an identity graph's (RudderStack's, Segment's), not a decision log's. */
async function isIdentityGraph(relation: string, spec: string): Promise<boolean> {
  const engine = await openDuckdb(relation, spec);
  try {
    return identityGraphShape(await engine.columns()) !== undefined;
  } finally {
    await engine.close();
  }
}

/**
 * Opens the decision log at `spec` through `mapping` (or one suggested from its columns). Throws an Error naming the
 * source and what is wrong (unreadable, a mapping that does not fit the columns); never one holding a password.
 */
export async function openDecisionSource(spec: string, mapping?: ImportMapping): Promise<DecisionSource> {
  if (isPostgresUrl(spec)) return openOver(spec, mapping);
  const input = await duckdbInput(spec);
  if (!input) throw new Error(`${spec}: not a Parquet file or a folder of Parquet, CSV or JSON-lines files`);
  return openOver(spec, mapping, input);
}

/** Opens `spec` (a PostgreSQL URL, or what DuckDB reads as `input`) through `mapping` or one suggested. */
async function openOver(spec: string, mapping?: ImportMapping, input?: DuckdbInput): Promise<DecisionSource> {
  const engine = input
    ? await openDuckdb(input.relation, spec)
    : await (await import('./postgres-engine.js')).openPostgres(spec);
  try {
    const columns = await engine.columns();
    const chosen = mapping ?? suggestMapping(columns, 'decision-log');
    const read = decisionTable(chosen, columns);
    if (!read.ok)
      throw new Error(`${engine.label}: the ${mapping ? 'mapping' : 'suggested mapping'} does not fit: ${read.reason}`);
    // No input may change a count except by adding evidence: where rows repeat a decision, every query reads each
    // decision once. Asked of the whole log once per opening (a GROUP BY over the decisions' keys: 0.9 s at 5 million
    // rows in DuckDB, bench/warehouse.ts) unless the engine keeps the decisions unique itself (a primary key); a log
    // that repeats nothing is read as it is, at full speed.
    const rows = new DecisionSql(engine.dialect, read.table, engine.from);
    const repeated = (await keptUnique(engine, read.table))
      ? NOTHING_REPEATED
      : repeatedRowsOf(await engine.query(repeatedRowsQuery(rows)));
    return {
      label: engine.label,
      sourceId: createHash('sha256').update(engine.label).digest('hex'),
      table: read.table,
      ...(!mapping && { suggested: describeMapping(chosen) }),
      sql: rows.counting(repeated.rows > 0),
      engine,
      copies: input?.copies ?? [],
      repeated,
      close: () => engine.close(),
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

const NOTHING_REPEATED: RepeatedRows = { rows: 0, decisions: 0 };

/**
 * Whether the engine keeps each decision of `table` once itself: a unique key (PostgreSQL's primary key on the decision
 * id, say) whose columns are all among the decision's model and id columns.
 */
export async function keptUnique(engine: SqlEngine, table: DecisionTable): Promise<boolean> {
  const keys = (await engine.uniqueKeys?.()) ?? [];
  const identity = [table.modelName, table.decisionId].flatMap((f) => ('column' in f ? [f.column] : []));
  return keys.some((key) => key.length > 0 && key.every((column) => identity.includes(column)));
}

/** Decisions of rows, with the rows the validator rejected. */
export function decisionsOf(
  source: DecisionSource,
  rows: ReadonlyArray<SqlRow>,
): { readonly decisions: Decision[]; readonly rejections: RowRejection[] } {
  const decisions: Decision[] = [];
  const rejections: RowRejection[] = [];
  const idColumn = source.table.mapping.fields.decision_id;
  for (const row of rows) {
    const read = rowDecision(row, source.table, source.sourceId);
    if ('decision' in read) decisions.push(read.decision);
    else
      rejections.push({
        ...(idColumn && row[idColumn] != null && { decisionId: String(row[idColumn]) }),
        reason: read.reason,
      });
  }
  return { decisions, rejections };
}

/** The decision with this id in the source (of `model`, when given), if any. */
export async function findDecision(source: DecisionSource, decisionId: string, model?: string) {
  const query = model === undefined ? source.sql.decision(decisionId) : source.sql.decisionOfModel(decisionId, model);
  return decisionsOf(source, await source.engine.query(query));
}

/** The models whose rows in the source hold a decision with this id, by name. */
export async function modelsWithDecision(source: DecisionSource, decisionId: string): Promise<string[]> {
  const rows = await source.engine.query(source.sql.modelsWithDecision(decisionId));
  return rows.map((r) => String(r.model));
}

/** Every decision of one model, in time order. */
export async function modelDecisions(source: DecisionSource, model: string) {
  return decisionsOf(source, await source.engine.query(source.sql.modelDecisions(model)));
}

/** How many decisions the source holds. */
export async function countDecisions(source: DecisionSource): Promise<number> {
  const [row] = await source.engine.query(source.sql.count());
  return numberOf(row?.decisions);
}
