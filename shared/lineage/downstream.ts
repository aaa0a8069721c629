/**
 * `downstream`: what consumed a dataset (or one version of it, or a job's output) within a time window —
 * the runs that read it and the datasets they wrote, transitively, and the decisions that read any of those,
 * with their features and models — each with counts.
 */
import type { MergedRun } from '../analysis/run-index';
import type { LineageModel } from './lineage-model';
import { windowRange } from './timeline';
import type { Window } from './types';

export interface DownstreamQuery {
  /** A dataset or job id (`namespace:name`). */
  readonly node: string;
  /** Only this version: a dataset version name, or a job version (commit, code hash). */
  readonly version?: string;
  readonly window: Window;
}

export interface Counted {
  readonly id: string;
  readonly count: number;
}

export interface DownstreamResult {
  /** Datasets written from it in the window, with how many of their versions. */
  readonly datasets: ReadonlyArray<Counted>;
  /** Jobs whose runs consumed it, with how many runs. */
  readonly jobs: ReadonlyArray<Counted>;
  /** Features read from it, with how many decisions read each. */
  readonly features: ReadonlyArray<Counted>;
  /** Models that decided on it, with how many decisions each. */
  readonly models: ReadonlyArray<Counted>;
  /** Decisions that consumed it, in time order. */
  readonly decisionIds: ReadonlyArray<string>;
}

interface Item {
  readonly datasetId: string;
  /** The dataset version consumed; undefined = any version. */
  readonly version?: string;
}

const tally = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sorted = (m: Map<string, number>): Counted[] =>
  [...m].map(([id, count]) => ({ id, count })).sort((a, b) => a.id.localeCompare(b.id));

/** Everything downstream of the node (or node version) that consumed it within `[window.from, window.to]`. */
export function downstream(model: LineageModel, query: DownstreamQuery): DownstreamResult {
  const { from, to } = query.window;
  const datasets = new Map<string, Set<string>>();
  const jobs = new Map<string, Set<MergedRun>>();
  const features = new Map<string, number>();
  const models = new Map<string, number>();
  const decisions = new Map<string, number>();
  const queue: Item[] = [];
  const seen = new Set<string>();
  const push = (item: Item) => {
    const key = `${item.datasetId}@${item.version ?? '*'}`;
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(item);
  };
  const consumeRun = (run: MergedRun) => {
    const set = jobs.get(run.job) ?? new Set<MergedRun>();
    jobs.set(run.job, set.add(run));
    if (run.state === 'FAIL' || run.state === 'ABORT') return;
    for (const out of run.outputs) {
      const id = `${out.namespace}:${out.name}`;
      const written = model.versionNamed(id, run.runId);
      if (!written) continue;
      const versions = datasets.get(id) ?? new Set<string>();
      datasets.set(id, versions.add(written.version));
      push({ datasetId: id, version: written.version });
    }
  };

  const runs = model.runsOfJob(query.node);
  if (runs.length > 0 && model.versionsOf(query.node).length === 0) {
    for (const run of runs) {
      if (run.timeMs < from || run.timeMs > to) continue;
      if (query.version === undefined || model.jobVersionOfRun(run).version === query.version) consumeRun(run);
    }
  } else push({ datasetId: query.node, version: query.version });

  for (let head = 0; head < queue.length; head++) {
    const { datasetId, version } = queue[head] as Item;
    // A recorded version no run wrote resolves like the trace does: to the version active at that moment.
    const resolve = (recorded: string | undefined, t: number) =>
      (recorded !== undefined ? model.versionNamed(datasetId, recorded)?.version : undefined) ??
      model.versionAt(datasetId, t)?.version ??
      recorded;
    for (const read of model.readsOf(datasetId)) {
      if (read.run.timeMs < from || read.run.timeMs > to) continue;
      if (version === undefined || resolve(read.version, read.run.timeMs) === version) consumeRun(read.run);
    }
    const reads = model.decisionReadsOf(datasetId);
    const { start, end } = windowRange(reads.times, from, to);
    for (let i = start; i < end; i++) {
      const feature = reads.features[i] as (typeof reads.features)[number];
      if (version !== undefined && resolve(feature.datasetVersion, reads.times[i] as number) !== version) continue;
      const decision = reads.decisions[i] as (typeof reads.decisions)[number];
      decisions.set(decision.decisionId, reads.times[i] as number);
      tally(features, feature.name);
      tally(models, decision.model.name);
    }
  }
  const countSets = <T>(m: Map<string, Set<T>>) => sorted(new Map([...m].map(([k, v]) => [k, v.size])));
  return {
    datasets: countSets(datasets),
    jobs: countSets(jobs),
    features: sorted(features),
    models: sorted(models),
    decisionIds: [...decisions].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id),
  };
}
