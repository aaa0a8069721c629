/**
 * Where the data put the change, with its uncertainty: the decisions that read the feature, in the order their
 * data was written — the whole log, not only up to the investigated decision: the bad segment it belongs to goes on
 * after it, and a diluted shift (a cause that reached some subjects only) is placed by the decisions that follow.
 * The model has three segments: good, bad (which holds the investigated decision), and after an end that may come
 * later (a fix: the rate afterwards is free, so a recovery does not drag the start); for each start of the bad
 * segment, the largest Bernoulli likelihood-ratio G over its ends is the start's profile. The best start is the
 * change-point, and every start whose G is within 6.63 of it (the profile-likelihood 99% interval, χ² with 1 df) is
 * as consistent with the data. A change that reached the data inside that interval cannot be told apart from the
 * best split; one that reached it before was cleared by the data, one after came too late. Used where the shift is
 * significant.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { featureReads, writeTime } from './data-read';
import { decisionColumns } from './decision-columns';
import { CHANGE_POINT_THRESHOLD, outcomeOf } from './onset';
import { countUntil } from './decision-time';

/** χ²(1) at 99%: the drop in G that bounds the change-point's interval. */
export const INTERVAL_DROP = 6.63;

export interface ChangeInterval {
  /** The last write time surely before the change (the interval's open start). */
  readonly lastGood?: number;
  /** The first write time surely after it (the interval's closed end). */
  readonly firstBad: number;
  /** The write time of the best split. */
  readonly best: number;
  readonly g: number;
  /**
   * The relative likelihood of the change-point at `t` (a change that reached the data at `t` splits the decisions
   * there): exp(−(G_best − G_t)/2), 1 at the best split, about 0.04 at the interval's ends.
   */
  likelihood(t: number): number;
}

const ll = (k: number, n: number) => {
  if (n === 0 || k === 0 || k === n) return 0;
  const p = k / n;
  return k * Math.log(p) + (n - k) * Math.log(1 - p);
};

/**
 * The change-point interval of the outcome of `decision` over the decisions (same environment, same feature) whose
 * data was written from `from` on; undefined without a significant upward shift.
 */
export function changeInterval(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  from: number,
): ChangeInterval | undefined {
  const outcome = outcomeOf(decision);
  if (outcome === undefined) return undefined;
  const own = writeTime(set, decision, featureName);
  const env = decision.environment?.toLowerCase();
  const groups = new Map<number, { n: number; k: number }>();
  // One walk of the log by position: features and write times come from its columns (decision-columns.ts).
  const { decisions, features } = decisionColumns(set.decisions);
  const column = features(featureName);
  const reads = featureReads(set, featureName);
  // As far after the decision as the search looks before it (at least that look-back): enough to place the shift,
  // bounded on a long log.
  const decidedAt = Date.parse(decision.timestamp);
  for (let i = 0, n = countUntil(decisions, decidedAt + Math.max(0, decidedAt - from)); i < n; i++) {
    const d = decisions[i] as Decision;
    if (env && d.environment && d.environment.toLowerCase() !== env) continue;
    if (!column[i]) continue;
    const t = reads.writtenAt(i);
    if (t < from) continue;
    const g = groups.get(t) ?? { n: 0, k: 0 };
    g.n++;
    if (outcomeOf(d) === outcome) g.k++;
    groups.set(t, g);
  }
  return intervalOfWrites(groups, own);
}

/**
 * The most ends of the bad segment the profile weighs exactly for every start. Past it (a long log where each decision
 * time is its own write group, e.g. a log read in place without lineage: 138,888 groups at 1M decisions) the ends
 * are an even grid of this many, refined around the best start's best end (found among all ends): the end is a
 * nuisance parameter, and the grid's step is a small share of the groups after the decision.
 */
export const EXACT_ENDS = 1024;

