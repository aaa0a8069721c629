import type { EvidenceSet } from '../model/evidence-set';
import { findDecision } from '../model/decision-key';
import { lineageModel } from '../lineage/lineage-model';
import type { AuditEntry, Commit, Deployment } from '../model/records';
import { auditEffect, changedKeys, restores, stringValues } from './audit-effect';
import { codeOfDiff } from './code-comments';
import { changedWords, distanceTerm, fieldTerm, intervalTimingTerm, kindTerm, reweigh, weigh } from './change-score';
import { samePath } from './commit-graph';
import { consistencyOf, CONSISTENCY_RANK } from './consistency';
import { identityReached } from './identity-reach';
import { subjectFlipReached } from './subject-flip';
import { coversComponent, deploymentsShipping, firstDeploymentTo, succeeded } from './deployments';
import { reachLabel, refIndex, wasMerged } from './git-refs';
import { jobRepository, runningCode } from './running-code';
import { deploymentSuspects } from './deployment-changes';
import type { ChangeInterval } from './change-interval';
import type { DiffOf, OnsetEstimate, Suspect, SuspectsResult } from './engine-types';
import { estimateOnset } from './onset';
import { schemaSuspects } from './schema-changes';
import { operationalSettings } from './operational-settings';
import { jobSchemaFields } from './schema-fields';
import { shiftSubjects } from './shift-subjects';
import { suspectContext, type SuspectContext } from './suspect-context';
import { trackingPlans } from './tracking-plans';
import type { Change, ChangesResult, ScopeResult, TraceResult, TracedJob } from './types';

export interface ChangesOptions {
  /** How far before the onset to look for changes (default 30 days). */
  readonly lookbackDays?: number;
  /** The investigator's onset: a feature version or an RFC 3339 time (default: estimated from the outcome rates). */
  readonly onset?: string;
  /** Changed-line text of a commit's diff of a path, where the caller can read Git (the CLI, the main process). */
  readonly diffOf?: DiffOf;
  /**
   * The onset and the change interval, estimated where the decisions live (a decision log read in place: the set
   * holds the investigated decision only), used instead of estimating them over the set's decisions.
   */
  readonly estimated?: { readonly onset: OnsetEstimate; readonly interval?: ChangeInterval };
}

/**
 * Every change that touched the traced upstream closure in the look-back window before the onset: Git commits to
 * the code paths of traced jobs (transformations, tracking plans, identity configs), audit-log entries on traced
 * nodes or their configuration paths, deployments that changed the code a traced job ran, and schema changes
 * between versions of traced datasets. Ranked by the suspect score (docs/suspect-ranking.md), highest first.
 */
