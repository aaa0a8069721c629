/**
 * The data each decision of a table read, told by the engine that holds the table (data-read.ts pushed down): the
 * dataset version the row names (`features[].dataset_version`) among the versions the lineage knows, else the
 * version active at the row's time, and when that data was written. The lineage's versions of the dataset (one per
 * run that wrote it: hundreds, not millions) go into the query as a CASE over their write times; the rows stay in
 * the engine, and queries return groups by write time, by version or by subject.
 *
 * A table reads one dataset per feature: a row naming another dataset than the investigated feature's is read as
 * data the lineage cannot place (written at the row's own time), where data-read.ts would look that other dataset up.
 */
import { fieldSourceOf } from './decision-table';
import { Params, TIME_MS, type DecisionSql, type SqlQuery } from './decision-sql';
import { EACH_FEATURE } from '../importers/mapping';
import { LIST_SEPARATOR } from './sql-dialect';

export interface WrittenVersion {
  /** The version facet's datasetVersion, else the id of the run that wrote it. */
  readonly version: string;
  /** When the run wrote it (epoch ms). */
  readonly fromMs: number;
}

/** The lineage of the investigated feature's data, as the queries need it. */
export interface ReadLineage {
  readonly model: string;
  /** The feature's dataset; without one no row's data is placed. */
  readonly dataset?: { readonly namespace: string; readonly name: string };
  /** The dataset's versions that runs wrote, oldest first. */
  readonly versions: ReadonlyArray<WrittenVersion>;
}

/** Which rows a query counts (every condition optional). */
export interface ReadFilter {
  /** Rows whose feature reads the dataset (else every row: each has every feature of the table). */
  readonly onDataset?: boolean;
  /** Rows of this environment (compared without case) or of none (the investigated decision's). */
  readonly environment?: string;
  /** Rows at or before this time (RFC 3339). */
  readonly until?: string;
  /** Rows on this feature version. */
  readonly featureVersion?: string;
  /** Data written at or after / before these times (epoch ms). */
  readonly writtenFrom?: number;
  readonly writtenBefore?: number;
  /** Rows of these subjects. */
  readonly subjects?: ReadonlyArray<string>;
}

/** A write time the lineage gives, spliced as a whole number (never text from a user). */
const ms = (n: number): string => {
  if (!Number.isSafeInteger(n)) throw new Error(`not a write time in milliseconds: ${n}`);
  return String(n);
};

export class ReadSql {
  constructor(
    private readonly sql: DecisionSql,
    /** The lineage the queries place the data by (values only: a case's Scope asks for its pages with them). */
    readonly lineage: ReadLineage,
  ) {}

  private optional(field: string): string | undefined {
    const source = fieldSourceOf(this.sql.table.mapping, field);
    return source ? this.sql.dialect.text(this.sql.field(source)) : undefined;
  }

  private get timeMs(): string {
    return this.sql.dialect.epochMs(this.sql.t);
  }

  /** True where the row's feature names the investigated dataset. */
  private readsDataset(p: Params): string {
    const { dataset } = this.lineage;
    const namespace = this.optional(`${EACH_FEATURE}dataset.namespace`);
    const name = this.optional(`${EACH_FEATURE}dataset.name`);
    if (!dataset || !namespace || !name) return 'FALSE';
    return `(${namespace} = ${p.add(dataset.namespace)} AND ${name} = ${p.add(dataset.name)})`;
  }

  /**
   * The row's data: `pick(version)` for the version it names or the one active at its time, `unplaced` where the
   * lineage cannot place it (a version it does not know, a time before the first write, another dataset).
   */
  private placed(p: Params, pick: (v: WrittenVersion) => string, unplaced: string): string {
    const versions = this.lineage.versions;
    if (versions.length === 0) return unplaced;
    const logged = this.optional(`${EACH_FEATURE}dataset_version`);
    const reads = this.readsDataset(p);
    if (reads === 'FALSE') return unplaced;
    const named = logged
      ? `WHEN NULLIF(${logged}, '') IS NOT NULL THEN CASE ${logged} ${versions
          .map((v) => `WHEN ${p.add(v.version)} THEN ${pick(v)}`)
          .join(' ')} ELSE ${unplaced} END `
      : '';
    const asOf = [...versions]
      .reverse()
      .map((v) => `WHEN ${this.timeMs} >= ${ms(v.fromMs)} THEN ${pick(v)}`)
      .join(' ');
    return `CASE WHEN NOT ${reads} THEN ${unplaced} ${named}${asOf} ELSE ${unplaced} END`;
  }