/**
 * The most starts weighed before the best is sought. Past it, every `stride`-th start is weighed first; then every
 * start near a weighed one within COARSE_MARGIN of the best, and the interval's walk weighs the starts it reaches. A
 * start not weighed keeps the profile of the nearer weighed one: its likelihood is below e^(−COARSE_MARGIN/2) either
 * way. The interval keeps the resolution of one write group.
 */
export const EXACT_STARTS = 2048;
const COARSE_MARGIN = 4 * INTERVAL_DROP;

/**
 * The change-point interval over decisions grouped by the write time of the data they read (`n` decisions, `k` with
 * the outcome), where the investigated decision's data was written at `own`; undefined without a significant upward
 * shift. The groups may come from the log walked here or from an engine that counted them where the log lives.
 */
export function intervalOfWrites(
  groups: ReadonlyMap<number, { readonly n: number; readonly k: number }>,
  own: number,
): ChangeInterval | undefined {
  return intervalOfWriteColumns(writeColumnsOf(groups), own);
}

/** Decisions grouped by write time as columns: each group's write time (ascending, distinct), decisions, outcomes. */
export interface WriteColumns {
  readonly times: ArrayLike<number>;
  readonly n: ArrayLike<number>;
  readonly k: ArrayLike<number>;
}

/** The groups as columns, in write-time order. */
export function writeColumnsOf(groups: ReadonlyMap<number, { readonly n: number; readonly k: number }>): WriteColumns {
  const times = [...groups.keys()].sort((a, b) => a - b);
  const n = new Float64Array(times.length);
  const k = new Float64Array(times.length);
  times.forEach((t, i) => {
    const g = groups.get(t)!;
    n[i] = g.n;
    k[i] = g.k;
  });
  return { times, n, k };
}

/**
 * `intervalOfWrites` over groups given as columns already in write-time order (an engine's groups, read without a
 * Map of hundreds of thousands of entries).
 */
export function intervalOfWriteColumns({ times, n, k }: WriteColumns, own: number): ChangeInterval | undefined {
  if (times.length < 2) return undefined;
  const L = times.length;
  // Prefix sums: N[i], K[i] over groups before i.
  const N = new Float64Array(L + 1);
  const K = new Float64Array(L + 1);
  for (let i = 0; i < L; i++) {
    N[i + 1] = (N[i] as number) + (n[i] as number);
    K[i + 1] = (K[i] as number) + (k[i] as number);
  }
  const all = ll(K[L] as number, N[L] as number);
  // The decision's own group: the bad segment contains it. The segment ends after it (a recovery) or at the end.
  let d0 = firstAtOrAfter(times, own);
  if (d0 === L) d0 = L - 1;
  if (d0 < 1) return undefined;
  // The log-likelihood of the good segment before each start a, and of the segment after each end b.
  const before = new Float64Array(d0 + 1);
  for (let a = 1; a <= d0; a++) before[a] = ll(K[a] as number, N[a] as number);
  const after = new Float64Array(L + 1);
  for (let b = d0 + 1; b <= L; b++)
    after[b] = ll((K[L] as number) - (K[b] as number), (N[L] as number) - (N[b] as number));
  // G of the three segments split at a and b; -Infinity where the bad segment's rate is not above both others.
  const split = (a: number, b: number) => {
    const n1 = (N[b] as number) - (N[a] as number);
    const k1 = (K[b] as number) - (K[a] as number);
    const r1 = k1 / n1;
    if (!(r1 > (K[a] as number) / (N[a] as number))) return -Infinity;
    const n2 = (N[L] as number) - (N[b] as number);
    if (n2 > 0 && !(r1 > ((K[L] as number) - (K[b] as number)) / n2)) return -Infinity;
    return 2 * ((before[a] as number) + ll(k1, n1) + (after[b] as number) - all);
  };
  // weighed[a]: the profile G of a start before group a (a = 1 … d0), maximized over the ends; NaN until weighed.
  const weighed = new Float64Array(d0 + 1).fill(NaN);
  let ends = endGrid(d0 + 1, L);
  const weigh = (a: number) => {
    let g = weighed[a] as number;
    if (Number.isNaN(g)) {
      g = -Infinity;
      for (const b of ends) {
        const v = split(a, b);
        if (v > g) g = v;
      }
      weighed[a] = g;
    }
    return g;
  };
  const stride = Math.ceil(d0 / EXACT_STARTS);
  const coarse: number[] = [];
  for (let a = 1; a <= d0; a += stride) coarse.push(a);
  if (coarse.at(-1) !== d0) coarse.push(d0);
  const argmax = (starts: Iterable<number>) => {
    let at = 1;
    let g = -Infinity;
    for (const a of starts) if (weigh(a) > g) [at, g] = [a, weigh(a)];
    return at;
  };
  if (ends.length < L - d0) {
    ends = [...ends, ...refinedEnds(ends, argmax(coarse), split, d0, L)];
    weighed.fill(NaN);
  }
  let at = argmax(coarse);
  if (stride > 1) {
    const near = coarse.filter((c) => weigh(c) >= weigh(at) - COARSE_MARGIN);
    at = argmax(near.flatMap((c) => range(Math.max(1, c - stride + 1), Math.min(d0, c + stride - 1))));
  }
  const best = weigh(at);
  if (!(best >= CHANGE_POINT_THRESHOLD)) return undefined;
  let lo = at;
  let hi = at;
  while (lo > 1 && weigh(lo - 1) >= best - INTERVAL_DROP) lo--;
  while (hi < d0 && weigh(hi + 1) >= best - INTERVAL_DROP) hi++;
  const likelihood = (t: number) => {
    // The split before the first write at or after t.
    const i = firstAtOrAfter(times, t);
    if (i < 1 || i > d0) return 0;
    const g = Number.isNaN(weighed[i] as number) ? weigh(nearest(coarse, i)) : (weighed[i] as number);
    return g === -Infinity ? 0 : Math.exp(-(best - g) / 2);
  };
  return { lastGood: times[lo - 1], firstBad: times[hi] as number, best: times[at] as number, g: best, likelihood };
}