export function findSuspects(set: EvidenceSet, trace: TraceResult, options: ChangesOptions = {}): SuspectsResult {
  const decision = findDecision(set.decisions, trace.decisionId, trace.model);
  const onset = options.estimated
    ? options.estimated.onset
    : decision
      ? estimateOnset(set, decision, trace.featureName, options.onset)
      : {
          featureName: trace.featureName,
          outcome: '',
          method: 'first-use' as const,
          seriesBy: 'day' as const,
          series: [],
          onset: trace.asOf,
          note: 'the decision is not in the evidence',
        };
  const ctx = suspectContext(set, trace, onset, decision, options);
  const gaps: string[] = [];
  for (const j of trace.jobs) {
    if (!j.codePath)
      gaps.push(`Untracked transformation: ${j.id} has no source code location; its commits cannot be found.`);
  }
  if (set.commits.length === 0) gaps.push('No Git history is imported: commits cannot be searched.');
  const inWindow = (t: string) => Date.parse(t) >= ctx.windowStart && Date.parse(t) <= ctx.searchEnd;
  const plan = trackingPlans(set, trace);
  const suspects: Suspect[] = [];
  // A job's commits are searched in its own repository only (running-code.ts), never by a path in another one.
  const repositoryOf = new Map<string, string>();
  for (const j of trace.jobs) {
    if (!j.codePath || set.commits.length === 0) continue;
    const identity = jobRepository(set, ctx.graph, j);
    if (identity.repository !== undefined) repositoryOf.set(j.id, identity.repository);
    else gaps.push(`The repository of ${j.id} is not known (${identity.gap}): its commits are not searched.`);
  }
  for (const commit of set.commits) {
    if (commit.parents.length > 1 || !inWindow(commit.committerDate)) continue;
    const touched = trace.jobs.filter(
      (j) =>
        repositoryOf.get(j.id) === commit.repository &&
        commit.changedPaths.some((p) => samePath(p.path, j.codePath as string)),
    );
    if (touched.length > 0) suspects.push(scoreCommit(commit, touched, repositoryOf, ctx));
    else {
      const plans = plan.commitPaths(commit);
      if (plans.length > 0) {
        const sources = plan.sources(plans);
        const repos = new Map(sources.map((j) => [j.id, commit.repository] as const));
        suspects.push(scoreCommit(commit, sources, repos, ctx, plan.readers));
      }
    }
  }
  const nodeIds = new Set(trace.nodes.map((n) => n.id));
  for (const entry of set.audit) {
    // An entry that names the decision's subject (a manual identity merge of its profile) changed this decision's
    // data directly, whenever it was made before the decision.
    const names = namesSubject(entry, decision?.subjectId);
    if (!inWindow(entry.timestamp) && !(names && Date.parse(entry.timestamp) <= ctx.searchEnd)) continue;
    const job = trace.jobs.find(
      (j) => j.id === entry.target.id || (j.codePath && samePath(entry.target.id, j.codePath)),
    );
    if (!job && !nodeIds.has(entry.target.id)) {
      if (plan.governs(entry) && auditEffect(entry) !== 'read')
        suspects.push(scoreAudit(entry, plan.sources([entry.target.id])[0], ctx, plan.readers));
      continue;
    }
    // Viewing, listing or exporting an object changes no data.
    if (auditEffect(entry) === 'read') continue;
    // An edit made in another environment than the decision's did not change the data the decision read.
    const env = ctx.environment?.toLowerCase();
    if (env && entry.environment && entry.environment.toLowerCase() !== env) continue;
    suspects.push(scoreAudit(entry, job, ctx));
  }
  suspects.push(...deploymentSuspects(ctx, suspects));
  suspects.push(...schemaSuspects(ctx, suspects));
  // Inside the interval, the data still say how likely the change-point is at each suspect's time.
  const timed = suspects.map((s) => byLikelihood(s, ctx));
  suspects.splice(0, suspects.length, ...subjectFlipReached(identityReached(reversalsInert(timed, ctx), ctx), ctx));
  suspects.sort(
    (a, b) =>
      CONSISTENCY_RANK[b.consistency.verdict] - CONSISTENCY_RANK[a.consistency.verdict] ||
      Number(a.inert !== undefined) - Number(b.inert !== undefined) ||
      Number(b.reachedSubject !== undefined) - Number(a.reachedSubject !== undefined) ||
      b.score - a.score ||
      Date.parse(b.effectiveTime) - Date.parse(a.effectiveTime) ||
      a.id.localeCompare(b.id),
  );
  nearestFitFirst(suspects, ctx, gaps);
  return {
    onset,
    window: { from: new Date(ctx.windowStart).toISOString(), to: new Date(ctx.searchEnd).toISOString() },
    suspects,
    gaps,
  };
}

/**
 * The Changes step's result: the suspects of `findSuspects` that are commits, audit entries or deployments (schema
 * changes are listed by `findSuspects`), with the onset's first wrong decision. `scope` is kept for callers.
 */
export function findChanges(
  set: EvidenceSet,
  trace: TraceResult,
  _scope: ScopeResult,
  options: ChangesOptions = {},
): ChangesResult {
  const result = findSuspects(set, trace, options);
  const changes = result.suspects.filter((s): s is Suspect & Change => s.kind !== 'schema');
  const firstWrong = result.onset.firstBad ?? { decisionId: trace.decisionId, timestamp: result.onset.onset };
  return { firstWrong, window: result.window, changes, gaps: result.gaps };
}

