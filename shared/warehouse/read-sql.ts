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
import { Params, type DecisionSql, type SqlQuery } from './decision-sql';
import { EACH_FEATURE } from '../importers/mapping';

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
    private readonly lineage: ReadLineage,
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

  private where(p: Params, f: ReadFilter): string {
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
    if (f.subjects)
      parts.push(
        f.subjects.length ? `${this.sql.subject} IN (${f.subjects.map((s) => p.add(s)).join(', ')})` : 'FALSE',
      );
    return parts.join(' AND ');
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

  /** Which of `ids` are subjects of the model's decisions. */
  knownSubjects(ids: ReadonlyArray<string>): SqlQuery {
    const p = new Params(this.sql.dialect);
    return {
      text: `SELECT DISTINCT ${this.sql.subject} AS subject FROM ${this.sql.from} WHERE ${this.where(p, { subjects: ids })} ORDER BY 1`,
      params: p.values,
    };
  }
}
