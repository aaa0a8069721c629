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
const logLik = (p: number, t: SubjectTally) =>
  t.outcomes * Math.log(clamp(p)) + (t.decisions - t.outcomes) * Math.log(clamp(1 - p));

function oneRate(tallies: ReadonlyArray<SubjectTally>): { rate: number; logLik: number } {
  let n = 0;
  let k = 0;
  for (const t of tallies) {
    n += t.decisions;
    k += t.outcomes;
  }
  const rate = n > 0 ? k / n : 0;
  return { rate, logLik: tallies.reduce((s, t) => s + logLik(rate, t), 0) };
}

interface Mixture {
  readonly share: number;
  readonly high: number;
  readonly low: number;
  readonly posterior: ReadonlyArray<number>;
  readonly logLik: number;
}

/** Two-class binomial mixture by EM; `fixedLow` keeps the low class at a known rate. */
function mixture(tallies: ReadonlyArray<SubjectTally>, fixedLow?: number): Mixture {
  const all = oneRate(tallies).rate;
  let low = fixedLow ?? all / 2;
  let high = Math.min(0.95, Math.max(all, low) * 1.5 + 0.1);
  let share = 0.5;
  let posterior: number[] = [];
  const split = (t: SubjectTally) => {
    const a = Math.log(share) + logLik(high, t);
    const b = Math.log(1 - share) + logLik(low, t);
    const m = Math.max(a, b);
    return { a, b, m, total: m + Math.log(Math.exp(a - m) + Math.exp(b - m)) };
  };
  for (let iteration = 0; iteration < 300; iteration++) {
    posterior = tallies.map((t) => {
      const s = split(t);
      return Math.exp(s.a - s.total);
    });
    let w = 0;
    let wn = 0;
    let wk = 0;
    let rn = 0;
    let rk = 0;
    tallies.forEach((t, i) => {
      const p = posterior[i] as number;
      w += p;
      wn += p * t.decisions;
      wk += p * t.outcomes;
      rn += (1 - p) * t.decisions;
      rk += (1 - p) * t.outcomes;
    });
    const moved = [share, high, low];
    share = clamp(w / tallies.length);
    high = clamp(wn > 0 ? wk / wn : high);
    if (fixedLow === undefined) low = clamp(rn > 0 ? rk / rn : low);
    if (Math.max(Math.abs(moved[0]! - share), Math.abs(moved[1]! - high), Math.abs(moved[2]! - low)) < 1e-7) break;
  }
  return { share, high, low, posterior, logLik: tallies.reduce((s, t) => s + split(t).total, 0) };
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
  const fit = mixture(after, baseRate);
  const evidence = 2 * (fit.logLik - oneRate(after).logLik);
  if (!(evidence >= CONCENTRATION_EVIDENCE) || fit.share >= MAX_SHARE || fit.high <= baseRate) return undefined;
  const earlier = before();
  const evidenceBefore = earlier.length >= 2 ? 2 * (mixture(earlier).logLik - oneRate(earlier).logLik) : 0;
  if (evidenceBefore >= CONCENTRATION_EVIDENCE) return undefined;
  const subjects = after
    .map((t, i) => ({ subject: t.subject, decisions: t.decisions, p: fit.posterior[i] as number }))
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
