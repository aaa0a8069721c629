/**
 * The decision queries, pushed down to the engine that holds the log (DuckDB over Parquet/CSV/JSON files,
 * PostgreSQL, …): the investigated decision, a model's decisions, the outcome series the onset tests, the scope's
 * counts and pages, and the aggregates `watch` reads. One builder for every engine; the dialect renders what differs.
 * Every value a user gives is a parameter, never spliced into the text.
 */
import type { DecisionTable, FieldSource } from './decision-table';
import { quoteIdent, quoteText, type SqlDialect } from './sql-dialect';

export interface SqlQuery {
  readonly text: string;
  readonly params: ReadonlyArray<string | number>;
}

/** The name under which row queries return each row's time as epoch milliseconds. */
export const TIME_MS = '__li_time_ms';

/** What a bin of the onset's series is: a feature version, a dataset version the log names, or a UTC day. */
export type SeriesBy = 'feature_version' | 'dataset_version' | 'day';

/** Parameters numbered as they are added, so a query's conditions can be put together in any order. */
export class Params {
  readonly values: Array<string | number> = [];
  constructor(private readonly dialect: SqlDialect) {}
  /** The placeholder of a new parameter. */
  add(value: string | number): string {
    return this.dialect.param(this.next(value));
  }
  /** The number of a new parameter (for dialect helpers that take one). */
  next(value: string | number): number {
    this.values.push(value);
    return this.values.length;
  }
}

/**
 * SQL over one decision table. `relation` is where its rows are (a table name, or a table function over files);
 * `from` is what every count and read takes: the relation itself, or — where the log repeats decisions
 * (`oncePerDecision`: a batch loaded twice, a day's file exported again in other bytes) — its decisions, each model and
 * decision id once, as its earliest row. Reading through that subquery costs 4–16 times more (bench/warehouse.ts),
 * so decision-source.ts asks for it only of a log that repeats a decision.
 */
export class DecisionSql {
  constructor(
    readonly dialect: SqlDialect,
    readonly table: DecisionTable,
    readonly relation: string,
    readonly oncePerDecision = false,
  ) {}

  /** The rows the queries read: the relation, or each decision of it once (see the class's note). */
  get from(): string {
    if (!this.oncePerDecision) return this.relation;
    const key = [this.field(this.table.modelName), this.field(this.table.decisionId)];
    return this.dialect.firstPer(this.relation, key, this.t);
  }

  /** The same queries over the same relation, reading each decision once or every row as logged. */
  counting(oncePerDecision: boolean): DecisionSql {
    return oncePerDecision === this.oncePerDecision
      ? this
      : new DecisionSql(this.dialect, this.table, this.relation, oncePerDecision);
  }

  /** The expression of a field: its column, or the mapping's fixed value. */
  field(s: FieldSource): string {
    return 'column' in s ? quoteIdent(s.column) : quoteText(s.constant);
  }

  /** The decision's time, as a UTC timestamp. */
  get t(): string {
    return this.dialect.time(this.field(this.table.timestamp), this.table.timeFormat);
  }

  /** The outcome a decision is counted by (onset.ts outcomeOf): its action, else its output label, as text. */
  get outcome(): string {
    const { action, label } = this.table;
    const d = this.dialect;
    const parts = [
      ...(action ? [`NULLIF(${d.text(this.field(action))}, '')`] : []),
      ...(label ? [d.text(this.field(label))] : []),
    ];
    return parts.length === 0 ? 'NULL' : parts.length === 1 ? (parts[0] as string) : `COALESCE(${parts.join(', ')})`;
  }

  /** The model's name, as text. */
  get model(): string {
    return this.dialect.text(this.field(this.table.modelName));
  }

  /** The model's version, as text (NULL where the mapping has none). */
  get version(): string {
    return this.table.modelVersion ? this.dialect.text(this.field(this.table.modelVersion)) : 'NULL';
  }

