/**
 * Whether the wrong outcomes after a cause fall on some subjects only — as when an identity rule re-stitched some
 * profiles and left the others alone — and, if so, which subjects most likely carry it.
 *
 * Each subject after the cause is either unaffected (the outcome at the rate before the cause, `base`) or affected
 * (at a higher rate estimated here); the share of affected subjects and their rate are fitted by EM on the subjects'
 * outcome counts (a two-class binomial mixture). The split is kept only when the data demands it: the mixture must
 * explain the outcomes after the cause better than one rate for every subject by a likelihood ratio of at least
 * 1000 to 1, fewer than nine subjects in ten may be affected, and the subjects before the cause must not already
 * differ that much among themselves (else the split would be the subjects' own differences, not the cause's).
 */

/** One subject's decisions in a period and how many had the investigated outcome. */
export interface SubjectTally {
  readonly subject: string;
  readonly decisions: number;
  readonly outcomes: number;
}

export interface SubjectConcentration {
  /** The outcome rate of unaffected subjects (the rate before the cause). */
  readonly baseRate: number;
  /** The outcome rate of affected subjects. */
  readonly affectedRate: number;
  /** The estimated share of subjects affected. */
  readonly share: number;
  /** 2 × log likelihood ratio of the split over one rate for all subjects, after the cause. */
  readonly evidence: number;
  /** The same statistic for the subjects before the cause (a split of two free rates over one rate). */
  readonly evidenceBefore: number;
  /** The expected number of affected decisions (each subject's decisions × its probability of being affected). */
  readonly expectedDecisions: number;
  /** Each subject's probability of being affected, most likely first. */
  readonly subjects: ReadonlyArray<{ readonly subject: string; readonly decisions: number; readonly p: number }>;
}

/** A likelihood ratio of 1000 to 1, as twice its logarithm. */
export const CONCENTRATION_EVIDENCE = 2 * Math.log(1000);
const MAX_SHARE = 0.9;
const EPS = 1e-9;

const clamp = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));

/**
 * Subjects with the same decisions and outcomes are alike to every rate: the fits below run over the distinct
 * (decisions, outcomes) pairs with how many subjects have each — a few hundred pairs for a hundred thousand subjects.
 */
interface Pairs {
  readonly decisions: Float64Array;
  readonly outcomes: Float64Array;
  readonly subjects: Float64Array;
  /** The index of each tally's pair. */
  readonly of: Int32Array;
  readonly count: number;
}

function pairsOf(tallies: ReadonlyArray<SubjectTally>): Pairs {
  const index = new Map<number, number>();
  const n: number[] = [];
  const k: number[] = [];
  const w: number[] = [];
  const of = new Int32Array(tallies.length);
  tallies.forEach((t, i) => {
    const key = t.decisions * 1_048_576 + t.outcomes;
    let j = index.get(key);
    if (j === undefined) {
      j = n.length;
      index.set(key, j);
      n.push(t.decisions);
      k.push(t.outcomes);
      w.push(0);
    }
    w[j]!++;
    of[i] = j;
  });
  return {
    decisions: Float64Array.from(n),
    outcomes: Float64Array.from(k),
    subjects: Float64Array.from(w),
    of,
    count: n.length,
  };
}

/** The log likelihood of every pair's outcomes at one rate. */
function logLikAt(p: number, x: Pairs, out: Float64Array): Float64Array {
  const lp = Math.log(clamp(p));
  const lq = Math.log(clamp(1 - p));
  for (let j = 0; j < x.count; j++) out[j] = x.outcomes[j]! * lp + (x.decisions[j]! - x.outcomes[j]!) * lq;
  return out;
}

function oneRate(x: Pairs): { rate: number; logLik: number } {
  let n = 0;
  let k = 0;
  for (let j = 0; j < x.count; j++) {
    n += x.subjects[j]! * x.decisions[j]!;
    k += x.subjects[j]! * x.outcomes[j]!;
  }
  const rate = n > 0 ? k / n : 0;
  const l = logLikAt(rate, x, new Float64Array(x.count));
  let total = 0;
  for (let j = 0; j < x.count; j++) total += x.subjects[j]! * l[j]!;
  return { rate, logLik: total };
}

interface Mixture {
  readonly share: number;
  readonly high: number;
  readonly low: number;
  /** Each pair's probability of being in the high class. */
  readonly posterior: Float64Array;
  readonly logLik: number;
}

