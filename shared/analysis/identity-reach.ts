/**
 * A change of identity resolution reaches a decision through the identity graph: when the graph merged the
 * decision's subject's profile with another person's after the change (identity-merges.ts), the change that made
 * that merge reached this decision whatever the population's rates say — like an audit entry naming the subject.
 *
 * Which changes are changes of identity resolution: an identity configuration (`configKind`), an audited identity rule
 * or merge, or a change of a job whose runs made the graph's merges (a merge made while one of its runs ran). Of
 * those that took effect before the merge, the ones that reached the data last (the first run of their job after them
 * is the latest) made it; the other terms order them.
 */
import { countOf } from '../model/count-words';
import { lineageModel } from '../lineage/lineage-model';
import type { EvidenceSet } from '../model/evidence-set';
import { firstAtOrAfter } from '../time/sorted-search';
import { reweigh } from './change-score';
import type { Suspect } from './engine-types';
import { identityMerges, type IdentityMerge } from './identity-merges';
import type { SuspectContext } from './suspect-context';
import type { TraceResult } from './types';

const iso = (ms: number) => new Date(ms).toISOString();
/** A merge is made by a run when it falls between the run's start and a minute after its end. */
const SLACK_MS = 60_000;

const IDENTITY_AUDIT = /identity/i;
/** A manual merge names the profiles it merged: it made no other merge (one naming the subject ranks by its name). */
const MANUAL_MERGE = /merge/i;

/** The traced jobs with a completed run during which one of the graph's merges was made. */
function mergingJobs(set: EvidenceSet, trace: TraceResult, merges: ReadonlyArray<IdentityMerge>): Set<string> {
  const out = new Set<string>();
  if (merges.length === 0) return out;
  const model = lineageModel(set);
  for (const job of trace.jobs) {
    const runs = model.runsOfJob(job.id).filter((r) => r.state !== 'FAIL' && r.state !== 'ABORT');
    // The merges are in time order: the first at or after a run's start says whether one fell within it.
    const during = (r: (typeof runs)[number]) => {
      const i = firstAtOrAfter(merges.length, r.startMs, (k) => (merges[k] as IdentityMerge).at);
      return i < merges.length && (merges[i] as IdentityMerge).at <= r.timeMs + SLACK_MS;
    };
    if (runs.some(during)) out.add(job.id);
  }
  return out;
}

/** Whether a suspect changes identity resolution (see the module's comment). */
export function changesIdentity(s: Suspect, set: EvidenceSet, trace: TraceResult, merging: ReadonlySet<string>) {
  if (s.kind === 'audit') {
    const entry = set.audit.find((a) => a.id === s.id);
    const what = entry ? `${entry.target.type} ${entry.action}` : '';
    if (MANUAL_MERGE.test(what)) return false;
    if (IDENTITY_AUDIT.test(what)) return true;
  }
  return s.touches.some(
    (id) => merging.has(id) || trace.nodes.find((n) => n.id === id)?.configKind === 'identity-config',
  );
}

/** The suspects, with the one whose identity change made the merge of the decision's subject marked as reaching it. */
export function identityReached(suspects: ReadonlyArray<Suspect>, ctx: SuspectContext): Suspect[] {
  const merges = identityMerges(ctx.set);
  const subject = ctx.decision?.subjectId;
  if (!merges || subject === undefined) return [...suspects];
  const merge = merges.mergeOf(subject, ctx.windowStart, ctx.searchEnd + 1);
  if (!merge) return [...suspects];
  const merging = mergingJobs(ctx.set, ctx.trace, merges.merges);
  // The identity changes before the merge that reached the data last: those whose first run of the job they change
  // is the latest (several when one run was the first after each, or one release shipped them together).
  let latest = -Infinity;
  const makers = new Set<Suspect>();
  for (const s of suspects) {
    if (s.consistency.verdict === 'never-ran' || s.inert !== undefined) continue;
    const t = Date.parse(s.effectiveTime);
    if (t > merge.at || !changesIdentity(s, ctx.set, ctx.trace, merging)) continue;
    const runs = s.touches.map((id) => ctx.firstRunAfter(id, t)).filter((x): x is number => x !== undefined);
    const reached = runs.length > 0 ? Math.min(...runs) : t;
    if (reached < latest) continue;
    if (reached > latest) makers.clear();
    latest = reached;
    makers.add(s);
  }
  if (makers.size === 0) return [...suspects];
  const others = merge.subjects.filter((x) => x !== subject);
  const where = merge.link.provenance.line !== undefined ? ` (line ${merge.link.provenance.line})` : '';
  const what = `the identity graph merged the profile of the decision's subject ${subject}${others.length > 0 ? ` with that of ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}` : ' with another person’s'} at ${iso(merge.at)}${where}`;
  const reach = (maker: Suspect): Suspect => {
    const timing = reweigh(maker.reasons, 'timing', 1, `${what}, after this change of identity resolution`);
    const reached = reweigh(timing.reasons, 'touched field', 1, `it changed which data is the subject's: ${what}`);
    return {
      ...maker,
      ...reached,
      reachedSubject: what,
      consistency: {
        verdict: 'inside',
        dataTime: maker.consistency.dataTime ?? iso(merge.at),
        note: `${what}, after this change (of the changes of identity resolution before it, one of those that reached the data last) and before the decision: whatever the population's rates say, it reached this decision`,
      },
    };
  };
  return suspects.map((s) => (makers.has(s) ? reach(s) : s));
}