/** When a commit took effect in the decision's environment, or why it never ran there. */
function commitEffect(
  commit: Commit,
  touched: ReadonlyArray<TracedJob>,
  ctx: SuspectContext,
): { effective: number; note: string; shipped?: Deployment } | { neverRan: string } {
  const shipping = deploymentsShipping(commit.sha, ctx.set.deployments, ctx.graph).filter((d) =>
    touched.some((j) => coversComponent(d, j)),
  );
  const shipped = firstDeploymentTo(ctx.environment, shipping);
  if (shipped)
    return {
      effective: Date.parse(shipped.timestamp),
      note: `deployed to ${shipped.environment} at ${shipped.timestamp} (${shipped.id})`,
      shipped,
    };
  const model = lineageModel(ctx.set);
  const executed = touched
    .flatMap((j) => model.runsOfJob(j.id))
    .filter((r) => {
      const v = r.sourceCodeLocation?.version;
      const full = v ? ctx.graph.resolve(v) : undefined;
      return full !== undefined && ctx.graph.isAncestor(commit.sha, full);
    })
    .sort((a, b) => a.timeMs - b.timeMs)[0];
  if (executed)
    return { effective: executed.timeMs, note: `first executed by run ${executed.runId} at ${executed.time}` };
  const env = ctx.environment?.toLowerCase();
  const deploysThere = ctx.set.deployments.some(
    (d) => succeeded(d) && (!env || d.environment.toLowerCase() === env) && touched.some((j) => coversComponent(d, j)),
  );
  const reach = refIndex(ctx.set.commits).reach(commit.sha);
  if (deploysThere)
    return {
      neverRan: `no deployment to ${ctx.environment ?? 'any environment'} shipped it and no run executed it (${reachLabel(reach)})`,
    };
  if (!wasMerged(reach)) return { neverRan: `${reachLabel(reach)}: no deployment or run executed it` };
  const merge = ctx.graph.mergeOf(commit.sha);
  return merge
    ? { effective: Date.parse(merge.committerDate), note: `merged into the default branch at ${merge.committerDate}` }
    : {
        effective: Date.parse(commit.committerDate),
        note: `committed at ${commit.committerDate}; no deployment record ships it`,
      };
}

function scoreCommit(
  commit: Commit,
  touched: ReadonlyArray<TracedJob>,
  repositoryOf: ReadonlyMap<string, string>,
  ctx: SuspectContext,
  judgedBy: ReadonlyArray<string> = touched.map((j) => j.id),
): Suspect {
  const paths = commit.changedPaths
    .map((p) => p.path)
    .filter((p) => touched.some((j) => samePath(p, j.codePath as string)));
  const effect = commitEffect(commit, touched, ctx);
  const effective = 'effective' in effect ? effect.effective : Date.parse(commit.committerDate);
  const consistency = consistencyOf(ctx, effective, judgedBy, 'neverRan' in effect ? effect.neverRan : undefined);
  const depth = Math.min(...touched.map((j) => j.depth));
  // Was it in the code the environment ran when the bad data was written?
  const running = touched.flatMap((j) => {
    const code = runningCode(ctx.set, ctx.graph, j, repositoryOf.get(j.id), ctx.environment, ctx.interval.firstBad);
    return code ? [code] : [];
  });
  const inRunning = running.some((r) => ctx.graph.isAncestor(commit.sha, r.commit.sha));
  const pr = ctx.graph.pullRequestOf(commit.sha);
  const fields = [...new Set(touched.flatMap((j) => ctx.fieldsOf(j.id)))];
  // The changed code of each path, comments removed: a change to comments only computes nothing new.
  const diffs = ctx.diffOf ? paths.map((p) => codeOfDiff(ctx.diffOf?.(commit.sha, p) ?? '', p)) : [];
  const read = ctx.diffOf !== undefined && paths.some((p) => ctx.diffOf?.(commit.sha, p) !== undefined);
  const words = read ? changedWords(diffs.join('\n')) : undefined;
  const commentsOnly = words !== undefined && words.trim() === '';
  // Without field-level lineage, a changed line naming a field of the job's schemas computes a field of its data.
  const schema =
    fields.length === 0 && words !== undefined && !commentsOnly
      ? [...new Set(touched.flatMap((j) => jobSchemaFields(ctx.set, j.id)))]
      : [];
  const schemaNamed = schema.length > 0 && fieldTerm(words, schema) === 1;
  const settings = words !== undefined && !commentsOnly ? operationalSettings(words) : undefined;
  const field = commentsOnly ? 0 : fields.length === 0 ? (schemaNamed ? 0.75 : 0.5) : fieldTerm(words, fields);
  const { score, reasons } = weigh({
    timing: {
      value: intervalTimingTerm(effective, ctx.interval),
      note: 'effective' in effect ? effect.note : `never ran: ${effect.neverRan}`,
    },
    distance: { value: distanceTerm(depth, ctx.nearest), note: `changes ${touched.map((j) => j.id).join(', ')}` },
    kind: commentsOnly
      ? { value: 0, note: `only comments changed in ${paths.join(', ')}: the code computes what it did` }
      : settings
        ? {
            value: Math.min(0.5, kindTerm(paths, touched)),
            note: `paths ${paths.join(', ')} changed only ${settings.join(', ')}: how the job runs, not what it computes`,
          }
        : { value: kindTerm(paths, touched), note: `paths ${paths.join(', ')}` },
    'in running version': {
      value: running.length === 0 ? 0.5 : inRunning ? 1 : 0,
      note:
        running.length === 0
          ? 'which code ran is not known'
          : inRunning
            ? `contained in ${running[0]?.commit.sha.slice(0, 12)}, the code ${ctx.environment ?? 'the environment'} ran when the bad data was written`
            : `not in ${running[0]?.commit.sha.slice(0, 12)}, the code ${ctx.environment ?? 'the environment'} ran when the bad data was written`,
    },
    'touched field': {
      value: field,
      note:
        words === undefined
          ? 'the diff is not available'
          : commentsOnly
            ? 'only comments changed'
            : fields.length === 0
              ? schemaNamed
                ? `the changed lines name fields of the data of ${touched.map((j) => j.id).join(', ')} (its runs' schemas); no field-level lineage says whether they reach the feature`
                : `no field-level lineage names the fields of ${touched.map((j) => j.id).join(', ')}: unknown`
              : field === 1
                ? `the changed words name a traced field (${fields.join(', ')})`
                : `the changed words name none of ${fields.join(', ') || 'the traced fields'}`,
    },
    'outside workflow': {
      value: pr || ctx.set.pullRequests.length === 0 ? 0 : 1,
      note: pr ? `arrived through pull request #${pr.number}` : 'no pull request brought it',
    },
  });
  const candidate = 'neverRan' in effect;
  return {
    id: commit.sha,
    kind: 'commit',
    timestamp: commit.committerDate,
    effectiveTime: new Date(effective).toISOString(),
    actor: commit.authorName,
    summary: candidate ? `${commit.subject} (candidate only: ${effect.neverRan})` : commit.subject,
    touches: touched.map((j) => j.id),
    paths,
    score,
    reasons,
    evidence: commit.provenance,
    repository: commit.repository,
    consistency,
    reach: refIndex(ctx.set.commits).reach(commit.sha),
    ...(commentsOnly && { inert: `only comments changed in ${paths.join(', ')}` }),
  };
}