/** Two-class binomial mixture by EM; `fixedLow` keeps the low class at a known rate. */
function mixture(x: Pairs, fixedLow?: number): Mixture {
  const all = oneRate(x).rate;
  let low = fixedLow ?? all / 2;
  let high = Math.min(0.95, Math.max(all, low) * 1.5 + 0.1);
  let share = 0.5;
  const subjects = x.subjects.reduce((s, w) => s + w, 0);
  const posterior = new Float64Array(x.count);
  const lh = new Float64Array(x.count);
  const ll = new Float64Array(x.count);
  /** Fills the posterior for the current rates and returns the log likelihood. */
  const expect = () => {
    logLikAt(high, x, lh);
    logLikAt(low, x, ll);
    const ls = Math.log(share);
    const lr = Math.log(1 - share);
    let total = 0;
    for (let j = 0; j < x.count; j++) {
      const a = ls + lh[j]!;
      const b = lr + ll[j]!;
      const m = Math.max(a, b);
      const sum = m + Math.log(Math.exp(a - m) + Math.exp(b - m));
      posterior[j] = Math.exp(a - sum);
      total += x.subjects[j]! * sum;
    }
    return total;
  };
  for (let iteration = 0; iteration < 500; iteration++) {
    expect();
    let w = 0;
    let wn = 0;
    let wk = 0;
    let rn = 0;
    let rk = 0;
    for (let j = 0; j < x.count; j++) {
      const p = posterior[j]! * x.subjects[j]!;
      const q = (1 - posterior[j]!) * x.subjects[j]!;
      w += p;
      wn += p * x.decisions[j]!;
      wk += p * x.outcomes[j]!;
      rn += q * x.decisions[j]!;
      rk += q * x.outcomes[j]!;
    }
    const moved = [share, high, low] as const;
    share = clamp(w / subjects);
    high = clamp(wn > 0 ? wk / wn : high);
    if (fixedLow === undefined) low = clamp(rn > 0 ? rk / rn : low);
    if (Math.max(Math.abs(moved[0] - share), Math.abs(moved[1] - high), Math.abs(moved[2] - low)) < 1e-7) break;
  }
  const logLik = expect();
  return { share, high, low, posterior, logLik };
}

/**
 * The subjects the outcomes after a cause concentrate on, or undefined when one rate for every subject explains
 * them (the cause reached every subject alike, or the data cannot tell). `before` is the subjects' tallies before
 * the cause, `baseRate` the outcome rate before it.
 */
export function subjectConcentration(
  after: ReadonlyArray<SubjectTally>,
  before: () => ReadonlyArray<SubjectTally>,
  baseRate: number,
): SubjectConcentration | undefined {
  if (after.length < 2) return undefined;
  const pairs = pairsOf(after);
  const fit = mixture(pairs, baseRate);
  const evidence = 2 * (fit.logLik - oneRate(pairs).logLik);
  if (!(evidence >= CONCENTRATION_EVIDENCE) || fit.share >= MAX_SHARE || fit.high <= baseRate) return undefined;
  const earlier = pairsOf(before());
  const evidenceBefore = earlier.count > 0 ? 2 * (mixture(earlier).logLik - oneRate(earlier).logLik) : 0;
  if (evidenceBefore >= CONCENTRATION_EVIDENCE) return undefined;
  const subjects = after
    .map((t, i) => ({ subject: t.subject, decisions: t.decisions, p: fit.posterior[pairs.of[i]!]! }))
    .sort((a, b) => b.p - a.p || b.decisions - a.decisions || (a.subject < b.subject ? -1 : 1));
  return {
    baseRate,
    affectedRate: fit.high,
    share: fit.share,
    evidence,
    evidenceBefore,
    expectedDecisions: subjects.reduce((s, t) => s + t.p * t.decisions, 0),
    subjects,
  };
}

/**
 * The most likely affected subjects whose decisions add up closest to the expected number of affected decisions
 * (most likely first; a subject is taken whole).
 */
export function likelyAffected(c: SubjectConcentration): string[] {
  const out: string[] = [];
  let count = 0;
  for (const s of c.subjects) {
    if (Math.abs(count + s.decisions - c.expectedDecisions) > Math.abs(count - c.expectedDecisions)) break;
    out.push(s.subject);
    count += s.decisions;
  }
  return out;
}
