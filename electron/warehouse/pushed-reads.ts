/**
 * The data each decision of a source read in place, asked of its engine with the lineage of the imported evidence
 * (shared/warehouse/read-sql.ts): decisions per write time, per data version (the onset's series by run) and per
 * subject. Only these groups leave the engine.
 */
import { writeColumnsOf, type WriteColumns } from '../../shared/analysis/change-interval.js';
import type { OutcomeBin } from '../../shared/analysis/engine-types.js';
import type { SubjectTally } from '../../shared/analysis/subject-concentration.js';
import { lineageModel } from '../../shared/lineage/lineage-model.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import { ReadSql, type ReadFilter } from '../../shared/warehouse/read-sql.js';
import type { DecisionSource } from './decision-source.js';
import { numberOf, type SqlRow } from './sql-engine.js';

/** A source's decisions of one model, with the lineage that places the data of `featureName` for them. */
export interface PlacedReads {
  readonly source: DecisionSource;
  readonly sql: ReadSql;
}

/** The reads of `decision`'s model and feature in `source`, placed by the lineage of `set`. */
export function placedReads(
  source: DecisionSource,
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
): PlacedReads {
  const dataset = decision.features.find((f) => f.name === featureName)?.dataset;
  const versions = dataset
    ? lineageModel(set)
        .versionsOf(`${dataset.namespace}:${dataset.name}`)
        .filter((v) => !v.declared)
        .map((v) => ({ version: v.version, fromMs: v.from }))
    : [];
  return { source, sql: new ReadSql(source.sql, { model: decision.model.name, dataset, versions }) };
}

export interface WriteGroup {
  readonly n: number;
  readonly k: number;
}

/** Decisions (`n`) and those with `outcome` (`k`) by the write time of the data they read, oldest first. */
export async function writeGroups(
  reads: PlacedReads,
  filter: ReadFilter,
  outcome: string,
): Promise<Map<number, WriteGroup>> {
  return groupsOf(await reads.source.engine.query(reads.sql.byWrite(filter, outcome)));
}

const groupsOf = (rows: ReadonlyArray<SqlRow>): Map<number, WriteGroup> =>
  new Map(rows.map((r) => [numberOf(r.written_ms), { n: numberOf(r.decisions), k: numberOf(r.outcomes) }]));

/**
 * `writeGroups` as columns in write-time order, read straight from the engine's ordered rows: the change interval
 * of a log without lineage has a group per decision time (about 700,000 at 5M decisions), which a Map keyed by time
 * took over a second to build. Rows out of order (never from the ordered query) are grouped and sorted as before.
 */
export async function writeColumns(reads: PlacedReads, filter: ReadFilter, outcome: string): Promise<WriteColumns> {
  const rows = await reads.source.engine.query(reads.sql.byWrite(filter, outcome));
  const times = new Float64Array(rows.length);
  const n = new Float64Array(rows.length);
  const k = new Float64Array(rows.length);
  let ordered = true;
  rows.forEach((r, i) => {
    times[i] = numberOf(r.written_ms);
    n[i] = numberOf(r.decisions);
    k[i] = numberOf(r.outcomes);
    if (i > 0 && !((times[i] as number) > (times[i - 1] as number))) ordered = false;
  });
  return ordered ? { times, n, k } : writeColumnsOf(groupsOf(rows));
}

/** Each subject's decisions and outcomes, in the order of its first decision. */
export async function subjectTallies(reads: PlacedReads, filter: ReadFilter, outcome: string): Promise<SubjectTally[]> {
  const rows = await reads.source.engine.query(reads.sql.bySubject(filter, outcome));
  return rows.map((r) => ({
    subject: String(r.subject),
    decisions: numberOf(r.decisions),
    outcomes: numberOf(r.outcomes),
  }));
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The onset's outcome series by data version (onset.ts: by run, or by the dataset version the log names with
 * `logged`) over the decisions `filter` keeps: one bin per version in the order it was written.
 */
export async function versionSeries(
  reads: PlacedReads,
  filter: ReadFilter,
  outcome: string,
  logged: boolean,
): Promise<OutcomeBin[]> {
  const rows = await reads.source.engine.query(reads.sql.byVersion(filter, outcome, logged));
  return rows.map((r) => {
    const decisions = numberOf(r.decisions);
    const outcomes = numberOf(r.outcomes);
    return {
      key: String(r.bin),
      from: iso(numberOf(r.first_ms)),
      to: iso(numberOf(r.last_ms)),
      decisions,
      outcomes,
      rate: Math.round((outcomes / decisions) * 1000) / 1000,
    };
  });
}
