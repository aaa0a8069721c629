/**
 * The onset of a decision read in place, asked of the engine that holds the log: the outcome series (bucketed by the
 * engine), its change-points tested here as onset.ts tests them (same test, same threshold), and the two decisions
 * the estimate cites (the first of the onset's bin, the last good one before it) fetched whole by one query each. No
 * other decision is read. It follows `estimateOnset` step by step for a log whose decisions the lineage cannot place
 * (no run wrote the feature's dataset): the bins are feature versions, logged dataset versions or UTC days.
 */
import { outcomeOf, outcomeRate, shift } from '../../shared/analysis/onset.js';
import type { DecisionRef, OnsetEstimate, OutcomeBin } from '../../shared/analysis/engine-types.js';
import type { Decision } from '../../shared/model/records.js';
import { decisionRef } from '../../shared/model/decision-key.js';
import type { SeriesBy, SqlQuery } from '../../shared/warehouse/decision-sql.js';
import { decisionsOf, type DecisionSource } from './decision-source.js';
import { versionSeries, type PlacedReads } from './pushed-reads.js';
import { numberOf } from './sql-engine.js';
import { firstFrom, lastBefore } from '../../shared/warehouse/onset-time-sql.js';

/** The key of the bin of decisions whose data the lineage cannot place (read-sql.ts). */
const UNPLACED = '(unknown)';

/** A bin as the engine keys it too (a day is its epoch ms there). */
interface Bin extends OutcomeBin {
  readonly sqlKey: string | number;
}

interface Scope {
  readonly source: DecisionSource;
  readonly model: string;
  readonly outcome: string;
  /** The investigated decision's time, normalized: decisions at or before it are counted. */
  readonly until: string;
}

const iso = (ms: unknown) => new Date(numberOf(ms)).toISOString();
const rate = (k: number, n: number) => Math.round((k / n) * 1000) / 1000;

async function series(s: Scope, by: SeriesBy, featureVersion?: string): Promise<Bin[]> {
  const q = s.source.sql.outcomeSeries({ model: s.model, outcome: s.outcome, until: s.until, by, featureVersion });
  return (await s.source.engine.query(q)).map((r) => {
    const decisions = numberOf(r.decisions);
    const outcomes = numberOf(r.outcomes);
    const sqlKey = by === 'day' ? numberOf(r.bin) : String(r.bin);
    return {
      key: by === 'day' ? iso(r.bin).slice(0, 10) : String(r.bin),
      sqlKey,
      from: iso(r.first_ms),
      to: iso(r.last_ms),
      decisions,
      outcomes,
      rate: rate(outcomes, decisions),
    };
  });
}

const rateOf = (bs: ReadonlyArray<Bin>) => {
  const n = bs.reduce((x, b) => x + b.decisions, 0);
  return n ? Math.round((bs.reduce((x, b) => x + b.outcomes, 0) / n) * 1000) / 1000 : undefined;
};

const ref = (d: Decision | undefined): DecisionRef | undefined => decisionRef(d);

/**
 * The onset set to the time `t` (`override` as given): the rates either side of the decision's own bin, the first
 * decision from `t` and the last before it (onset.ts, the override by time).
 */
async function atTime(
  source: DecisionSource,
  s: {
    readonly bins: ReadonlyArray<Bin>;
    readonly own: number;
    readonly seriesBy: SeriesBy;
    readonly featureName: string;
    readonly outcome: string;
  },
  t: number,
  override: string,
): Promise<PushedOnset> {
  const read = async (q: SqlQuery) => decisionsOf(source, await source.engine.query(q)).decisions[0];
  const first = await read(firstFrom(source.sql, t));
  const lastGood = await read(lastBefore(source.sql, t));
  const at = Math.max(0, s.own);
  return {
    onset: {
      featureName: s.featureName,
      outcome: s.outcome,
      method: 'override',
      seriesBy: s.seriesBy,
      series: s.bins.map(({ sqlKey: _k, ...b }) => b),
      onset: new Date(t).toISOString(),
      firstBad: ref(first),
      lastGood: ref(lastGood),
      rateBefore: rateOf(s.bins.slice(0, at)),
      rateAfter: rateOf(s.bins.slice(at, Math.max(at + 1, s.own + 1))),
      note: `set by the investigator to ${override}`,
    },
    cited: [first, lastGood].filter((d): d is Decision => d !== undefined),
  };
}

export interface PushedOnset {
  readonly onset: OnsetEstimate;
  /** The decisions the estimate cites (first bad, last good), read whole. */
  readonly cited: ReadonlyArray<Decision>;
}

/**
 * `estimateOnset` of one feature of `decision` (a decision of `source`), asked of the engine. Where the lineage places
 * each decision's data (`placed`), the series is by feature version and the finer look within the decision's own
 * version is by the runs that wrote the data (or the versions the log names, in write order); a shift found there is
 * refused (its first and last decisions per run are not asked of the engine yet). `override` is the investigator's
 * onset, as `estimateOnset` takes it: a bin of the series (its first decision), else a time (the first decision from
 * it and the last before it, of the whole log), else the estimate.
 */
