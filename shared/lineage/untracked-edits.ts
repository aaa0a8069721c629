/**
 * Changes to a job made outside Git that were still in force at a moment: UI or API edits of the transformation
 * (by its `namespace:name` or its code path) that changed what it computes, made in the environment (or in none
 * named), at or before the moment, that no later deployment replaced.
 *
 * Reads (viewing, exporting) and edits of descriptive metadata only (owner, description, tags) change nothing the
 * job computes and are not counted. An edit is replaced by a later successful deployment to the environment that
 * covers the job and changed its code (its path's job version differs from the one running when the edit was made;
 * a deployment that left the path as it was does not replace it). Without deployment records, a later commit to the
 * path in the history that ran replaces it. Where the job's code path or repository is unknown, nothing says the
 * edit was replaced, so every edit since `since` stands.
 */
import { auditEffect, changesOperation } from '../analysis/audit-effect';
import { samePath, type CommitGraph } from '../analysis/commit-graph';
import { coversComponent, succeeded } from '../analysis/deployments';
import { pathVersionAt, runningCode, type CodeJob } from '../analysis/running-code';
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry } from '../model/records';

const OUTSIDE_GIT = /^(ui|api)$/i;
const MANUAL_IDENTITY = /identity[_.-]?merge|manual[_.-]?merge|identity.*override/i;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether an audit entry records a manual identity-resolution override (a merge of profiles by hand). */
export const isManualIdentity = (a: AuditEntry): boolean =>
  MANUAL_IDENTITY.test(a.target.type) || MANUAL_IDENTITY.test(a.action);

/** Whether an audit entry is an edit outside Git of what the job computes (not a manual identity override). */
export function editsJob(a: AuditEntry, job: Pick<CodeJob, 'id' | 'codePath'>): boolean {
  if (!a.channel || !OUTSIDE_GIT.test(a.channel) || !changesOperation(auditEffect(a)) || isManualIdentity(a))
    return false;
  return a.target.id === job.id || (job.codePath !== undefined && samePath(a.target.id, job.codePath));
}

/** The edits outside Git of `job` in force in `environment` at `t` (ms), oldest first; see the module comment. */
export function standingEdits(
  set: EvidenceSet,
  graph: CommitGraph,
  job: CodeJob,
  repository: string | undefined,
  environment: string | undefined,
  t: number,
  /** Where the code cannot be followed: edits before this moment (ms) are taken as replaced. */
  since = -Infinity,
): AuditEntry[] {
  const edits = set.audit.filter(
    (a) =>
      editsJob(a, job) &&
      Date.parse(a.timestamp) <= t &&
      !(environment && a.environment && !same(a.environment, environment)),
  );
  if (edits.length === 0) return [];
  const codePath = job.codePath;
  if (codePath === undefined || repository === undefined) return edits.filter((a) => Date.parse(a.timestamp) >= since);
  const deployments = set.deployments.filter((d) => {
    const when = Date.parse(d.timestamp);
    if (when > t || !succeeded(d) || !coversComponent(d, job)) return false;
    if (environment && !same(d.environment, environment)) return false;
    const deployed = graph.resolve(d.commit);
    return deployed !== undefined && graph.bySha.get(deployed)?.repository === repository;
  });
  if (deployments.length === 0) {
    const version = runningCode(set, graph, job, repository, environment, t)?.version;
    const changed = version ? Date.parse(version.committerDate) : -Infinity;
    return edits.filter((a) => Date.parse(a.timestamp) > changed);
  }
  const versionAt = (when: number) => runningCode(set, graph, job, repository, environment, when)?.version?.sha;
  return edits.filter((a) => {
    const at = Date.parse(a.timestamp);
    const before = versionAt(at);
    return !deployments.some((d) => {
      if (Date.parse(d.timestamp) <= at) return false;
      const version = pathVersionAt(set, graph, repository, codePath, graph.resolve(d.commit) as string)?.sha;
      return version !== undefined && version !== before;
    });
  });
}