/**
 * The decision log where the set does not hold it (a log read in place): its subjects — those of the identity graph's
 * ids that it holds are enough — and the time of its first decision.
 */
export interface LogSubjects {
  readonly subjects: ReadonlySet<string>;
  readonly firstMs?: number;
}

/**
 * For a cause that changed identity resolution: the decision log's subjects whose profiles the identity graph merged
 * with another person's after it took effect, and a note saying so — or, where no identity graph was imported or it
 * names none of the decision log's subjects, a note saying the merged subjects cannot be resolved (no subjects).
 * Undefined for any other cause.
 */
export function identitySubjects(
  set: EvidenceSet,
  trace: TraceResult,
  cause: Suspect,
  log?: LogSubjects,
): { readonly subjects?: ReadonlyArray<string>; readonly note?: string } | undefined {
  const merges = identityMerges(set, log?.subjects);
  const merging = mergingJobs(set, trace, merges?.merges ?? []);
  if (!changesIdentity(cause, set, trace, merging)) return undefined;
  if (!merges)
    return {
      note: `${cause.id} changed identity resolution, and no identity graph was imported: which profiles it merged cannot be resolved, so the subjects it reached are estimated from the outcomes (import the identity graph's export to count them exactly)`,
    };
  if (!merges.resolvable)
    return {
      note: `${cause.id} changed identity resolution, but the identity graph names none of the decision log's subject ids: which subjects it reached cannot be resolved, so they are estimated from the outcomes`,
    };
  const from = Date.parse(cause.effectiveTime);
  const first = log ? log.firstMs : set.decisions.length > 0 ? Date.parse(set.decisions[0]!.timestamp) : undefined;
  const burst = mergeBurst(merges.merges, from, first);
  if (!burst.significant)
    return {
      note: `the identity graph shows ${countOf(burst.after, 'merge')} of one person's profile with another's in the ${BURST_DAYS} days after ${cause.id} took effect, against ${burst.before} in the ${burst.days} days before: no more than usual, so its subjects are not limited to merged profiles`,
    };
  const subjects = [...merges.subjectsMerged(from)].sort();
  const count = merges.merges.filter((m) => m.at >= from).length;
  return {
    subjects,
    note: `the identity graph shows ${countOf(count, 'merge')} of one person's profile with another's after ${cause.id} took effect (${iso(from)}; ${burst.after} in the first ${BURST_DAYS} days, against ${burst.before} in the ${burst.days} days before), holding ${countOf(subjects.length, 'subject')} of the decision log: only their decisions count`,
  };
}

const DAY_MS = 86_400_000;
/** The merges a change of identity resolution makes are looked for in the days after it took effect. */
const BURST_DAYS = 2;
/** How far back the usual rate of merges is measured. */
const BACKGROUND_DAYS = 30;
/** A burst is a count the usual rate gives with probability under 1 %. */
const BURST_P = 0.01;

/**
 * Whether the collision merges in the days after `from` are more than the usual rate explains: Poisson, the rate
 * measured over the days before (from the first decision on, at most BACKGROUND_DAYS; one merge added so that a quiet
 * graph is not taken to have none).
 */
function mergeBurst(
  merges: ReadonlyArray<IdentityMerge>,
  from: number,
  firstDecision: number | undefined,
): { significant: boolean; after: number; before: number; days: number } {
  const first = firstDecision ?? from - BACKGROUND_DAYS * DAY_MS;
  const start = Math.max(from - BACKGROUND_DAYS * DAY_MS, Math.min(first, from - DAY_MS));
  const after = merges.filter((m) => m.at >= from && m.at < from + BURST_DAYS * DAY_MS).length;
  const before = merges.filter((m) => m.at >= start && m.at < from).length;
  const days = (from - start) / DAY_MS;
  const lambda = ((before + 1) / days) * BURST_DAYS;
  let below = 0;
  let term = Math.exp(-lambda);
  for (let i = 0; i < after; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return { significant: after > 0 && 1 - below < BURST_P, after, before, days: Math.round(days) };
}