export async function pushedOnset(
  source: DecisionSource,
  decision: Decision,
  featureName: string,
  placed?: PlacedReads | false,
  override?: string,
): Promise<PushedOnset | { readonly refused: string }> {
  const outcome = outcomeOf(decision) ?? '';
  const feature = decision.features.find((f) => f.name === featureName);
  const s: Scope = {
    source,
    model: decision.model.name,
    outcome,
    until: new Date(Date.parse(decision.timestamp)).toISOString(),
  };
  const seriesBy: SeriesBy =
    feature?.featureVersion !== undefined
      ? 'feature_version'
      : feature?.datasetVersion !== undefined
        ? 'dataset_version'
        : 'day';
  const bins = await series(s, seriesBy);
  const ownKey =
    seriesBy === 'feature_version'
      ? feature?.featureVersion
      : seriesBy === 'dataset_version'
        ? feature?.datasetVersion
        : undefined;
  const own = ownKey === undefined ? bins.length - 1 : bins.findIndex((b) => b.key === ownKey);
  const around = async (
    bs: ReadonlyArray<Bin>,
    ownAt: number,
    by: SeriesBy,
    at: number,
    method: OnsetEstimate['method'],
    note: string,
    g?: number,
    featureVersion?: string,
  ): Promise<PushedOnset> => {
    const bin = bs[at];
    const [first] = bin
      ? decisionsOf(
          source,
          await source.engine.query(
            source.sql.firstOfBin({ model: s.model, until: s.until, by, key: bin.sqlKey, featureVersion }),
          ),
        ).decisions
      : [];
    const onsetMs = first ? Date.parse(first.timestamp) : Date.parse(decision.timestamp);
    const [lastGood] =
      at > 0
        ? decisionsOf(
            source,
            await source.engine.query(
              source.sql.lastBefore({
                model: s.model,
                until: s.until,
                by,
                keys: bs.slice(0, at).map((b) => b.sqlKey),
                beforeMs: onsetMs,
                featureVersion,
              }),
            ),
          ).decisions
        : [];
    return {
      onset: {
        featureName,
        outcome,
        method,
        seriesBy: by,
        series: bs.map(({ sqlKey: _k, ...b }) => b),
        key: bin?.key,
        onset: first?.timestamp ?? decision.timestamp,
        firstBad: ref(first),
        lastGood: ref(lastGood),
        rateBefore: rateOf(bs.slice(0, at)),
        rateAfter: rateOf(bs.slice(at, Math.max(at + 1, ownAt + 1))),
        statistic: g === undefined ? undefined : Math.round(g * 100) / 100,
        note,
      },
      cited: [first, lastGood].filter((d): d is Decision => d !== undefined),
    };
  };
  // Within the decision's own version the data can still shift: look again by dataset version (each write) where
  // every decision names one, else by day.
  if (placed && seriesBy !== 'feature_version')
    return { refused: `the decision names no feature version of ${featureName}: its series is by the data's runs` };
  if (override) {
    const at = bins.findIndex((b) => b.key === override);
    if (at >= 0)
      return around(bins, own, seriesBy, at, 'override', `set by the investigator to ${seriesBy} ${override}`);
    const t = Date.parse(override);
    if (!Number.isNaN(t)) return atTime(source, { bins, own, seriesBy, featureName, outcome }, t, override);
  }
  if (seriesBy === 'feature_version' && ownKey !== undefined && own >= 0) {
    const [row] = await source.engine.query(source.sql.unversionedData(s.model, s.until, ownKey));
    const logged = numberOf(row?.decisions) > 0 && numberOf(row?.unversioned) === 0;
    // onset.ts `dataSeriesOf` where the lineage places the data: by the versions the log names where it names every
    // one, else by run where it places every decision's data (in write order both), else by day.
    const runs = placed && (await versionSeries(placed, { until: s.until, featureVersion: ownKey }, outcome, logged));
    const byRun = runs && (logged || (runs.length > 0 && runs.every((b) => b.key !== UNPLACED)));
    const inRuns =
      runs &&
      byRun &&
      shift(
        runs.map((b) => ({ ...b, sqlKey: b.key })),
        runs.length - 1,
      );
    if (inRuns) return { refused: `${outcomeRate(outcome)} shifts within ${ownKey}, by the data's writes` };
    const finerBy: SeriesBy = logged ? 'dataset_version' : 'day';
    const finer = byRun ? [] : await series(s, finerBy, ownKey);
    const within = shift(finer, finer.length - 1);
    if (within)
      return around(
        finer,
        finer.length - 1,
        finerBy,
        within.at,
        'change-point',
        within.note(outcome, finerBy),
        within.g,
        ownKey,
      );
  }
  const found = shift(bins, own);
  if (found) return around(bins, own, seriesBy, found.at, 'change-point', found.note(outcome, seriesBy), found.g);
  return around(
    bins,
    own,
    seriesBy,
    Math.max(0, own),
    'first-use',
    `no significant shift in ${outcomeRate(outcome)}; the onset is the first use of ${bins[own]?.key ?? 'the version'}`,
  );
}
