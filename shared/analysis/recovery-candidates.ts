/**
 * The later changes that could have removed a cause, each at the time it reached the data: deployments that changed
 * the code of a job the cause touched (for a job whose code path is unknown, any later deployment of its repository
 * that is not another job's), deployments that changed the files the cause changed (a tracking plan, a config),
 * later edits of the same audit target, and later writes of a dataset whose schema changed. The outcome rates decide
 * which of them, if any, was the recovery (recovery.ts).
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { Deployment } from '../model/records';
import { commitGraph, type CommitGraph } from './commit-graph';
import { coversComponent, succeeded } from './deployments';
import type { Suspect } from './engine-types';
import { restores } from './audit-effect';
import { jobReach } from './job-reach';
import type { RecoveryCandidate } from './recovery';
import { jobRepository, pathVersionAt, repositoryName } from './running-code';
import type { TraceResult } from './types';

type Found = Omit<RecoveryCandidate, 'effective'>;

const deployed = (d: Deployment): Found => ({
  time: Date.parse(d.timestamp),
  changeId: d.id,
  note: `${d.id} deployed ${d.commit.slice(0, 12)} to ${d.environment}`,
});

/** The imported repository a cause's code lives in: the commit's, or that of the commit a deployment shipped. */
function causeRepository(set: EvidenceSet, graph: CommitGraph, cause: Suspect): string | undefined {
  if (cause.repository) return cause.repository;
  const d = cause.kind === 'deployment' ? set.deployments.find((x) => x.id === cause.id) : undefined;
  return d ? graph.bySha.get(graph.resolve(d.commit) ?? d.commit)?.repository : undefined;
}

/** Whether a deployment deploys the imported repository (by its `repository` field, else by its commit). */
function deploysRepository(graph: CommitGraph, d: Deployment, repository: string | undefined): boolean {
  if (repository === undefined) return false;
  return d.repository !== undefined
    ? repositoryName(d.repository) === repositoryName(repository)
    : graph.bySha.get(graph.resolve(d.commit) ?? d.commit)?.repository === repository;
}

/** Successful deployments to the environment (all where none is known), oldest first. */
function deploymentsTo(set: EvidenceSet, environment: string | undefined): Deployment[] {
  const env = environment?.toLowerCase();
  return set.deployments
    .filter((d) => succeeded(d) && (!env || d.environment.toLowerCase() === env))
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}

/** Deployments after `from` whose `state` (the version of what the cause changed) differs from the one before. */
function changingDeployments(
  deployments: ReadonlyArray<Deployment>,
  from: number,
  causeId: string,
  state: (d: Deployment) => string | undefined,
): Found[] {
  const out: Found[] = [];
  let current: string | undefined;
  for (const d of deployments) {
    const version = state(d);
    if (Date.parse(d.timestamp) > from && version !== current && d.id !== causeId) out.push(deployed(d));
    current = version;
  }
  return out;
}

export function recoveryCandidates(
  set: EvidenceSet,
  cause: Suspect,
  trace: TraceResult,
  environment: string | undefined,
  from: number,
): RecoveryCandidate[] {
  const graph = commitGraph(set.commits, set.pullRequests);
  const found = new Map<string, Found>();
  const add = (f: Found) => {
    if (!found.has(f.changeId)) found.set(f.changeId, f);
  };
  const deployments = deploymentsTo(set, environment);
  const touchedJobs = trace.jobs.filter((j) => cause.touches.includes(j.id));
  const ownRepository = causeRepository(set, graph, cause);
  for (const job of touchedJobs) {
    const repository = jobRepository(set, graph, job).repository ?? ownRepository;
    const others = trace.jobs.filter((o) => o.id !== job.id);
    const ofOtherJob = (d: Deployment) => d.component !== undefined && others.some((o) => coversComponent(d, o));
    const covers = (d: Deployment) =>
      job.codePath
        ? coversComponent(d, job)
        : d.component === job.id || (deploysRepository(graph, d, repository) && !ofOtherJob(d));
    const versionIn = (d: Deployment) => {
      const full = graph.resolve(d.commit);
      return full && repository && job.codePath ? pathVersionAt(set, graph, repository, job.codePath, full)?.sha : full;
    };
    for (const f of changingDeployments(deployments.filter(covers), from, cause.id, versionIn)) add(f);
  }
  // The files the cause changed (a tracking plan, a configuration), deployed again in another version.
  if ((cause.kind === 'commit' || cause.kind === 'deployment') && ownRepository && cause.paths.length > 0) {
    const state = (d: Deployment) => {
      const full = graph.resolve(d.commit);
      return full
        ? cause.paths.map((p) => pathVersionAt(set, graph, ownRepository, p, full)?.sha).join(' ')
        : undefined;
    };
    const ofRepository = deployments.filter(
      (d) =>
        deploysRepository(graph, d, ownRepository) &&
        (d.component === undefined || cause.paths.some((p) => coversComponent(d, { id: '', codePath: p }))),
    );
    for (const f of changingDeployments(ofRepository, from, cause.id, state)) add(f);
  }
  const env = environment?.toLowerCase();
  const entry = cause.kind === 'audit' ? set.audit.find((x) => x.id === cause.id) : undefined;
  const target = entry?.target.id;
  for (const a of set.audit) {
    const t = Date.parse(a.timestamp);
    if (t <= from || a.id === cause.id) continue;
    if (env && a.environment && a.environment.toLowerCase() !== env) continue;
    if (a.target.id === target || cause.touches.includes(a.target.id))
      add({
        time: t,
        changeId: a.id,
        note: `${a.id}: ${a.action} ${a.target.name ?? a.target.id} by ${a.actor}`,
        restores: entry !== undefined && a.target.id === target && restores(entry, a),
      });
  }
  if (cause.kind === 'schema') {
    const dataset = cause.touches[0] as string;
    for (const r of set.runs) {
      const t = Date.parse(r.eventTime);
      if (t <= from || !r.outputs.some((o) => `${o.namespace}:${o.name}` === dataset && o.fields)) continue;
      add({ time: t, changeId: `${dataset}@${r.runId}`, note: `run ${r.runId} wrote ${dataset} again` });
    }
    return [...found.values()].map((c) => ({ ...c, effective: c.time })).sort((a, b) => a.time - b.time);
  }
  // A fix reaches the data as the cause did: at the first run after it of a job it touched, else of a job reading a
  // dataset it touched (a tracking plan's events); a fix no such run followed is not in the data yet.
  const readers = trace.edges
    .filter((e) => e.kind === 'input-of' && cause.touches.includes(e.source))
    .map((e) => e.target)
    .filter((id) => trace.jobs.some((j) => j.id === id));
  const reachJobs = touchedJobs.length > 0 ? touchedJobs.map((j) => j.id) : [...new Set(readers)];
  const reach = jobReach(set, trace);
  const out: RecoveryCandidate[] = [];
  for (const c of found.values()) {
    if (reachJobs.length === 0) {
      out.push({ ...c, effective: c.time });
      continue;
    }
    const times = reachJobs.map((j) => reach(j, c.time)).filter((t): t is number => t !== undefined);
    if (times.length > 0) out.push({ ...c, effective: c.time, time: Math.min(...times) });
  }
  return out.sort((a, b) => a.time - b.time);
}
