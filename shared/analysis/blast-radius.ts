/**
 * The blast radius of a cause, through the lineage: every decision that read data (of the investigated feature's
 * dataset) written by a state that included the cause — from the moment the cause reached the data until a later
 * change removed it (a fix, a revert, a rollback deployment, a restoring edit) or the end of the log. The data a
 * decision read is the dataset version it names, else the one active at its time; its write time decides.
 *
 * Which later change removed the cause is read from the evidence and confirmed by the data: the candidates are the
 * later changes of the same job, configuration or dataset (deployments that changed the job's code in the
 * decision's environment, later edits of the same target, later schema versions); the first one after which the
 * outcome rate is back nearer the good rate than the bad one is the recovery.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { stringValues } from './audit-effect';
import { commitGraph } from './commit-graph';
import { dataRead } from './data-read';
import { coversComponent, succeeded } from './deployments';
import type { OnsetEstimate, Suspect } from './engine-types';
import { outcomeOf } from './onset';
import { jobRepository, pathVersionAt, repositoryName } from './running-code';
import type { TraceResult } from './types';
import { decisionTime } from './decision-time';

export interface Recovery {
  readonly time: string;
  /** The change that removed the cause (deployment id, audit entry id, dataset version). */
  readonly changeId: string;
  readonly note: string;
}

export interface BlastRadius {
  /** When the cause reached the data. */
  readonly from: string;
  readonly recovery?: Recovery;
  /** The affected decisions to recovery (or to the end of the log), in time order. */
  readonly decisions: ReadonlyArray<Decision>;
  /** Subjects the cause was limited to (a manual identity merge), where it was. */
  readonly subjects?: ReadonlyArray<string>;
  readonly notes: ReadonlyArray<string>;
}

/** A decision's reading of the dataset, with the write time of the data it read. */
interface Read {
  readonly decision: Decision;
  readonly written: number;
}