  /** The subject, as text (NULL where the mapping has none). */
  get subject(): string {
    return this.table.subject ? this.dialect.text(this.field(this.table.subject)) : 'NULL';
  }

  private rows(where: string, params: ReadonlyArray<string | number>, tail = ''): SqlQuery {
    const ms = this.dialect.epochMs(this.t);
    const id = this.dialect.text(this.field(this.table.decisionId));
    return {
      text: `SELECT *, ${ms} AS ${TIME_MS} FROM ${this.from} WHERE ${where} ORDER BY ${TIME_MS}, ${id}${tail}`,
      params,
    };
  }

  /** The decisions with this id (one, unless the log repeats it). */
  decision(decisionId: string): SqlQuery {
    const id = this.dialect.text(this.field(this.table.decisionId));
    return this.rows(`${id} = ${this.dialect.param(1)}`, [decisionId], ' LIMIT 2');
  }

  /**
   * The decisions with this id of `model` (one, unless the log repeats it): the id alone can name decisions of two
   * models, whose logs often number their decisions alike.
   */
  decisionOfModel(decisionId: string, model: string): SqlQuery {
    const id = this.dialect.text(this.field(this.table.decisionId));
    const where = `${this.model} = ${this.dialect.param(1)} AND ${id} = ${this.dialect.param(2)}`;
    return this.rows(where, [model, decisionId], ' LIMIT 2');
  }

  /** The models whose rows hold a decision with this id, by name (at most `limit`). */
  modelsWithDecision(decisionId: string, limit = 20): SqlQuery {
    const d = this.dialect;
    const id = d.text(this.field(this.table.decisionId));
    return {
      text: `SELECT DISTINCT ${this.model} AS model FROM ${this.from} WHERE ${id} = ${d.param(1)} ORDER BY 1 LIMIT ${d.param(2)}`,
      params: [decisionId, limit],
    };
  }

  /** Every decision of one model, in time order. */
  modelDecisions(model: string): SqlQuery {
    return this.rows(`${this.model} = ${this.dialect.param(1)}`, [model]);
  }

  /** The key of a decision's bin: its feature version, its dataset version, or its UTC day (epoch ms). */
  private binKey(by: SeriesBy): string {
    const d = this.dialect;
    if (by === 'day') return `CAST(${d.bucketMs(this.t, 'day')} AS BIGINT)`;
    const source = by === 'feature_version' ? this.table.featureVersion : this.table.datasetVersion;
    const none = by === 'feature_version' ? '(none)' : '(unknown)';
    return source ? `COALESCE(${d.text(this.field(source))}, '${none}')` : `'${none}'`;
  }

  /** `model = $1 AND time <= $2` and, within one feature version, `AND feature_version = $3`. */
  private upTo(p: Params, model: string, until: string, featureVersion?: string): string {
    const d = this.dialect;
    const own =
      featureVersion === undefined
        ? ''
        : ` AND ${this.table.featureVersion ? d.text(this.field(this.table.featureVersion)) : 'NULL'} = ${p.add(featureVersion)}`;
    return `${this.model} = ${p.add(model)} AND ${this.t} <= ${d.timeParam(p.next(until))}${own}`;
  }

  /**
   * The rate of `outcome` over the decisions of `model` up to `until` (RFC 3339), one bin per feature version or dataset
   * version in order of first use, or per UTC day (bin: epoch ms): key, decisions, outcomes, first and last time (epoch
   * ms). With `featureVersion`, over that feature version's decisions only (the onset's finer look).
   */
  outcomeSeries(opts: {
    readonly model: string;
    readonly outcome: string;
    readonly until: string;
    readonly by: SeriesBy;
    readonly featureVersion?: string;
  }): SqlQuery {
    const d = this.dialect;
    const p = new Params(d);
    const where = this.upTo(p, opts.model, opts.until, opts.featureVersion);
    return {
      text:
        `SELECT ${this.binKey(opts.by)} AS bin, COUNT(*) AS decisions, ` +
        `SUM(CASE WHEN ${this.outcome} = ${p.add(opts.outcome)} THEN 1 ELSE 0 END) AS outcomes, ` +
        `MIN(${d.epochMs(this.t)}) AS first_ms, MAX(${d.epochMs(this.t)}) AS last_ms ` +
        `FROM ${this.from} WHERE ${where} GROUP BY 1 ORDER BY first_ms, bin`,
      params: p.values,
    };
  }

