/**
 * Gaps seen anywhere in the traced closure, beyond those that stop one of the card's answers: changes made through a
 * UI or API to what a traced job computes that no later deployment replaced (untracked-edits.ts), or to another
 * traced node while its traced version was active, manual identity-resolution
 * overrides touching the decision's subject, transformations whose code version is unknown, and what the
 * trace itself could not resolve.
 */
import { auditEffect, changesOperation } from '../analysis/audit-effect';
import { commitGraph, samePath } from '../analysis/commit-graph';
import { jobRepository } from '../analysis/running-code';
import type { TraceResult } from '../analysis/types';
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Decision } from '../model/records';
import type { Gap, VersionValue } from './card-types';
import { isManualIdentity, standingEdits } from './untracked-edits';

const OUTSIDE_GIT = /^(ui|api)$/i;

/** The gaps of the closure as of `t` (ms). */
export function closureGaps(
  set: EvidenceSet,
  decision: Decision,
  trace: TraceResult,
  t: number,
  /** The job the card's own version answer covers: its untracked code is reported there. */
  writerId?: string,
  /** Whether that version answer was given: it then lists the writer's edits outside Git itself. */
  versionAnswered = false,
): Gap[] {
  const gaps: Gap[] = [];
  const graph = commitGraph(set.commits, set.pullRequests);
  const nodeOf = new Map(trace.nodes.map((n) => [n.id, n] as const));
  const jobs = trace.jobs.filter((j) => !(versionAnswered && j.id === writerId));
  const ofJob = (a: AuditEntry) =>
    trace.jobs.some((j) => a.target.id === j.id || (j.codePath !== undefined && samePath(a.target.id, j.codePath)));
  for (const a of set.audit) {
    const at = Date.parse(a.timestamp);
    if (at > t || !(nodeOf.has(a.target.id) || ofJob(a))) continue;
    if (isManualIdentity(a)) {
      const text = JSON.stringify([a.before, a.after, a.extra]);
      if (decision.subjectId && !text.includes(decision.subjectId)) continue;
      gaps.push({
        gap: 'manual-identity-override',
        explanation: `${a.actor} overrode identity resolution on ${a.target.id} by hand (${a.id}, ${a.timestamp}, ${a.channel ?? 'unknown channel'})${decision.subjectId ? `, touching subject ${decision.subjectId}` : ''}.`,
      });
      continue;
    }
    // Edits of a traced job are judged below, job by job; here the other traced nodes (datasets, sources…).
    if (ofJob(a) || !a.channel || !OUTSIDE_GIT.test(a.channel) || !changesOperation(auditEffect(a))) continue;
    const node = nodeOf.get(a.target.id);
    const since = node?.validFrom ? Date.parse(node.validFrom) : -Infinity;
    if (at >= since) {
      gaps.push({
        gap: 'ui-only-change',
        explanation: `${a.target.id} was changed through the ${a.channel} by ${a.actor} (${a.id}, ${a.timestamp}) while its traced version was active: the change is in no commit.`,
      });
    }
  }
  for (const j of jobs) {
    const job = { id: j.id, codePath: j.codePath, repositoryUrl: j.repositoryUrl, codeVersion: j.codeVersion };
    const repository = j.codePath ? jobRepository(set, graph, job).repository : undefined;
    const validFrom = nodeOf.get(j.id)?.validFrom;
    const since = validFrom ? Date.parse(validFrom) : -Infinity;
    for (const a of standingEdits(set, graph, job, repository, decision.environment, t, since)) {
      gaps.push({
        gap: 'ui-only-change',
        explanation: `${a.target.id} was changed through the ${a.channel} by ${a.actor} (${a.id}, ${a.timestamp}) ${
          repository
            ? `and no later deployment replaced ${j.id}'s code`
            : `while its traced version was active (its code cannot be followed in Git)`
        }: the change is in no commit.`,
      });
    }
  }
  for (const j of trace.jobs) {
    if (!j.codePath && j.id !== writerId) {
      gaps.push({
        gap: 'untracked-transformation',
        explanation: `${j.id} names no source code location: the commit behind its run ${j.runId} is unknown.`,
      });
    }
  }
  for (const g of trace.gaps) {
    if (/^Untracked transformation/.test(g)) continue;
    gaps.push({
      gap: /Serving-layer opacity|does not record the dataset version/.test(g)
        ? 'serving-layer-opacity'
        : 'missing-record',
      explanation: g,
    });
  }
  return gaps;
}

/**
 * The gaps behind an answered version: each edit outside Git still in force (the code that ran is the commit as
 * edited), and a code path the run did not name (read from the deployments naming the job).
 */
export function versionGaps(job: string, version: VersionValue): Gap[] {
  const gaps: Gap[] = version.untrackedEdits.map((e) => ({
    gap: 'ui-only-change',
    explanation: `${e.target} was changed through the ${e.channel} by ${e.actor} (${e.auditId}, ${e.timestamp}) after ${version.commit}, the version of ${version.path} that ran, and no later deployment replaced ${job}'s code: the change is in no commit.`,
  }));
  if (version.pathSource.from === 'deployment') {
    gaps.push({
      gap: 'untracked-transformation',
      explanation: `${job} names no source code location: its runs do not say which code they executed; ${version.path} in ${version.repository ?? 'its repository'} is the file that ${version.pathSource.deployments.join(', ')} (component ${job}) shipped.`,
    });
  }
  return gaps;
}