interface Candidate {
  readonly time: number;
  readonly changeId: string;
  readonly note: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The decisions of the log that read the investigated feature's dataset (else: that have the feature). */
function readers(set: EvidenceSet, decision: Decision, featureName: string): Read[] {
  const own = decision.features.find((f) => f.name === featureName);
  const dataset = own?.dataset;
  const env = decision.environment?.toLowerCase();
  const out: Read[] = [];
  for (const d of set.decisions) {
    if (env && d.environment && d.environment !== decision.environment && d.environment.toLowerCase() !== env) continue;
    const f = dataset
      ? d.features.find((x) => x.dataset?.name === dataset.name && x.dataset.namespace === dataset.namespace)
      : d.features.find((x) => x.name === featureName);
    if (!f) continue;
    const read = dataRead(set, d, f.name);
    out.push({ decision: d, written: read?.version.from ?? decisionTime(d) });
  }
  return out;
}

/** Later changes that could have removed the cause, oldest first. */
function candidates(
  set: EvidenceSet,
  cause: Suspect,
  trace: TraceResult,
  environment: string | undefined,
  from: number,
): Candidate[] {
  const graph = commitGraph(set.commits, set.pullRequests);
  const out: Candidate[] = [];
  const env = environment?.toLowerCase();
  const jobs = trace.jobs.filter((j) => cause.touches.includes(j.id));
  for (const job of jobs) {
    const repository = jobRepository(set, graph, job).repository;
    // A whole-repository deployment covers a job whose code path is unknown when it deploys the job's repository.
    const ofRepository = (d: (typeof set.deployments)[number]) =>
      repository !== undefined &&
      (d.repository !== undefined
        ? repositoryName(d.repository) === repositoryName(repository)
        : graph.bySha.get(graph.resolve(d.commit) ?? d.commit)?.repository === repository);
    const versionIn = (commit: string) => {
      const full = graph.resolve(commit);
      return full && repository && job.codePath ? pathVersionAt(set, graph, repository, job.codePath, full)?.sha : full;
    };
    let current: string | undefined;
    for (const d of set.deployments) {
      if (!succeeded(d) || (env && d.environment.toLowerCase() !== env) || !coversComponent(d, job)) continue;
      if (!job.codePath && d.component !== job.id && !(d.component === undefined && ofRepository(d))) continue;
      const version = versionIn(d.commit);
      const t = Date.parse(d.timestamp);
      if (t > from && version !== current && d.id !== cause.id)
        out.push({ time: t, changeId: d.id, note: `${d.id} deployed ${d.commit.slice(0, 12)} to ${d.environment}` });
      current = version;
    }
  }
  for (const a of set.audit) {
    const t = Date.parse(a.timestamp);
    if (t <= from || a.id === cause.id) continue;
    if (env && a.environment && a.environment.toLowerCase() !== env) continue;
    const target = cause.kind === 'audit' ? set.audit.find((x) => x.id === cause.id)?.target.id : undefined;
    if (a.target.id === target || cause.touches.includes(a.target.id))
      out.push({ time: t, changeId: a.id, note: `${a.id}: ${a.action} ${a.target.name ?? a.target.id} by ${a.actor}` });
  }
  if (cause.kind === 'schema') {
    const dataset = cause.touches[0] as string;
    for (const r of set.runs) {
      const t = Date.parse(r.eventTime);
      if (t <= from || !r.outputs.some((o) => `${o.namespace}:${o.name}` === dataset && o.fields)) continue;
      out.push({ time: t, changeId: `${dataset}@${r.runId}`, note: `run ${r.runId} wrote ${dataset} again` });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

/** The subjects a manual identity merge names that the decision log knows (its before/after state, its target). */
function mergedSubjects(set: EvidenceSet, cause: Suspect): string[] | undefined {
  if (cause.kind !== 'audit') return undefined;
  const entry = set.audit.find((a) => a.id === cause.id);
  if (!entry || !/identity[._]?merge/i.test(`${entry.target.type} ${entry.action}`)) return undefined;
  const strings = stringValues(entry.target.id, entry.before, entry.after, entry.extra);
  const known = new Set(set.decisions.map((d) => d.subjectId).filter((s): s is string => s !== undefined));
  return [...strings].filter((s) => known.has(s));
}

const rate = (reads: ReadonlyArray<Read>, outcome: string) =>
  reads.length === 0 ? undefined : reads.filter((r) => outcomeOf(r.decision) === outcome).length / reads.length;

/** The blast radius of `cause` for the investigated decision's feature. */
export function blastRadius(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  cause: Suspect,
  trace: TraceResult,
  onset: OnsetEstimate,
): BlastRadius {
  const notes: string[] = [];
  const from = Date.parse(cause.consistency.dataTime ?? cause.effectiveTime);
  let reads = readers(set, decision, featureName).filter((r) => r.written >= from);
  const subjects = mergedSubjects(set, cause);
  if (subjects !== undefined) {
    if (subjects.length > 0) {
      const only = new Set(subjects);
      reads = reads.filter((r) => r.decision.subjectId !== undefined && only.has(r.decision.subjectId));
      notes.push(
        `the merge ${cause.id} names ${subjects.length} subject(s) of the decision log: only their decisions count`,
      );
    } else
      notes.push(
        `the merge ${cause.id} names no subject id the decision log uses: its subjects cannot be resolved, so every later decision is counted`,
      );
  }
  const before = onset.rateBefore;
  const after = onset.rateAfter;
  let recovery: Recovery | undefined;
  const list = candidates(set, cause, trace, decision.environment, from);
  // The reads in write order, so each candidate's segment is a slice found by binary search.
  const ordered = [...reads].sort((a, b) => a.written - b.written);
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ordered[mid] as Read).written < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as Candidate;
    const next = list[i + 1]?.time ?? Infinity;
    const segment = ordered.slice(firstAtOrAfter(c.time), firstAtOrAfter(next));
    const r = rate(segment, onset.outcome);
    if (r === undefined && i < list.length - 1) continue;
    // Only the outcome rate confirms a recovery: without rates either side of the onset, or without decisions after
    // the candidate, the radius runs on (and says why).
    const back =
      before !== undefined && after !== undefined && r !== undefined && Math.abs(r - before) < Math.abs(r - after);
    if (back) {
      recovery = {
        time: iso(c.time),
        changeId: c.changeId,
        note: `${c.note}${r !== undefined && before !== undefined ? `; the ${onset.outcome} rate after it: ${r.toFixed(3)} (good ${before}, bad ${after})` : ''}`,
      };
      break;
    }
  }
  if (!recovery && list.length > 0 && (before === undefined || after === undefined))
    notes.push(
      `no outcome rates either side of the onset confirm a recovery: ${list.length} later change(s) of the same job or target (first: ${list[0]?.changeId}) are not taken as the end of the radius`,
    );
  const end = recovery ? Date.parse(recovery.time) : Infinity;
  return {
    from: iso(from),
    recovery,
    decisions: reads.filter((r) => r.written < end).map((r) => r.decision),
    subjects,
    notes,
  };
}
