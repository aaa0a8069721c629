/**
 * When a change reached the data the decisions read: a change of a job reaches that job's outputs with its first run
 * that started after the change (job-reach.ts); a change of a dataset (a new schema a connector delivered) is in that
 * dataset at once. From there it travels downstream run by run: a job that reads a reached dataset carries the change
 * into its own outputs with its first run that started after the dataset was reached, and so on until the dataset the
 * decision's feature is read from. A downstream run that failed carried nothing (job-reach counts only runs that
 * wrote), so the next one does; a traced job with no run in the evidence is passed through at once (its schedule is
 * not known). The write times of the feature's dataset are what the change-point interval is made of, so the time
 * found here is comparable with it.
 */
import type { JobReach } from './job-reach';
import type { TraceResult } from './types';

/**
 * `reach(from, t)`: the first time the feature's dataset held data reflecting a change made at `t` (ms) to the given
 * traced jobs or datasets (the earliest of them); undefined when no chain of runs carried it there before the
 * evidence ends.
 */
export type FeatureReach = (from: ReadonlyArray<string>, t: number) => number | undefined;

export function featureReach(trace: TraceResult, jobReach: JobReach): FeatureReach {
  const readers = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (!list) m.set(k, [v]);
    else if (!list.includes(v)) list.push(v);
  };
  const features = new Set<string>();
  for (const e of trace.edges) {
    if (e.kind === 'input-of') add(readers, e.source, e.target);
    else if (e.kind === 'produced') add(outputs, e.source, e.target);
    else if (e.kind === 'read' && e.target.startsWith('feature:')) features.add(e.source);
  }
  const jobs = new Set(trace.jobs.map((j) => j.id));
  const hasRuns = new Map<string, boolean>();
  const runsAtAll = (job: string) => {
    let known = hasRuns.get(job);
    if (known === undefined) hasRuns.set(job, (known = jobReach(job, -Infinity) !== undefined));
    return known;
  };
  /** When a job carries into its outputs what reached its inputs (or itself) at `t`. */
  const carried = (job: string, t: number) => (runsAtAll(job) ? jobReach(job, t) : t);
  return (from, t) => {
    // Earliest arrival per dataset; the traced closure is small, so a work list is enough.
    const arrival = new Map<string, number>();
    const todo: string[] = [];
    const arrive = (dataset: string, at: number) => {
      const was = arrival.get(dataset);
      if (was !== undefined && was <= at) return;
      arrival.set(dataset, at);
      todo.push(dataset);
    };
    const leave = (job: string, at: number) => {
      const out = carried(job, at);
      if (out !== undefined) for (const d of outputs.get(job) ?? []) arrive(d, out);
    };
    for (const id of from) {
      if (jobs.has(id)) leave(id, t);
      else arrive(id, t);
    }
    while (todo.length > 0) {
      const dataset = todo.pop() as string;
      const at = arrival.get(dataset) as number;
      for (const job of readers.get(dataset) ?? []) leave(job, at);
    }
    let first: number | undefined;
    for (const d of features) {
      const at = arrival.get(d);
      if (at !== undefined && (first === undefined || at < first)) first = at;
    }
    return first;
  };
}
