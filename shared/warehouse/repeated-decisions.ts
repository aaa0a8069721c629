/**
 * Rows of a decision log read in place that repeat a decision already logged — the same model and decision id (a
 * batch loaded twice into a table, an export run again into a folder in other bytes). A log that holds any is read
 * one row per decision (decision-sql.ts `oncePerDecision`, its earliest row), so no such row changes a count; these
 * queries, over the rows as they are, say how many rows repeat a decision (asked once per opening of the log,
 * decision-source.ts), and which rows of the investigated decision repeat it or conflict with it (the same model and
 * id, other contents), naming the columns that differ.
 */
import { rowLine } from './row-encoding';
import { selectedWhere, type AffectedSelection } from './affected-selection';
import { Params, TIME_MS, type DecisionSql, type SqlQuery } from './decision-sql';

/** How many rows repeat a decision already logged. */
export interface RepeatedRows {
  /** Rows beyond the first of each (model, decision id) logged more than once. */
  readonly rows: number;
  /** The decisions (model, decision id) logged more than once. */
  readonly decisions: number;
}

/** The rows of one decision (one model and id), compared. */
export interface OwnRows {
  readonly model: string;
  readonly decisionId: string;
  /** How many rows log it (1: not repeated). */
  readonly rows: number;
  /** The columns whose values differ between those rows, with each row's value (in time order). */
  readonly differing: ReadonlyArray<{ readonly column: string; readonly values: ReadonlyArray<string> }>;
}

/** Where repeats are counted: a scope's affected decisions, or one model's rows. */
export type RepeatScope = AffectedSelection | { readonly by: 'model'; readonly model: string };

/**
 * How many rows repeat a decision already logged, in the whole log or within `scope` (a scope's affected decisions,
 * one model's rows): `repeated_rows` (rows beyond each decision's first) and `repeated_decisions`. One GROUP BY over
 * the decisions' keys, over the rows as they are (the relation, not the once-per-decision reading).
 */
export function repeatedRowsQuery(sql: DecisionSql, scope?: RepeatScope): SqlQuery {
  const p = new Params(sql.dialect);
  const id = sql.dialect.text(sql.field(sql.table.decisionId));
  const where =
    scope === undefined
      ? ''
      : scope.by === 'model'
        ? ` WHERE ${sql.model} = ${p.add(scope.model)}`
        : ` WHERE ${selectedWhere(sql, p, scope)}`;
  return {
    text:
      `SELECT COALESCE(SUM(n - 1), 0) AS repeated_rows, COUNT(*) AS repeated_decisions FROM ` +
      `(SELECT ${sql.model} AS m, ${id} AS i, COUNT(*) AS n FROM ${sql.relation}${where} GROUP BY 1, 2 ` +
      `HAVING COUNT(*) > 1) AS repeated`,
    params: p.values,
  };
}

/** Every row logging the decision `decisionId` of `model`, whole, in time order (at most `limit`). */
export function ownRowsQuery(sql: DecisionSql, model: string, decisionId: string, limit = 100): SqlQuery {
  const p = new Params(sql.dialect);
  const id = sql.dialect.text(sql.field(sql.table.decisionId));
  return {
    text:
      `SELECT *, ${sql.dialect.epochMs(sql.t)} AS ${TIME_MS} FROM ${sql.relation} ` +
      `WHERE ${sql.model} = ${p.add(model)} AND ${id} = ${p.add(decisionId)} ORDER BY ${TIME_MS} LIMIT ${p.add(limit)}`,
    params: p.values,
  };
}

const count = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** The answer of a `repeatedRowsQuery`. */
export function repeatedRowsOf(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): RepeatedRows {
  const [r] = rows;
  return { rows: count(r?.repeated_rows), decisions: count(r?.repeated_decisions) };
}

/** A value as the evidence bundle encodes it (a time as its RFC 3339 instant, bytes as hex), for comparing. */
const encoded = (v: unknown): string => rowLine({ v }).slice('{"v":'.length, -1);

/** The rows of one decision, compared column by column (the time in ms the queries add left out). */
export function ownRowsOf(
  model: string,
  decisionId: string,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
): OwnRows {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c !== TIME_MS);
  const differing = columns
    .map((column) => ({ column, values: rows.map((r) => encoded(r[column])) }))
    .filter(({ values }) => new Set(values).size > 1);
  return { model, decisionId, rows: rows.length, differing };
}

const n = (x: number) => x.toLocaleString('en-US');
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * "1,000 rows repeat a decision (model and decision id) already logged (1,000 decisions): each decision is counted
 * once, as its earliest row", or none.
 */
export function repeatedRowsSentence(repeated: RepeatedRows): string | undefined {
  if (repeated.rows === 0) return undefined;
  return (
    `${n(repeated.rows)} row${repeated.rows === 1 ? '' : 's'} repeat${repeated.rows === 1 ? 's' : ''} a decision ` +
    `(model and decision id) already logged (${n(repeated.decisions)} decision${repeated.decisions === 1 ? '' : 's'}` +
    `): each decision is counted once, as its earliest row`
  );
}

/** The notes an investigation gives (none where nothing repeats), each after `label: `: the log's, the decision's own. */
export function repeatedNotes(label: string, repeated: RepeatedRows, own: OwnRows): string[] {
  const notes: string[] = [];
  const sentence = repeatedRowsSentence(repeated);
  if (sentence) notes.push(`${label}: ${sentence}`);
  if (own.rows > 1) {
    const what =
      own.differing.length === 0
        ? 'identical rows'
        : `rows that differ in ${own.differing
            .map((d) => `${d.column} (${d.values.map((v) => clip(v)).join(' / ')})`)
            .join(', ')}: the log does not say which is right`;
    notes.push(
      `${label}: the investigated decision ${own.decisionId} of ${own.model} is logged ${n(own.rows)} times, ${what}`,
    );
  }
  return notes;
}