  /** When the row's data was written (epoch ms): data-read.ts `writeTime`. */
  private written(p: Params): string {
    return this.placed(p, (v) => ms(v.fromMs), this.timeMs);
  }

  /** The key of the row's bin in the onset's series by run (or by the dataset version it logs first). */
  private versionKey(p: Params, logged: boolean): string {
    const run = this.placed(p, (v) => p.add(v.version), `'(unknown)'`);
    const named = this.optional(`${EACH_FEATURE}dataset_version`);
    return logged && named ? `COALESCE(${named}, ${run})` : run;
  }

  /** The condition keeping the model's decisions `f` keeps (the blast radius's, where `f` is its filter). */
  where(p: Params, f: ReadFilter): string {
    const d = this.sql.dialect;
    const parts = [`${this.sql.model} = ${p.add(this.lineage.model)}`];
    if (f.onDataset && this.lineage.dataset) parts.push(this.readsDataset(p));
    const env = this.optional('environment');
    if (f.environment && env)
      parts.push(`(${env} IS NULL OR ${env} = '' OR LOWER(${env}) = ${p.add(f.environment.toLowerCase())})`);
    if (f.until !== undefined) parts.push(`${this.sql.t} <= ${d.timeParam(p.next(f.until))}`);
    if (f.featureVersion !== undefined) {
      const fv = this.optional(`${EACH_FEATURE}feature_version`) ?? 'NULL';
      parts.push(`${fv} = ${p.add(f.featureVersion)}`);
    }
    if (f.writtenFrom !== undefined) parts.push(`${this.written(p)} >= ${ms(f.writtenFrom)}`);
    if (f.writtenBefore !== undefined && Number.isFinite(f.writtenBefore))
      parts.push(`${this.written(p)} < ${ms(f.writtenBefore)}`);
    if (f.subjects) parts.push(f.subjects.length ? `${this.sql.subject} IN (${this.list(p, f.subjects)})` : 'FALSE');
    return parts.join(' AND ');
  }

  /** The items of `ids` as rows (one parameter), or as parameters where an id holds the separator. */
  private list(p: Params, ids: ReadonlyArray<string>): string {
    if (ids.some((id) => id.includes(LIST_SEPARATOR))) return ids.map((id) => p.add(id)).join(', ');
    return this.sql.dialect.textList(p.next(ids.join(LIST_SEPARATOR)));
  }

  private hits(p: Params, outcome: string): string {
    return `SUM(CASE WHEN ${this.sql.outcome} = ${p.add(outcome)} THEN 1 ELSE 0 END)`;
  }

  /** Decisions and those with `outcome`, per write time of the data they read (written_ms), oldest first. */
  byWrite(filter: ReadFilter, outcome: string): SqlQuery {
    const p = new Params(this.sql.dialect);
    const hits = this.hits(p, outcome);
    const written = this.written(p);
    return {
      text: `SELECT ${written} AS written_ms, COUNT(*) AS decisions, ${hits} AS outcomes FROM ${this.sql.from} WHERE ${this.where(p, filter)} GROUP BY 1 ORDER BY 1`,
      params: p.values,
    };
  }

  /**
   * The onset's series by data version (onset.ts `series` by run, or by dataset version with `logged`): per bin its
   * key, order (the write time, else its first decision's time), decisions, outcomes, first and last time (epoch ms).
   */
  byVersion(filter: ReadFilter, outcome: string, logged: boolean): SqlQuery {
    const p = new Params(this.sql.dialect);
    const hits = this.hits(p, outcome);
    const key = this.versionKey(p, logged);
    const written = this.written(p);
    return {
      text:
        `SELECT ${key} AS bin, MIN(${written}) AS order_ms, COUNT(*) AS decisions, ${hits} AS outcomes, ` +
        `MIN(${this.timeMs}) AS first_ms, MAX(${this.timeMs}) AS last_ms FROM ${this.sql.from} ` +
        `WHERE ${this.where(p, filter)} GROUP BY 1 ORDER BY order_ms, first_ms, bin`,
      params: p.values,
    };
  }