/** A suspect inside the interval with its timing term set to the relative likelihood of the change-point at its time. */
/**
 * Where no change fits the interval the data allow (none reached the data inside it, none before it unplaced), the
 * interval itself is in doubt — a noisy day can pull the best split a run early — and the data still say how likely
 * the change-point is at each time: the changes that ran are ordered by that likelihood at the time each reached the
 * data, the nearest fit first (their verdicts stand), and a gap says so.
 */
function nearestFitFirst(suspects: Suspect[], ctx: SuspectContext, gaps: string[]): void {
  const { likelihood } = ctx.interval;
  if (!likelihood || suspects.some((s) => s.consistency.verdict === 'inside' || s.consistency.verdict === 'before'))
    return;
  const fit = new Map<Suspect, number>();
  for (const s of suspects) {
    const { verdict, dataTime } = s.consistency;
    if ((verdict === 'cleared' || verdict === 'after') && s.inert === undefined && dataTime)
      fit.set(s, likelihood(Date.parse(dataTime)));
  }
  if (![...fit.values()].some((l) => l > 0)) return;
  // A stable sort: suspects the data cannot place keep their order, after those they can.
  suspects.sort((a, b) => (fit.get(b) ?? -1) - (fit.get(a) ?? -1));
  gaps.push(
    'No change reached the data inside the interval the outcome rates allow: the suspects that ran are ordered by how likely the data put the change-point at the time each reached the data.',
  );
}

function byLikelihood(s: Suspect, ctx: SuspectContext): Suspect {
  const { likelihood, best } = ctx.interval;
  const at = s.consistency.dataTime ? Date.parse(s.consistency.dataTime) : undefined;
  if (!likelihood || best === undefined || at === undefined || s.consistency.verdict !== 'inside') return s;
  // An entry naming the decision's subject reached this decision whatever the population's change-point says.
  const entry = s.kind === 'audit' ? ctx.set.audit.find((a) => a.id === s.id) : undefined;
  if (entry && namesSubject(entry, ctx.decision?.subjectId)) return s;
  const l = likelihood(at);
  const note = `reached the data at ${s.consistency.dataTime}; the data put the change-point at ${new Date(best).toISOString()}, and at this time its relative likelihood is ${l.toFixed(2)}`;
  return { ...s, ...reweigh(s.reasons, 'timing', l, note) };
}

