/**
 * The onset of the wrong decisions, estimated from the data: a change-point in the rate of the investigated
 * decision's outcome over the feature's versions (in the order they were first used), or over days where the
 * decision log records no feature versions. Binary segmentation with a Bernoulli likelihood-ratio test: the split
 * that maximizes G = 2·[LL(left) + LL(right) − LL(all)] is a change-point when G ≥ 10.83 (χ², 1 df, p = 0.001),
 * and each side is searched again. The onset is the last upward change-point at or before the decision's bin.
 */
import type { EvidenceSet } from '../model/evidence-set';
import { decisionRef } from '../model/decision-key';
import type { Decision } from '../model/records';
import { DAY_MS } from '../time/format-time';
import { dataRead, featureReads } from './data-read';
import { decisionColumns } from './decision-columns';
import type { DecisionRef, OnsetEstimate, OutcomeBin } from './engine-types';
import { countUntil } from './decision-time';

export const CHANGE_POINT_THRESHOLD = 10.83;

/** The outcome a decision is counted by: its action, else its output label. */
export function outcomeOf(d: Decision): string | undefined {
  if (d.action) return d.action;
  const out = d.output as { label?: unknown } | undefined;
  return out && typeof out === 'object' && out.label !== undefined ? String(out.label) : undefined;
}

const ll = (k: number, n: number) => {
  if (n === 0 || k === 0 || k === n) return 0;
  const p = k / n;
  return k * Math.log(p) + (n - k) * Math.log(1 - p);
};

/** The split of bins [lo, hi) with the highest likelihood-ratio statistic, if any. */
export function bestSplit(bins: ReadonlyArray<OutcomeBin>, lo = 0, hi = bins.length): { at: number; g: number } {
  let n = 0;
  let k = 0;
  for (let i = lo; i < hi; i++) {
    n += bins[i]!.decisions;
    k += bins[i]!.outcomes;
  }
  const all = ll(k, n);
  let best = { at: -1, g: 0 };
  let nl = 0;
  let kl = 0;
  for (let i = lo; i < hi - 1; i++) {
    nl += bins[i]!.decisions;
    kl += bins[i]!.outcomes;
    const g = 2 * (ll(kl, nl) + ll(k - kl, n - nl) - all);
    if (g > best.g) best = { at: i + 1, g };
  }
  return best;
}

/** All change-points (bin indexes where a new segment starts) by binary segmentation. */
export function changePoints(bins: ReadonlyArray<OutcomeBin>, lo = 0, hi = bins.length, depth = 0): number[] {
  if (hi - lo < 2 || depth > 8) return [];
  const { at, g } = bestSplit(bins, lo, hi);
  if (at < 0 || g < CHANGE_POINT_THRESHOLD) return [];
  return [...changePoints(bins, lo, at, depth + 1), at, ...changePoints(bins, at, hi, depth + 1)];
}

interface Bin extends OutcomeBin {
  /** Positions of the member decisions in the set's decision log. */
  readonly members: number[];
}

type SeriesBy = OnsetEstimate['seriesBy'];

/**
 * The outcome series of a feature over decisions of the log (by position): one bin per feature version (in order of
 * first use), per dataset version the decisions read (logged, or found as of their time: one bin per run of the
 * producing job, in order of the write), or per calendar day.
 */
