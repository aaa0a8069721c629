/**
 * When a change of a job reached the data: the first run of the job that started at or after the change and
 * completed writing a traced dataset, at its completion (a run runs the code it started with: a deployment made
 * while a run was under way reaches the data with the next one; a run known only by its completion is taken to start
 * then). A failed run wrote nothing, and a run in another environment (staging shares the job's name but
 * writes its own datasets) wrote data no decision read. A job none of whose runs wrote a traced dataset falls back to
 * its completed runs. The same rule serves a cause (when its data was first written) and a fix (when good data was
 * written again).
 */
import { lineageModel } from '../lineage/lineage-model';
import type { EvidenceSet } from '../model/evidence-set';
import { firstAtOrAfter } from '../time/sorted-search';
import type { TraceResult } from './types';

/** `reach(jobId, t)`: the time of the first such run at or after `t` (ms), where the evidence has one. */
export type JobReach = (jobId: string, t: number) => number | undefined;

export function jobReach(set: EvidenceSet, trace: TraceResult): JobReach {
  const traced = new Set(trace.nodes.map((n) => n.id));
  const writing = new Map<string, ReadonlyArray<{ readonly timeMs: number; readonly startMs: number }>>();
  const writingRuns = (jobId: string) => {
    let runs = writing.get(jobId);
    if (!runs) {
      const all = lineageModel(set).runsOfJob(jobId);
      const wrote = all.filter((r) => r.state !== 'FAIL' && r.state !== 'ABORT');
      const intoTrace = wrote.filter((r) => r.outputs.some((o) => traced.has(`${o.namespace}:${o.name}`)));
      runs = intoTrace.length > 0 ? intoTrace : wrote;
      writing.set(jobId, runs);
    }
    return runs;
  };
  return (jobId, t) => {
    const runs = writingRuns(jobId);
    // Runs are in order of completion; one that completed after `t` may have started before it.
    for (let i = firstAtOrAfter(runs.length, t, (k) => (runs[k] as { timeMs: number }).timeMs); i < runs.length; i++) {
      const run = runs[i] as { timeMs: number; startMs: number };
      if (!(run.startMs < t)) return run.timeMs;
    }
    return undefined;
  };
}