  /** How many of `model`'s decisions up to `until` on one feature version name no dataset version. */
  unversionedData(model: string, until: string, featureVersion: string): SqlQuery {
    const p = new Params(this.dialect);
    const where = this.upTo(p, model, until, featureVersion);
    const dv = this.table.datasetVersion ? this.dialect.text(this.field(this.table.datasetVersion)) : 'NULL';
    return {
      text: `SELECT COUNT(*) AS decisions, SUM(CASE WHEN ${dv} IS NULL THEN 1 ELSE 0 END) AS unversioned FROM ${this.from} WHERE ${where}`,
      params: p.values,
    };
  }

  /** The first decision (up to `until`) of one bin of the series: the onset's first bad decision. */
  firstOfBin(opts: {
    readonly model: string;
    readonly until: string;
    readonly by: SeriesBy;
    readonly key: string | number;
    readonly featureVersion?: string;
  }): SqlQuery {
    const p = new Params(this.dialect);
    const where = `${this.upTo(p, opts.model, opts.until, opts.featureVersion)} AND ${this.binKey(opts.by)} = ${p.add(opts.key)}`;
    return this.rows(where, p.values, ' LIMIT 1');
  }

  /** The last decision (up to `until`) before `beforeMs` on one of the bins `keys`: the onset's last good decision. */
  lastBefore(opts: {
    readonly model: string;
    readonly until: string;
    readonly by: SeriesBy;
    readonly keys: ReadonlyArray<string | number>;
    readonly beforeMs: number;
    readonly featureVersion?: string;
  }): SqlQuery {
    const d = this.dialect;
    const p = new Params(d);
    const keys = opts.keys.map((k) => p.add(k)).join(', ');
    const where =
      `${this.upTo(p, opts.model, opts.until, opts.featureVersion)} AND ${d.epochMs(this.t)} < ${p.add(opts.beforeMs)}` +
      ` AND ${this.binKey(opts.by)} IN (${keys})`;
    const id = d.text(this.field(this.table.decisionId));
    return {
      text: `SELECT *, ${d.epochMs(this.t)} AS ${TIME_MS} FROM ${this.from} WHERE ${where} ORDER BY ${TIME_MS} DESC, ${id} DESC LIMIT 1`,
      params: p.values,
    };
  }

  private versionsIn(p: Params, kind: 'feature_version' | 'dataset_version', versions: ReadonlyArray<string>): string {
    const source = kind === 'feature_version' ? this.table.featureVersion : this.table.datasetVersion;
    if (!source || versions.length === 0) return 'FALSE';
    return `${this.dialect.text(this.field(source))} IN (${versions.map((v) => p.add(v)).join(', ')})`;
  }

  /**
   * The decisions of `model` on any of the feature or dataset `versions`: how many, distinct subjects, both up to
   * `until` (the investigated decision's time), and how many decisions of the model are on other versions.
   */
  versionsScope(
    model: string,
    kind: 'feature_version' | 'dataset_version',
    versions: ReadonlyArray<string>,
    until: string,
  ): SqlQuery {
    const d = this.dialect;
    const p = new Params(d);
    const where = `${this.model} = ${p.add(model)}`;
    const on = this.versionsIn(p, kind, versions);
    const through = `${on} AND ${this.t} <= ${d.timeParam(p.next(until))}`;
    return {
      text:
        `SELECT SUM(CASE WHEN ${on} THEN 1 ELSE 0 END) AS decisions, ` +
        `COUNT(DISTINCT CASE WHEN ${on} THEN ${this.subject} END) AS subjects, ` +
        `SUM(CASE WHEN ${through} THEN 1 ELSE 0 END) AS through_decisions, ` +
        `COUNT(DISTINCT CASE WHEN ${through} THEN ${this.subject} END) AS through_subjects, ` +
        `COUNT(*) AS model_decisions FROM ${this.from} WHERE ${where}`,
      params: p.values,
    };
  }