function series(
  set: EvidenceSet,
  positions: ArrayLike<number>,
  featureName: string,
  outcome: string,
  by: SeriesBy,
): Bin[] {
  const { decisions, time, features } = decisionColumns(set.decisions);
  const column = features(featureName);
  const reads = featureReads(set, featureName);
  const bins = new Map<string, { members: number[]; outcomes: number; order: number }>();
  // Neighbouring decisions mostly share a bin (and a day): the last one is kept at hand.
  let lastKey: string | undefined;
  let bin: { members: number[]; outcomes: number; order: number } | undefined;
  let lastDay = NaN;
  let dayKey = '';
  for (let j = 0; j < positions.length; j++) {
    const i = positions[j] as number;
    const f = column[i];
    if (!f) continue;
    const d = decisions[i] as Decision;
    let key: string;
    let order = time[i] as number;
    if (by === 'feature_version') key = f.featureVersion ?? '(none)';
    else if (by === 'day') {
      const day = Math.floor(order / DAY_MS);
      if (day !== lastDay) dayKey = new Date((lastDay = day) * DAY_MS).toISOString().slice(0, 10);
      key = dayKey;
    } else {
      // The logged version keys the bin even where no run in the evidence wrote it (then: in order of first use).
      const read = reads.at(i);
      key = (by === 'dataset_version' ? f.datasetVersion : undefined) ?? read?.version.version ?? '(unknown)';
      if (read) order = read.version.from;
    }
    if (!bin || key !== lastKey) {
      bin = bins.get(key);
      if (!bin) bins.set(key, (bin = { members: [], outcomes: 0, order }));
      lastKey = key;
    }
    bin.members.push(i);
    if (outcomeOf(d) === outcome) bin.outcomes++;
  }
  return [...bins]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([key, b]) => ({
      key,
      from: (decisions[b.members[0]!] as Decision).timestamp,
      to: (decisions[b.members[b.members.length - 1]!] as Decision).timestamp,
      decisions: b.members.length,
      outcomes: b.outcomes,
      rate: Math.round((b.outcomes / b.members.length) * 1000) / 1000,
      members: b.members,
    }));
}

/** The finest series the evidence has below the feature version: the data versions read, else days. */
function dataSeriesBy(count: number, logged: (k: number) => boolean, resolved: (k: number) => boolean): SeriesBy {
  const every = (test: (k: number) => boolean) => {
    for (let k = 0; k < count; k++) if (!test(k)) return false;
    return true;
  };
  if (count > 0 && every(logged)) return 'dataset_version';
  return count > 0 && every(resolved) ? 'run' : 'day';
}

/** `dataSeriesBy` of decisions of the log, by position. */
function dataSeriesOf(set: EvidenceSet, positions: ReadonlyArray<number>, featureName: string): SeriesBy {
  const column = decisionColumns(set.decisions).features(featureName);
  const reads = featureReads(set, featureName);
  return dataSeriesBy(
    positions.length,
    (k) => column[positions[k] as number]?.datasetVersion !== undefined,
    (k) => reads.at(positions[k] as number) !== undefined,
  );
}

const ref = (d: Decision | undefined): DecisionRef | undefined => decisionRef(d);

/**
 * Estimates the onset for one feature of a decision. `override` (a feature version or an RFC 3339 time) is the
 * investigator's correction; without a significant change-point the onset is the first use of the decision's version.
 */
export function estimateOnset(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  override?: string,
): OnsetEstimate {
  const outcome = outcomeOf(decision) ?? '';
  const feature = decision.features.find((f) => f.name === featureName);
  const until = Date.parse(decision.timestamp);
  const seriesBy: SeriesBy =
    feature?.featureVersion !== undefined
      ? 'feature_version'
      : dataSeriesBy(
          1,
          () => feature?.datasetVersion !== undefined,
          () => dataRead(set, decision, featureName) !== undefined,
        );
  const upTo = new Int32Array(countUntil(set.decisions, until));
  for (let i = 0; i < upTo.length; i++) upTo[i] = i;
  const bins = series(set, upTo, featureName, outcome, seriesBy);
  // The decision's own bin, keyed as `series` keys it: a logged dataset version (a version facet or the writing run's
  // id) keys its bin as logged.
  const ownKey =
    seriesBy === 'feature_version'
      ? feature?.featureVersion
      : seriesBy === 'day'
        ? undefined
        : ((seriesBy === 'dataset_version' ? feature?.datasetVersion : undefined) ??
          dataRead(set, decision, featureName)?.version.version);
  const own = ownKey === undefined ? bins.length - 1 : bins.findIndex((b) => b.key === ownKey);
  const base = { set, featureName, outcome, decision };
  if (override) {
    const at = bins.findIndex((b) => b.key === override);
    if (at >= 0)
      return around(base, bins, own, seriesBy, at, 'override', `set by the investigator to ${seriesBy} ${override}`);
    const t = Date.parse(override);
    if (!Number.isNaN(t)) {
      const est = around(
        base,
        bins,
        own,
        seriesBy,
        Math.max(0, own),
        'override',
        `set by the investigator to ${override}`,
      );
      const firstBad = set.decisions.find((d) => Date.parse(d.timestamp) >= t);
      const lastGood = [...set.decisions].reverse().find((d) => Date.parse(d.timestamp) < t);
      return {
        ...est,
        key: undefined,
        onset: new Date(t).toISOString(),
        firstBad: ref(firstBad),
        lastGood: ref(lastGood),
      };
    }
  }
  // Within the decision's own version the data can still shift (a configuration edit, an untracked change):
  // look again over its decisions by dataset version (each write), else by day.
  const { time } = decisionColumns(set.decisions);
  const mine = (bins[own]?.members ?? []).filter((i) => (time[i] as number) <= until);
  if (seriesBy === 'feature_version' && mine.length > 0) {
    const finerBy = dataSeriesOf(set, mine, featureName);
    const finer = series(set, mine, featureName, outcome, finerBy);
    const within = shift(finer, finer.length - 1);
    if (within)
      return around(
        base,
        finer,
        finer.length - 1,
        finerBy,
        within.at,
        'change-point',
        within.note(outcome, finerBy),
        within.g,
      );
  }
  const found = shift(bins, own);
  if (found) return around(base, bins, own, seriesBy, found.at, 'change-point', found.note(outcome, seriesBy), found.g);
  return around(
    base,
    bins,
    own,
    seriesBy,
    Math.max(0, own),
    'first-use',
    `no significant shift in ${outcomeRate(outcome)}; the onset is the first use of ${bins[own]?.key ?? 'the version'}`,
  );
}

