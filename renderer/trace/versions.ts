/**
 * A node's versions in the evidence, on a timeline: every version a dataset was written at, every code version a
 * job ran (named as the lineage model names them), every version a feature was served at; with the one active at
 * the chosen moment marked. And the node's facets as received, for the side panel.
 */
import { nodeId, type MergedRun } from '../../shared/analysis/run-index';
import type { TraceNode } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Provenance } from '../../shared/model/records';
import { type LineageIndex, successfulRunsOf } from './lineage-index';

export interface VersionEntry {
  readonly version: string;
  /** When it first appeared in the evidence. */
  readonly from: string;
  /** When it was last seen (its last run, its last decision). */
  readonly to: string;
  /** How many runs (or decisions) carry it. */
  readonly count: number;
  readonly evidence: Provenance;
  /** The version in force at the chosen moment. */
  readonly active: boolean;
}

/** The `from` of a version declared in a file (static lineage), not observed in a run. */
export const DECLARED = '';

type Sighting = { readonly version: string; readonly time: string; readonly evidence: Provenance };

/** Consecutive sightings of the same version become one entry; the active one is the last seen by `asOf`. */
function toTimeline(sightings: ReadonlyArray<Sighting>, asOf: number): VersionEntry[] {
  const entries: Omit<VersionEntry, 'active'>[] = [];
  for (const s of sightings) {
    const last = entries[entries.length - 1];
    if (last && last.version === s.version)
      entries[entries.length - 1] = { ...last, to: s.time, count: last.count + 1 };
    else entries.push({ version: s.version, from: s.time, to: s.time, count: 1, evidence: s.evidence });
  }
  let active = -1;
  entries.forEach((e, i) => {
    // A declared version (static lineage: no run, no time) holds from the start until the first observed one.
    if ((e.from === DECLARED ? -Infinity : Date.parse(e.from)) <= asOf) active = i;
  });
  return entries.map((e, i) => ({ ...e, active: i === active }));
}

/** Every version of the node in the evidence, oldest first, the one active at `asOf` (ms) marked. */
export function versionTimeline(
  set: EvidenceSet,
  index: LineageIndex,
  node: TraceNode,
  asOf: number,
): ReadonlyArray<VersionEntry> {
  if (node.kind === 'job') {
    const { model } = index;
    const runs = successfulRunsOf(index, node.id);
    return toTimeline(
      runs.map((r) => ({ version: model.jobVersionOfRun(r).version, time: r.time, evidence: r.evidence })),
      asOf,
    );
  }
  if (node.kind === 'dataset' || node.kind === 'source') {
    const sightings = index.model
      .versionsOf(node.id)
      .map((v) => ({ version: v.version, time: v.run.time, evidence: v.evidence }));
    return toTimeline(sightings, asOf);
  }
  if (node.kind === 'feature') {
    const sightings: Sighting[] = [];
    for (const d of set.decisions) {
      const f = d.features.find((x) => x.name === node.label);
      if (f?.featureVersion) sightings.push({ version: f.featureVersion, time: d.timestamp, evidence: d.provenance });
    }
    return toTimeline(sightings, asOf);
  }
  return [];
}

/** The run behind a traced dataset or job node: the one at the node's time (the trace takes it from that run). */
export function runOfNode(index: LineageIndex, node: TraceNode): MergedRun | undefined {
  const runs = node.kind === 'job' ? successfulRunsOf(index, node.id) : index.model.runs.writersOf(node.id);
  return runs.find((r) => r.time === node.time) ?? runs[runs.length - 1];
}

/** The node's facets as received: a dataset's (as its run wrote it), a job's and its run's. */
export function nodeFacets(index: LineageIndex, node: TraceNode): Readonly<Record<string, unknown>> | undefined {
  if (node.kind !== 'job' && node.kind !== 'dataset') return undefined;
  const run = runOfNode(index, node);
  if (!run) return undefined;
  if (node.kind === 'dataset') return run.outputs.find((o) => nodeId(o) === node.id)?.facets;
  const job: Record<string, unknown> = {};
  const runFacets: Record<string, unknown> = {};
  for (const e of index.eventsOf(run.runId)) {
    Object.assign(job, e.jobFacets);
    Object.assign(runFacets, e.runFacets);
  }
  return { job, run: runFacets };
}