  /** Decisions and those with `outcome` per subject (a decision without one is its own, by its id). */
  bySubject(filter: ReadFilter, outcome: string): SqlQuery {
    const p = new Params(this.sql.dialect);
    const hits = this.hits(p, outcome);
    const id = this.sql.dialect.text(this.sql.field(this.sql.table.decisionId));
    return {
      text: `SELECT COALESCE(${this.sql.subject}, ${id}) AS subject, COUNT(*) AS decisions, ${hits} AS outcomes FROM ${this.sql.from} WHERE ${this.where(p, filter)} GROUP BY 1 ORDER BY MIN(${this.timeMs}), 1`,
      params: p.values,
    };
  }

  /**
   * The scope of the decisions `filter` keeps (the blast radius): how many, distinct subjects, both also up to `until`
   * (the investigated decision's time), and how many decisions of the model there are.
   */
  radiusCounts(filter: ReadFilter, until: string): SqlQuery {
    const p = new Params(this.sql.dialect);
    const kept = this.where(p, filter);
    const through = `${kept} AND ${this.sql.t} <= ${this.sql.dialect.timeParam(p.next(until))}`;
    const subject = this.sql.subject;
    return {
      text:
        `SELECT SUM(CASE WHEN ${kept} THEN 1 ELSE 0 END) AS decisions, ` +
        `COUNT(DISTINCT CASE WHEN ${kept} THEN ${subject} END) AS subjects, ` +
        `SUM(CASE WHEN ${through} THEN 1 ELSE 0 END) AS through_decisions, ` +
        `COUNT(DISTINCT CASE WHEN ${through} THEN ${subject} END) AS through_subjects, ` +
        `COUNT(*) AS model_decisions FROM ${this.sql.from} WHERE ${this.where(p, {})}`,
      params: p.values,
    };
  }

  /** The decisions `filter` keeps by UTC hour, model version and action (the scope's histograms and tallies). */
  radiusTally(filter: ReadFilter): SqlQuery {
    const p = new Params(this.sql.dialect);
    const d = this.sql.dialect;
    const action = this.optional('action');
    return {
      text:
        `SELECT ${d.bucketMs(this.sql.t, 'hour')} AS hour_ms, ${this.sql.version} AS version, ` +
        `${action ? `NULLIF(${action}, '')` : 'NULL'} AS action, COUNT(*) AS decisions ` +
        `FROM ${this.sql.from} WHERE ${this.where(p, filter)} GROUP BY 1, 2, 3 ORDER BY 1`,
      params: p.values,
    };
  }

  /** The first or the last of the decisions `filter` keeps, whole (the scope's window cites them). */
  radiusEdge(filter: ReadFilter, edge: 'first' | 'last'): SqlQuery {
    const p = new Params(this.sql.dialect);
    const id = this.sql.dialect.text(this.sql.field(this.sql.table.decisionId));
    const dir = edge === 'first' ? '' : ' DESC';
    return {
      text: `SELECT *, ${this.timeMs} AS ${TIME_MS} FROM ${this.sql.from} WHERE ${this.where(p, filter)} ORDER BY ${TIME_MS}${dir}, ${id}${dir} LIMIT 1`,
      params: p.values,
    };
  }

  /**
   * One page of the decisions `filter` keeps, whole, in time order then id (the Scope step's list and CSV export of a
   * case read in place); `limit` and `offset` are parameters.
   */
  radiusPage(filter: ReadFilter, page: { readonly limit: number; readonly offset: number }): SqlQuery {
    const p = new Params(this.sql.dialect);
    const id = this.sql.dialect.text(this.sql.field(this.sql.table.decisionId));
    const where = this.where(p, filter);
    return {
      text: `SELECT *, ${this.timeMs} AS ${TIME_MS} FROM ${this.sql.from} WHERE ${where} ORDER BY ${TIME_MS}, ${id} LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      params: p.values,
    };
  }

  /** When the model's first decision was made (first_ms). */
  firstDecision(): SqlQuery {
    const p = new Params(this.sql.dialect);
    return {
      text: `SELECT MIN(${this.timeMs}) AS first_ms FROM ${this.sql.from} WHERE ${this.where(p, {})}`,
      params: p.values,
    };
  }

  /** Which of `ids` are subjects of the model's decisions. */
  knownSubjects(ids: ReadonlyArray<string>): SqlQuery {
    const p = new Params(this.sql.dialect);
    return {
      text: `SELECT DISTINCT ${this.sql.subject} AS subject FROM ${this.sql.from} WHERE ${this.where(p, { subjects: ids })} ORDER BY 1`,
      params: p.values,
    };
  }
}