/**
 * "the reject rate", or — where the outcome is a number (a regression model's label, a class index) that would read
 * as a quantity — "the rate of outcome “0”".
 */
export const outcomeRate = (outcome: string): string =>
  /^[-+]?\.?\d/.test(outcome) ? `the rate of outcome “${outcome}”` : `the ${outcome} rate`;

/** The last significant upward change-point at or before bin `own` (the in-memory and the pushed-down onset alike). */
export function shift(bins: ReadonlyArray<OutcomeBin>, own: number) {
  const points = changePoints(bins).filter((at) => at <= own);
  const at = points.filter((p) => bins[p]!.rate > bins[p - 1]!.rate).pop();
  if (at === undefined) return undefined;
  const g = bestSplit(bins, Math.max(0, points.filter((p) => p < at).pop() ?? 0), own + 1).g;
  return { at, g, note: (outcome: string, by: SeriesBy) => `${outcomeRate(outcome)} shifts at ${by} ${bins[at]!.key}` };
}

const rateOf = (bs: ReadonlyArray<Bin>) => {
  const n = bs.reduce((s, b) => s + b.decisions, 0);
  return n ? Math.round((bs.reduce((s, b) => s + b.outcomes, 0) / n) * 1000) / 1000 : undefined;
};

/** The estimate with the onset at bin `at`: its first decision, the last one before it, the rates either side. */
function around(
  base: {
    readonly set: EvidenceSet;
    readonly featureName: string;
    readonly outcome: string;
    readonly decision: Decision;
  },
  bins: ReadonlyArray<Bin>,
  own: number,
  seriesBy: SeriesBy,
  at: number,
  method: OnsetEstimate['method'],
  note: string,
  g?: number,
): OnsetEstimate {
  const { decisions, time } = decisionColumns(base.set.decisions);
  const before = bins.slice(0, at);
  const firstAt = bins[at]?.members[0];
  const first = firstAt === undefined ? undefined : (decisions[firstAt] as Decision);
  const onsetMs = first ? Date.parse(first.timestamp) : Date.parse(base.decision.timestamp);
  let lastGood: number | undefined;
  for (const b of before) {
    // Members are in time order: the last one before the onset, scanning from the end.
    for (let i = b.members.length - 1; i >= 0; i--) {
      const m = b.members[i] as number;
      if ((time[m] as number) >= onsetMs) continue;
      if (lastGood === undefined || (time[m] as number) > (time[lastGood] as number)) lastGood = m;
      break;
    }
  }
  return {
    featureName: base.featureName,
    outcome: base.outcome,
    method,
    seriesBy,
    series: bins.map(({ members: _m, ...b }) => b),
    key: bins[at]?.key,
    onset: first?.timestamp ?? base.decision.timestamp,
    firstBad: ref(first),
    lastGood: ref(lastGood === undefined ? undefined : decisions[lastGood]),
    rateBefore: rateOf(before),
    rateAfter: rateOf(bins.slice(at, Math.max(at + 1, own + 1))),
    statistic: g === undefined ? undefined : Math.round(g * 100) / 100,
    note,
  };
}