/**
 * An audited change that puts its object back in the state an earlier suspect found it in (an unmerge of a merge, a
 * revert of an edit), where that earlier change reached the data inside the change-point interval: the state it
 * restores is the one the good data was written under, so it undoes the earlier change and cannot have started the
 * shift. It stays a suspect, below the changes that could have (a restore of a state the bad data was written under,
 * a rollback of a fix, is not inert).
 */
function reversalsInert(suspects: ReadonlyArray<Suspect>, ctx: SuspectContext): Suspect[] {
  const entries = new Map(ctx.set.audit.map((a) => [a.id, a] as const));
  const inside = suspects.flatMap((s) => {
    const entry = s.kind === 'audit' && s.consistency.verdict === 'inside' ? entries.get(s.id) : undefined;
    return entry ? [entry] : [];
  });
  return suspects.map((s) => {
    const entry = s.kind === 'audit' && s.inert === undefined ? entries.get(s.id) : undefined;
    if (!entry) return s;
    const undone = inside.find(
      (a) =>
        a.id !== entry.id &&
        a.target.id === entry.target.id &&
        Date.parse(a.timestamp) < Date.parse(entry.timestamp) &&
        restores(a, entry),
    );
    return undone
      ? {
          ...s,
          inert: `it put ${entry.target.name ?? entry.target.id} back in the state ${undone.id} found, the state the good data was written under: it undoes ${undone.id}`,
        }
      : s;
  });
}

/**
 * An entry that names the decision's subject changed this decision's data whenever it was made before it. Where the
 * onset is a shift of the population's outcomes (a significant change-point) that the entry does not fall in and most of that shift
 * is other subjects' decisions, the shift has another cause, which reached this decision too: the entry may have
 * reached it as well, so it is not cleared, but it ranks below the changes the shift points at.
 */
function namedConsistency(
  entry: AuditEntry,
  subject: string,
  ctx: SuspectContext,
  judgedBy: ReadonlyArray<string>,
): Suspect['consistency'] {
  const reached = {
    verdict: 'inside' as const,
    dataTime: entry.timestamp,
    note: `changed the data of the decision's subject ${subject} at ${entry.timestamp}, before the decision: whatever the population's rates say, it reached this decision`,
  };
  const { likelihood, best } = ctx.interval;
  if (ctx.onset.method !== 'change-point' || !likelihood || best === undefined) return reached;
  const population = consistencyOf(ctx, Date.parse(entry.timestamp), judgedBy);
  if (population.verdict !== 'cleared' && population.verdict !== 'after') return reached;
  const shift = shiftSubjects(ctx, new Set([subject, ...subjectsNamed(entry, ctx)]));
  if (!shift || shift.decisions === 0 || shift.named * 2 >= shift.decisions) return reached;
  return {
    verdict: 'before',
    dataTime: entry.timestamp,
    note: `changed the data of the decision's subject ${subject} at ${entry.timestamp}, before the decision, so it may have reached it; but the outcomes shifted with the data written at ${new Date(best).toISOString()}, and ${shift.decisions - shift.named} of the shift's ${shift.decisions} decisions (${shift.subjects} subjects) are of subjects it does not name: that shift has another cause, which reached this decision too`,
  };
}

const subjectsOf = new WeakMap<object, ReadonlySet<string>>();

/** The subject ids of the decision log that an audit entry's before/after state names. */
function subjectsNamed(entry: AuditEntry, ctx: SuspectContext): string[] {
  let known = subjectsOf.get(ctx.set.decisions);
  if (!known) {
    known = new Set(ctx.set.decisions.flatMap((d) => (d.subjectId ? [d.subjectId] : [])));
    subjectsOf.set(ctx.set.decisions, known);
  }
  return [...stringValues(entry.before, entry.after)].filter((v) => known.has(v));
}

/** Whether an audit entry's target or before/after state names the subject (as a whole string value). */
function namesSubject(entry: AuditEntry, subject: string | undefined): boolean {
  if (!subject) return false;
  return entry.target.id === subject || stringValues(entry.before, entry.after).has(subject);
}

