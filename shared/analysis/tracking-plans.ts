/**
 * Tracking plans in the trace: a tracking plan validates the events a source collects before any job reads them, so
 * a change to one — a commit of a tracking-plan file (FORMATS.md: a tracking-plan version is a Git commit of it) or
 * an audit entry on a `tracking_plan` target — changes the traced sources (the datasets no traced run writes),
 * and reaches the data at the next run of the jobs that read them. Which source a plan governs is rarely recorded:
 * every traced source is taken as governed, and the suspect says so.
 */
import { configKindOf } from '../lineage/job-version';
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit } from '../model/records';
import type { TraceResult, TracedJob } from './types';

export interface TrackingPlans {
  /** The traced jobs that read a source: their runs are when a plan change reached the data. */
  readonly readers: ReadonlyArray<string>;
  /** The tracking-plan files a commit changed that no traced job keeps its code in (those are searched as code). */
  commitPaths(commit: Commit): string[];
  /** Whether an audit entry changed a tracking plan. */
  governs(entry: AuditEntry): boolean;
  /** The traced sources as the objects a plan change touches, each with the plan's path or id as its code path. */
  sources(plans: ReadonlyArray<string>): TracedJob[];
}

export function trackingPlans(set: EvidenceSet, trace: TraceResult): TrackingPlans {
  const sources = trace.nodes.filter((n) => n.kind === 'source');
  const jobIds = new Set(trace.jobs.map((j) => j.id));
  const sourceIds = new Set(sources.map((n) => n.id));
  const readers = [
    ...new Set(trace.edges.filter((e) => sourceIds.has(e.source) && jobIds.has(e.target)).map((e) => e.target)),
  ];
  const jobPaths = new Set(trace.jobs.flatMap((j) => (j.codePath ? [j.codePath] : [])));
  return {
    readers,
    commitPaths: (commit) =>
      sources.length === 0
        ? []
        : commit.changedPaths
            .map((p) => p.path)
            .filter((p) => !jobPaths.has(p) && configKindOf(p, set.audit) === 'tracking-plan'),
    governs: (entry) => sources.length > 0 && /tracking[\s_-]?plan/i.test(entry.target.type),
    sources: (plans) =>
      sources.map((n) => ({
        id: n.id,
        depth: n.depth,
        runId: '',
        runTime: '',
        codePath: plans[0],
        fields: [],
      })),
  };
}