/** The index of the first of the ascending `times` at or after `t` (their length if none is, or `t` is NaN). */
function firstAtOrAfter(times: ArrayLike<number>, t: number): number {
  if (!(t <= (times[times.length - 1] as number))) return times.length;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The element of the ascending `list` nearest to `x`. */
function nearest(list: ReadonlyArray<number>, x: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  const above = list[lo] as number;
  const below = list[Math.max(0, lo - 1)] as number;
  return x - below <= above - x ? below : above;
}

/** Every end from `first` to `last` when there are at most EXACT_ENDS of them, else an even grid that holds both. */
function endGrid(first: number, last: number): number[] {
  const count = last - first + 1;
  if (count <= EXACT_ENDS) return Array.from({ length: count }, (_, i) => first + i);
  const step = (count - 1) / (EXACT_ENDS - 1);
  const grid = Array.from({ length: EXACT_ENDS }, (_, i) => first + Math.round(i * step));
  return [...new Set(grid)];
}

/**
 * The ends around the best end of start `at`, found by weighing every end for that start alone: as far either side
 * as the grid's step, so the starts near the best are weighed where the best split ends.
 */
function refinedEnds(
  grid: ReadonlyArray<number>,
  at: number,
  split: (a: number, b: number) => number,
  d0: number,
  last: number,
): number[] {
  let bestEnd = d0 + 1;
  for (let b = d0 + 2; b <= last; b++) if (split(at, b) > split(at, bestEnd)) bestEnd = b;
  const reach = Math.ceil((last - d0) / grid.length);
  const onGrid = new Set(grid);
  const ends: number[] = [];
  for (let b = Math.max(d0 + 1, bestEnd - reach); b <= Math.min(last, bestEnd + reach); b++)
    if (!onGrid.has(b)) ends.push(b);
  return ends;
}
