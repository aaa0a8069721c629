/**
 * When the population's outcome rate shows no significant shift, the decision's subject's own history can still
 * show one: decisions without the investigated outcome, then an unbroken run of it through the decision, longer than
 * the population's rate makes likely. A change that reaches every subject would have moved the population's rate;
 * one that reaches some subjects only — a change of identity resolution, which re-stitches some profiles and leaves
 * the others alone — moves only theirs. So where no identity graph says whose profiles were merged, the change of
 * identity resolution that reached the data between the subject's last decision without the outcome and its first
 * with it (the write times of the data they read) reached this decision, like a merge the graph shows.
 */
import { countOf } from '../model/count-words';
import { reweigh } from './change-score';
import { reachOf } from './consistency';
import { featureReads } from './data-read';
import { decisionColumns } from './decision-columns';
import type { Suspect } from './engine-types';
import { changesIdentity } from './identity-reach';
import { identityMerges } from './identity-merges';
import { outcomeOf } from './onset';
import type { SuspectContext } from './suspect-context';

/** A run of outcomes the population's rate gives with probability under 1 % is the subject's own shift. */
const FLIP_P = 0.01;
/** The subject's history before the run must hold at least this many decisions without the outcome. */
const GOOD_BEFORE = 2;

export interface SubjectFlip {
  readonly subject: string;
  /** Write time of the data read by the subject's last decision without the outcome before the run. */
  readonly lastGood: number;
  /** Write time of the data read by the first decision of the run. */
  readonly firstBad: number;
  /** Decisions of the run (the investigated outcome, unbroken, through the decision). */
  readonly run: number;
  /** The subject's decisions before the run, and how many had the outcome. */
  readonly before: { readonly decisions: number; readonly outcomes: number };
  /** The population's outcome rate, and the probability of the run under it. */
  readonly rate: number;
  readonly p: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The decision's subject's own shift, where its history shows one (see the module's comment). */
export function subjectFlip(ctx: SuspectContext): SubjectFlip | undefined {
  const decision = ctx.decision;
  const outcome = decision ? outcomeOf(decision) : undefined;
  const subject = decision?.subjectId;
  if (!decision || outcome === undefined || subject === undefined) return undefined;
  const env = ctx.environment?.toLowerCase();
  const { decisions, features } = decisionColumns(ctx.set.decisions);
  const column = features(ctx.trace.featureName);
  const mine: number[] = [];
  let all = 0;
  let bad = 0;
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    if (!column[i] || (env && d.environment && d.environment.toLowerCase() !== env)) continue;
    all++;
    if (outcomeOf(d) === outcome) bad++;
    if (d.subjectId === subject) mine.push(i);
  }
  const at = mine.findIndex((i) => decisions[i] === decision);
  if (at < 0 || all === 0) return undefined;
  const has = (k: number) => outcomeOf(decisions[mine[k]!]!) === outcome;
  let start = at;
  while (start > 0 && has(start - 1)) start--;
  let end = at;
  while (end + 1 < mine.length && has(end + 1)) end++;
  const run = end - start + 1;
  const outcomesBefore = mine.slice(0, start).filter((_, k) => has(k)).length;
  if (start - outcomesBefore < GOOD_BEFORE) return undefined;
  const rate = bad / all;
  const p = rate ** run;
  if (p >= FLIP_P) return undefined;
  const reads = featureReads(ctx.set, ctx.trace.featureName);
  return {
    subject,
    lastGood: reads.writtenAt(mine[start - 1]!),
    firstBad: reads.writtenAt(mine[start]!),
    run,
    before: { decisions: start, outcomes: outcomesBefore },
    rate: Math.round(rate * 1000) / 1000,
    p,
  };
}

/**
 * The suspects, with the change of identity resolution that reached the data within the subject's own shift marked
 * as reaching the decision — only where the population's rate shows no significant shift and no identity graph that
 * names the log's subjects was imported (the graph, where there is one, says whose profiles were merged).
 */
export function subjectFlipReached(suspects: ReadonlyArray<Suspect>, ctx: SuspectContext): Suspect[] {
  if (ctx.onset.method !== 'first-use' || suspects.some((s) => s.reachedSubject !== undefined)) return [...suspects];
  if (identityMerges(ctx.set)?.resolvable) return [...suspects];
  const flip = subjectFlip(ctx);
  if (!flip) return [...suspects];
  const none = new Set<string>();
  let latest = -Infinity;
  const makers = new Set<Suspect>();
  for (const s of suspects) {
    if (s.consistency.verdict === 'never-ran' || s.inert !== undefined) continue;
    if (!changesIdentity(s, ctx.set, ctx.trace, none)) continue;
    const t = Date.parse(s.effectiveTime);
    // Compared with the write times of the data the subject's decisions read: when it reached that data.
    const reached = reachOf(ctx)(s.touches, t) ?? t;
    if (reached <= flip.lastGood || reached > flip.firstBad || reached < latest) continue;
    if (reached > latest) makers.clear();
    latest = reached;
    makers.add(s);
  }
  if (makers.size === 0) return [...suspects];
  const what = `the decision's subject ${flip.subject} had the outcome in ${countOf(flip.run, 'decision')} in a row from ${iso(flip.firstBad)} on (probability ${flip.p.toExponential(1)} at the population's rate of ${flip.rate}), against ${flip.before.outcomes} of ${flip.before.decisions} before (data until ${iso(flip.lastGood)}), while the population's rate shows no significant shift`;
  const reach = (maker: Suspect): Suspect => {
    const timing = reweigh(
      maker.reasons,
      'timing',
      1,
      `${what}: this change of identity resolution reached the data between the two`,
    );
    return {
      ...maker,
      ...timing,
      reachedSubject: what,
      consistency: {
        verdict: 'inside',
        dataTime: iso(latest),
        note: `${what}. A change that reaches some subjects only, as a change of identity resolution does, moves their outcomes and not the population's; of those, this one reached the data last before the subject's shift`,
      },
    };
  };
  return suspects.map((s) => (makers.has(s) ? reach(s) : s));
}