function scoreAudit(
  entry: AuditEntry,
  job: TracedJob | undefined,
  ctx: SuspectContext,
  // An entry on a traced dataset reaches the feature's data through the runs downstream of it.
  judgedBy: ReadonlyArray<string> = job
    ? [job.id]
    : ctx.trace.nodes.some((n) => n.id === entry.target.id)
      ? [entry.target.id]
      : [],
): Suspect {
  const subject = ctx.decision?.subjectId;
  const named = namesSubject(entry, subject);
  // A manual identity merge that names subjects of the decision log, but not this decision's, changed others' data.
  const others =
    !named && subject !== undefined && /identity[._]?merge/i.test(`${entry.target.type} ${entry.action}`)
      ? subjectsNamed(entry, ctx)
      : [];
  const node = ctx.trace.nodes.find((n) => n.id === entry.target.id);
  const depth = job?.depth ?? (node ? node.depth + 1 : ctx.nearest);
  const outside = entry.channel === 'ui' || entry.channel === 'api' || /identity[._]?merge/i.test(entry.target.type);
  const state =
    entry.before === undefined && entry.after === undefined ? undefined : JSON.stringify([entry.before, entry.after]);
  const fields = ctx.fieldsOf(job?.id ?? entry.target.id);
  // A configuration change that names no traced field is unknown (0.5), not cleared: its state may not list fields.
  const effect = auditEffect(entry);
  const field = effect === 'metadata' ? 0 : fieldTerm(state, fields) === 1 ? 1 : 0.5;
  const keys = changedKeys(entry.before, entry.after);
  const { score, reasons } = weigh({
    timing: named
      ? { value: 1, note: `at ${entry.timestamp}, before the decision, on its subject ${subject}` }
      : { value: intervalTimingTerm(Date.parse(entry.timestamp), ctx.interval), note: `at ${entry.timestamp}` },
    distance: { value: distanceTerm(Math.max(depth, ctx.nearest), ctx.nearest), note: `changes ${entry.target.id}` },
    kind: {
      value: effect === 'metadata' ? 0 : effect === 'operational' ? 0.5 : 1,
      note:
        effect === 'metadata'
          ? `${entry.target.type} ${entry.action} changed only ${keys?.join(', ')}: what people call it, not what it computes`
          : effect === 'operational'
            ? `${entry.target.type} ${entry.action} changed only ${keys?.join(', ')}: when or how it runs, not what it computes (it matters only through the data a moved run reads)`
            : `${entry.target.type} ${entry.action}${keys?.length ? ` (changed ${keys.join(', ')})` : ''}`,
    },
    'in running version': { value: 1, note: 'a configuration change applies from the moment it is made' },
    'touched field': {
      value: named ? 1 : field,
      note: named
        ? `it names the decision's subject ${subject}`
        : state === undefined
          ? 'the entry records no before or after state'
          : effect === 'metadata'
            ? 'it changed descriptive metadata only'
            : field === 1
              ? 'its before/after state names a traced field'
              : 'its before/after state names no traced field: unknown',
    },
    'outside workflow': {
      value: outside ? 1 : 0,
      note: outside
        ? `made through the ${entry.channel ?? 'unknown'} channel, outside version control`
        : `channel ${entry.channel ?? 'unknown'}`,
    },
  });
  return {
    id: entry.id,
    kind: 'audit',
    timestamp: entry.timestamp,
    effectiveTime: entry.timestamp,
    actor: entry.actor,
    summary: `${entry.action} ${entry.target.name ?? entry.target.id}`,
    touches: [job?.id ?? entry.target.id],
    paths: [],
    score,
    reasons,
    evidence: entry.provenance,
    ...(effect === 'metadata' && !named && { inert: `it changed only ${keys?.join(', ')}: descriptive metadata` }),
    ...(named && { reachedSubject: `it names the decision's subject ${subject}` }),
    consistency: named
      ? namedConsistency(entry, subject as string, ctx, judgedBy)
      : others.length > 0
        ? {
            verdict: 'cleared',
            dataTime: entry.timestamp,
            note: `merged the profiles of ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}, not the decision's subject ${subject}: it changed other subjects' data`,
          }
        : consistencyOf(ctx, Date.parse(entry.timestamp), judgedBy),
  };
}
