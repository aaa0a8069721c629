/**
 * The replay plan of a confirmed cause: re-run the jobs from the changed one down to the feature's dataset over the
 * window the bad version was in effect, reading the trace's source datasets, in the runs' original order — and the
 * hazard: every dataset the replay rewrites (and everything downstream of them) that received newer writes after the
 * window would be overwritten by replayed older data.
 */
import { countOf } from '../model/count-words';
import { lineageModel } from '../lineage/lineage-model';
import type { EvidenceSet } from '../model/evidence-set';
import type { ReplayHazard, ReplayPlan, Suspect } from './engine-types';
import type { TraceResult } from './types';

const RUN_LIST_LIMIT = 200;

/** The replay plan for one cause over `[from, to]` (from: the cause's effective time; to: the last affected decision). */
export function planReplay(
  set: EvidenceSet,
  trace: TraceResult,
  cause: Pick<Suspect, 'touches' | 'effectiveTime'>,
  to: string,
): ReplayPlan {
  const model = lineageModel(set);
  const from = Date.parse(cause.effectiveTime);
  const end = Math.max(from, Date.parse(to));
  const depthOf = (id: string) => {
    const job = trace.jobs.find((j) => j.id === id);
    if (job) return job.depth;
    const node = trace.nodes.find((n) => n.id === id);
    return node ? node.depth + 1 : Math.min(...trace.jobs.map((j) => j.depth));
  };
  const changedDepth = Math.max(...cause.touches.map(depthOf), 0);
  const jobs = trace.jobs
    .filter((j) => j.depth <= changedDepth)
    .sort((a, b) => b.depth - a.depth || a.id.localeCompare(b.id))
    .map((j) => j.id);
  const runs = jobs
    .flatMap((job) => model.runsOfJob(job).filter((r) => r.timeMs >= from && r.timeMs <= end))
    .sort((a, b) => a.timeMs - b.timeMs || a.runId.localeCompare(b.runId));
  // The datasets the replay rewrites, and every dataset written from them since the window began (dataset level).
  const rewritten = new Set<string>();
  const queue: string[] = [];
  const add = (id: string) => {
    if (rewritten.has(id)) return;
    rewritten.add(id);
    queue.push(id);
  };
  for (const job of jobs) for (const e of trace.edges) if (e.kind === 'produced' && e.source === job) add(e.target);
  for (let head = 0; head < queue.length; head++) {
    const readers = new Set<string>();
    for (const read of model.readsOf(queue[head] as string)) {
      if (read.run.timeMs < from || readers.has(read.run.job)) continue;
      readers.add(read.run.job);
      for (const out of read.run.outputs) add(`${out.namespace}:${out.name}`);
    }
  }
  const hazards: ReplayHazard[] = [];
  for (const id of [...rewritten].sort()) {
    const newer = model.versionsOf(id).filter((v) => v.from > end);
    if (newer.length === 0) continue;
    const last = new Date(newer[newer.length - 1]!.from).toISOString();
    hazards.push({
      dataset: id,
      lastWrite: last,
      writes: newer.length,
      text: `${id} received ${countOf(newer.length, 'newer write')} after ${new Date(end).toISOString()} (last ${last}): replaying the window in place would overwrite them with older data; replay into a new version, or replay through to the present.`,
    });
  }
  return {
    window: { from: new Date(from).toISOString(), to: new Date(end).toISOString() },
    sources: trace.nodes.filter((n) => n.kind === 'source').map((n) => n.id),
    jobs,
    runs: runs.slice(0, RUN_LIST_LIMIT).map((r) => ({ job: r.job, runId: r.runId, time: r.time })),
    runCount: runs.length,
    order:
      'the source events in their original event-time order; each run after the runs upstream of it (upstream jobs first)',
    hazards,
  };
}