  /** Those decisions by UTC hour, model version and action (the scope's histograms and tallies). */
  versionsTally(model: string, kind: 'feature_version' | 'dataset_version', versions: ReadonlyArray<string>): SqlQuery {
    const d = this.dialect;
    const p = new Params(d);
    const where = `${this.model} = ${p.add(model)} AND ${this.versionsIn(p, kind, versions)}`;
    const action = this.table.action ? `NULLIF(${d.text(this.field(this.table.action))}, '')` : 'NULL';
    return {
      text:
        `SELECT ${d.bucketMs(this.t, 'hour')} AS hour_ms, ${this.version} AS version, ${action} AS action, ` +
        `COUNT(*) AS decisions FROM ${this.from} WHERE ${where} GROUP BY 1, 2, 3 ORDER BY 1`,
      params: p.values,
    };
  }

  /** The first or the last of those decisions, whole (the scope's window cites them). */
  versionsEdge(
    model: string,
    kind: 'feature_version' | 'dataset_version',
    versions: ReadonlyArray<string>,
    edge: 'first' | 'last',
  ): SqlQuery {
    const d = this.dialect;
    const p = new Params(d);
    const where = `${this.model} = ${p.add(model)} AND ${this.versionsIn(p, kind, versions)}`;
    const id = d.text(this.field(this.table.decisionId));
    const dir = edge === 'first' ? '' : ' DESC';
    return {
      text: `SELECT *, ${d.epochMs(this.t)} AS ${TIME_MS} FROM ${this.from} WHERE ${where} ORDER BY ${TIME_MS}${dir}, ${id}${dir} LIMIT 1`,
      params: p.values,
    };
  }

  /**
   * One page of those decisions, whole, in time order then id (the Scope step's list and CSV export of a case read in
   * place); `limit` and `offset` are parameters.
   */
  versionsPage(
    model: string,
    kind: 'feature_version' | 'dataset_version',
    versions: ReadonlyArray<string>,
    page: { readonly limit: number; readonly offset: number },
  ): SqlQuery {
    const p = new Params(this.dialect);
    const where = this.versionsWhere(p, model, kind, versions);
    const tail = ` LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`;
    return this.rows(where, p.values, tail);
  }

  /** The condition keeping the decisions of `model` on any of the feature or dataset `versions` (their scope). */
  versionsWhere(
    p: Params,
    model: string,
    kind: 'feature_version' | 'dataset_version',
    versions: ReadonlyArray<string>,
  ): string {
    return `${this.model} = ${p.add(model)} AND ${this.versionsIn(p, kind, versions)}`;
  }

  private versionFilter(kind: 'feature_version' | 'dataset_version', first: number): string {
    const source = kind === 'feature_version' ? this.table.featureVersion : this.table.datasetVersion;
    return source ? `${this.dialect.text(this.field(source))} = ${this.dialect.param(first)}` : 'FALSE';
  }

  /** The decisions of `model` on one feature or dataset version: how many, distinct subjects, first and last. */
  scopeCounts(model: string, kind: 'feature_version' | 'dataset_version', version: string): SqlQuery {
    const d = this.dialect;
    return {
      text:
        `SELECT COUNT(*) AS decisions, COUNT(DISTINCT ${this.subject}) AS subjects, ` +
        `MIN(${d.epochMs(this.t)}) AS first_ms, MAX(${d.epochMs(this.t)}) AS last_ms ` +
        `FROM ${this.from} WHERE ${this.model} = ${d.param(1)} AND ${this.versionFilter(kind, 2)}`,
      params: [model, version],
    };
  }

