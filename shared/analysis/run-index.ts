import type { LineageRunEvent, Provenance, RunDataset, SourceCodeLocation } from '../model/records';

/** One run, its events merged: OpenLineage spreads a run's facets over START, RUNNING and COMPLETE. */
export interface MergedRun {
  readonly runId: string;
  readonly job: string;
  /** The time the run finished (COMPLETE/FAIL/ABORT), else its latest event. */
  readonly time: string;
  /** `time` in milliseconds since the epoch (parsed once). */
  readonly timeMs: number;
  /**
   * When the run began: its earliest event (its START event where there is one), in milliseconds. A run runs the
   * code it started with: a deployment made while it ran reaches the data with the next run.
   */
  readonly startMs: number;
  readonly state: string;
  readonly inputs: ReadonlyArray<RunDataset>;
  readonly outputs: ReadonlyArray<RunDataset>;
  readonly sourceCodeLocation?: SourceCodeLocation;
  readonly code?: LineageRunEvent['code'];
  /** The job facets of its events, merged (dbt_node, sql, documentation…). */
  readonly jobFacets?: Readonly<Record<string, unknown>>;
  /** The event that established the run's outputs (its COMPLETE event where there is one). */
  readonly evidence: Provenance;
  /** Its run id is a template placeholder, not an id (LineageRunEvent.placeholderRunId): it names no version. */
  readonly placeholderRunId?: true;
}

export interface RunIndex {
  readonly runs: ReadonlyArray<MergedRun>;
  /** Runs that wrote a dataset (`namespace:name`), oldest first. */
  writersOf(datasetId: string): ReadonlyArray<MergedRun>;
  /** The run that wrote this dataset version (the `version` facet's datasetVersion, or the run id). */
  runForVersion(datasetId: string, version: string): MergedRun | undefined;
}

const TERMINAL = new Set(['COMPLETE', 'FAIL', 'ABORT']);

/** `namespace:name`, as OpenLineage names datasets and jobs. */
export const nodeId = (ref: { readonly namespace: string; readonly name: string }): string =>
  `${ref.namespace}:${ref.name}`;

function mergeDatasets(a: ReadonlyArray<RunDataset>, b: ReadonlyArray<RunDataset>): RunDataset[] {
  const byId = new Map<string, RunDataset>();
  for (const d of [...a, ...b]) {
    const prev = byId.get(nodeId(d));
    byId.set(nodeId(d), prev ? { ...prev, ...d, facets: { ...prev.facets, ...d.facets } } : d);
  }
  return [...byId.values()];
}

const cache = new WeakMap<ReadonlyArray<LineageRunEvent>, RunIndex>();

/**
 * Merges run events by job and run id and indexes the runs by the datasets they wrote. Cached per event list.
 * The job is part of the key because some producers emit one run id for every job of an invocation (dbt's
 * integration tests template it as `{{ any(result) }}`): merging those would mix different jobs into one run.
 */
export function runIndex(events: ReadonlyArray<LineageRunEvent>): RunIndex {
  const cached = cache.get(events);
  if (cached) return cached;
  const byRun = new Map<string, MergedRun>();
  for (const e of events) {
    const key = `${nodeId(e.job)}\u0000${e.runId}`;
    const prev = byRun.get(key);
    // A run's time and state are those of its terminal event; before one arrives, of its latest event.
    const keepPrev =
      prev !== undefined &&
      !TERMINAL.has(e.eventType) &&
      (TERMINAL.has(prev.state) || prev.timeMs > Date.parse(e.eventTime));
    const time = keepPrev ? prev.time : e.eventTime;
    const at = Date.parse(e.eventTime);
    byRun.set(key, {
      runId: e.runId,
      job: nodeId(e.job),
      time,
      timeMs: keepPrev ? prev.timeMs : Date.parse(time),
      startMs: prev && !(at < prev.startMs) ? prev.startMs : at,
      state: keepPrev ? prev.state : e.eventType,
      inputs: mergeDatasets(prev?.inputs ?? [], e.inputs),
      outputs: mergeDatasets(prev?.outputs ?? [], e.outputs),
      sourceCodeLocation: e.sourceCodeLocation ?? prev?.sourceCodeLocation,
      code: e.code ?? prev?.code,
      jobFacets: prev?.jobFacets || e.jobFacets ? { ...prev?.jobFacets, ...e.jobFacets } : undefined,
      evidence: prev && keepPrev && e.outputs.length === 0 ? prev.evidence : e.provenance,
      ...((e.placeholderRunId || prev?.placeholderRunId) && { placeholderRunId: true as const }),
    });
  }
  const runs = [...byRun.values()].sort((a, b) => a.timeMs - b.timeMs);
  const writers = new Map<string, MergedRun[]>();
  const versions = new Map<string, MergedRun>();
  for (const run of runs) {
    if (run.state === 'FAIL' || run.state === 'ABORT') continue;
    for (const out of run.outputs) {
      const id = nodeId(out);
      const list = writers.get(id);
      if (list) list.push(run);
      else writers.set(id, [run]);
      if (out.version) versions.set(`${id}@${out.version}`, run);
      if (!run.placeholderRunId) versions.set(`${id}@${run.runId}`, run);
    }
  }
  const index: RunIndex = {
    runs,
    writersOf: (id) => writers.get(id) ?? [],
    runForVersion: (id, version) => versions.get(`${id}@${version}`),
  };
  cache.set(events, index);
  return index;
}

/** The latest run that wrote the dataset at or before `asOf` (ms), or undefined. */
export function writerAsOf(index: RunIndex, datasetId: string, asOf: number): MergedRun | undefined {
  const writers = index.writersOf(datasetId);
  let lo = 0;
  let hi = writers.length - 1;
  let found: MergedRun | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = writers[mid] as MergedRun;
    if (w.timeMs <= asOf) {
      found = w;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
