import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit } from '../model/records';
import { DAY_MS } from '../time/format-time';
import { distanceTerm, kindTerm, timingTerm, weigh } from './change-score';
import { commitGraph, samePath, type CommitGraph } from './commit-graph';
import { deploymentsShipping, firstDeploymentTo } from './deployments';
import type { Change, ChangesResult, ScopeResult, TraceResult, TracedJob } from './types';

export interface ChangesOptions {
  /** How far before the onset to look for changes (default 30 days). */
  readonly lookbackDays?: number;
}

/**
 * Every change that touched the traced upstream closure in the look-back window before the onset (the first
 * decision that used the suspect version): Git commits to the code paths of traced jobs, and audit-log entries
 * on traced nodes or their configuration paths. Ranked by the suspect score, highest first.
 */
export function findChanges(
  set: EvidenceSet,
  trace: TraceResult,
  scope: ScopeResult,
  options: ChangesOptions = {},
): ChangesResult {
  const lookbackMs = (options.lookbackDays ?? 30) * DAY_MS;
  const decision = set.decisions.find((d) => d.decisionId === trace.decisionId);
  const onsetTime = scope.first ?? trace.asOf;
  const onset = Date.parse(onsetTime);
  const window = { from: new Date(onset - lookbackMs).toISOString(), to: new Date(onset).toISOString() };
  const firstId = scope.decisionIds[0] ?? trace.decisionId;
  const gaps: string[] = [];
  const jobs = trace.jobs;
  const nearest = Math.min(...jobs.map((j) => j.depth));
  for (const j of jobs) {
    if (!j.codePath)
      gaps.push(`Untracked transformation: ${j.id} has no source code location; its commits cannot be found.`);
  }
  if (set.commits.length === 0) gaps.push('No Git history is imported: commits cannot be searched.');
  const graph = commitGraph(set.commits, set.pullRequests);
  const changes: Change[] = [];
  const inWindow = (t: string) => Date.parse(t) >= onset - lookbackMs && Date.parse(t) <= onset;

  for (const commit of set.commits) {
    if (commit.parents.length > 1 || !inWindow(commit.committerDate)) continue;
    const touched = jobs.filter(
      (j) => j.codePath && commit.changedPaths.some((p) => samePath(p.path, j.codePath as string)),
    );
    if (touched.length === 0) continue;
    changes.push(
      scoreCommit(commit, touched, { set, graph, onset, lookbackMs, nearest, environment: decision?.environment }),
    );
  }
  const nodeIds = new Set(trace.nodes.map((n) => n.id));
  for (const entry of set.audit) {
    if (!inWindow(entry.timestamp)) continue;
    const job = jobs.find((j) => j.id === entry.target.id || (j.codePath && samePath(entry.target.id, j.codePath)));
    if (!job && !nodeIds.has(entry.target.id)) continue;
    changes.push(scoreAudit(entry, job, trace, { onset, lookbackMs, nearest }));
  }
  changes.sort(
    (a, b) => b.score - a.score || Date.parse(b.timestamp) - Date.parse(a.timestamp) || a.id.localeCompare(b.id),
  );
  return { firstWrong: { decisionId: firstId, timestamp: onsetTime }, window, changes, gaps };
}

interface CommitContext {
  readonly set: EvidenceSet;
  readonly graph: CommitGraph;
  readonly onset: number;
  readonly lookbackMs: number;
  readonly nearest: number;
  readonly environment?: string;
}

function scoreCommit(commit: Commit, touched: ReadonlyArray<TracedJob>, ctx: CommitContext): Change {
  const paths = commit.changedPaths
    .map((p) => p.path)
    .filter((p) => touched.some((j) => samePath(p, j.codePath as string)));
  const shipped = firstDeploymentTo(ctx.environment, deploymentsShipping(commit.sha, ctx.set.deployments, ctx.graph));
  const effective = shipped ? Date.parse(shipped.timestamp) : Date.parse(commit.committerDate);
  const depth = Math.min(...touched.map((j) => j.depth));
  const ran = touched.filter((j) => j.codeVersion && ctx.graph.bySha.has(ctx.graph.resolve(j.codeVersion) ?? ''));
  const inRunning = ran.some((j) =>
    ctx.graph.isAncestor(commit.sha, ctx.graph.resolve(j.codeVersion as string) as string),
  );
  const pr = ctx.graph.pullRequestOf(commit.sha);
  const { score, reasons } = weigh({
    timing: {
      value: timingTerm(effective, ctx.onset, ctx.lookbackMs),
      note: shipped
        ? `deployed to ${shipped.environment} at ${shipped.timestamp} (${shipped.id})`
        : `committed at ${commit.committerDate}; no deployment record ships it`,
    },
    distance: {
      value: distanceTerm(depth, ctx.nearest),
      note: `changes ${touched.map((j) => j.id).join(', ')}`,
    },
    kind: { value: kindTerm(paths), note: `paths ${paths.join(', ')}` },
    'in running version': {
      value: ran.length === 0 ? 0.5 : inRunning ? 1 : 0,
      note:
        ran.length === 0
          ? 'the runs do not name a known commit'
          : inRunning
            ? 'contained in the code version the runs executed'
            : 'not in the code version the runs executed',
    },
    'outside workflow': {
      value: pr || ctx.set.pullRequests.length === 0 ? 0 : 1,
      note: pr ? `arrived through pull request #${pr.number}` : 'no pull request brought it',
    },
  });
  return {
    id: commit.sha,
    kind: 'commit',
    timestamp: commit.committerDate,
    actor: commit.authorName,
    summary: commit.subject,
    touches: touched.map((j) => j.id),
    paths,
    score,
    reasons,
    evidence: commit.provenance,
    repository: commit.repository,
  };
}

function scoreAudit(
  entry: AuditEntry,
  job: TracedJob | undefined,
  trace: TraceResult,
  ctx: Pick<CommitContext, 'onset' | 'lookbackMs' | 'nearest'>,
): Change {
  const node = trace.nodes.find((n) => n.id === entry.target.id);
  const depth = job?.depth ?? node?.depth ?? ctx.nearest;
  const outside = entry.channel === 'ui' || entry.channel === 'api';
  const { score, reasons } = weigh({
    timing: {
      value: timingTerm(Date.parse(entry.timestamp), ctx.onset, ctx.lookbackMs),
      note: `at ${entry.timestamp}`,
    },
    distance: { value: distanceTerm(Math.max(depth, ctx.nearest), ctx.nearest), note: `changes ${entry.target.id}` },
    kind: { value: kindTerm([entry.target.id]), note: `${entry.target.type} ${entry.action}` },
    'in running version': { value: 1, note: 'a configuration change applies from the moment it is made' },
    'outside workflow': {
      value: outside ? 1 : 0,
      note: outside
        ? `made through the ${entry.channel} channel, outside version control`
        : `channel ${entry.channel ?? 'unknown'}`,
    },
  });
  return {
    id: entry.id,
    kind: 'audit',
    timestamp: entry.timestamp,
    actor: entry.actor,
    summary: `${entry.action} ${entry.target.name ?? entry.target.id}`,
    touches: [job?.id ?? entry.target.id],
    paths: [],
    score,
    reasons,
    evidence: entry.provenance,
  };
}