  /**
   * One page of those decisions, in time order then id: decision id, subject, time (epoch ms), outcome. Without
   * `page`, all of them (the CSV export streams this).
   */
  scopeList(
    model: string,
    kind: 'feature_version' | 'dataset_version',
    version: string,
    page?: { readonly limit: number; readonly offset: number },
  ): SqlQuery {
    const d = this.dialect;
    const id = d.text(this.field(this.table.decisionId));
    const tail = page ? ` LIMIT ${d.param(3)} OFFSET ${d.param(4)}` : '';
    return {
      text:
        `SELECT ${id} AS decision_id, ${this.subject} AS subject_id, ${d.epochMs(this.t)} AS time_ms, ` +
        `${this.outcome} AS outcome FROM ${this.from} WHERE ${this.model} = ${d.param(1)} AND ` +
        `${this.versionFilter(kind, 2)} ORDER BY time_ms, decision_id${tail}`,
      params: page ? [model, version, page.limit, page.offset] : [model, version],
    };
  }

  /** Decisions by model, model version, UTC hour or day and outcome (what `watch` reads): counts only. */
  outcomeCounts(opts: { readonly model?: string; readonly bucket: 'hour' | 'day' }): SqlQuery {
    const d = this.dialect;
    const where = opts.model === undefined ? '' : ` WHERE ${this.model} = ${d.param(1)}`;
    return {
      text:
        `SELECT ${this.model} AS model, ${this.version} AS version, ${d.bucketMs(this.t, opts.bucket)} AS bucket_ms, ` +
        `${this.outcome} AS outcome, COUNT(*) AS decisions FROM ${this.from}${where} GROUP BY 1, 2, 3, 4 ORDER BY 3`,
      params: opts.model === undefined ? [] : [opts.model],
    };
  }

  /** Decisions and distinct subjects of a model (and version) from a time on. */
  countsSince(model: string, version: string | undefined, from: string): SqlQuery {
    const d = this.dialect;
    const byVersion = version === undefined ? '' : ` AND ${this.version} = ${d.param(3)}`;
    return {
      text:
        `SELECT COUNT(*) AS decisions, COUNT(DISTINCT ${this.subject}) AS subjects FROM ${this.from} ` +
        `WHERE ${this.model} = ${d.param(1)} AND ${this.t} >= ${d.timeParam(2)}${byVersion}`,
      params: version === undefined ? [model, from] : [model, from, version],
    };
  }

  /** The first decision of a model (and version) from a time on with this outcome: its id and time (epoch ms). */
  firstWithOutcome(model: string, version: string | undefined, outcome: string, from: string): SqlQuery {
    const d = this.dialect;
    const id = d.text(this.field(this.table.decisionId));
    const byVersion = version === undefined ? '' : ` AND ${this.version} = ${d.param(4)}`;
    return {
      text:
        `SELECT ${id} AS decision_id, ${d.epochMs(this.t)} AS time_ms FROM ${this.from} WHERE ${this.model} = ${d.param(1)} AND ` +
        `${this.t} >= ${d.timeParam(2)} AND ${this.outcome} = ${d.param(3)}${byVersion} ORDER BY ${this.t}, 1 LIMIT 1`,
      params: version === undefined ? [model, from, outcome] : [model, from, outcome, version],
    };
  }

  /** Decisions per model, the largest first (at most `limit` models). */
  modelCounts(limit = 20): SqlQuery {
    return {
      text: `SELECT ${this.model} AS model, COUNT(*) AS decisions FROM ${this.from} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${this.dialect.param(1)}`,
      params: [limit],
    };
  }

  /** How many rows the table holds. */
  count(): SqlQuery {
    return { text: `SELECT COUNT(*) AS decisions FROM ${this.from}`, params: [] };
  }
}
