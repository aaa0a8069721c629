/**
 * How a dataset version and a job version appear as nodes of a trace: one construction shared by `trace` and by the
 * neighbours an investigator expands on the graph, so the same version reads the same wherever it is drawn.
 */
import type { MergedRun } from '../analysis/run-index';
import type { TraceNode } from '../analysis/types';
import type { Provenance } from '../model/records';
import { declaredAt } from './declared-lineage';
import type { DatasetVersion, JobVersion } from './types';

/** What a node of declared (static) lineage says in place of the run that would have observed it. */
const DECLARED_NOTE = 'declared by static OpenLineage, not observed in a run at inference time';

/** An ISO time for a finite ms value (an open interval's end is absent). */
export const isoTime = (ms: number): string | undefined =>
  Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;

/** The validity interval of a version as a trace node or edge carries it. */
export const validity = (v: { readonly from: number; readonly to: number }) => ({
  validFrom: isoTime(v.from),
  validTo: isoTime(v.to),
});

export interface DatasetNodeOptions {
  readonly depth: number;
  /** The version the reader recorded, shown when no run in the evidence wrote one. */
  readonly version?: string;
  /** Fields on the traced column path (empty: the whole dataset). */
  readonly fields?: ReadonlyArray<string>;
  /** The record of the run (or decision) that read it: the evidence for a source no run writes. */
  readonly readBy?: Provenance;
  /** The node's version list, first = its version (the trace grows it as paths reach other versions). */
  readonly versions?: ReadonlyArray<string>;
}

/** A dataset at one version (what a run wrote), or a source when no run in the evidence writes it. */
export function datasetTraceNode(
  datasetId: string,
  dv: DatasetVersion | undefined,
  options: DatasetNodeOptions,
): TraceNode {
  const version = dv?.version ?? options.version;
  const fields = options.fields ?? [];
  return {
    id: datasetId,
    kind: dv ? 'dataset' : 'source',
    label: datasetId,
    version,
    time: dv && !dv.declared ? dv.run.time : undefined,
    depth: options.depth,
    evidence: dv?.evidence ?? options.readBy,
    details: {
      ...(fields.length ? { 'traced fields': fields.join(', ') } : {}),
      ...(dv?.fields.length
        ? { schema: dv.fields.map((f) => (f.type ? `${f.name}: ${f.type}` : f.name)).join(', ') }
        : {}),
      ...(dv?.declared
        ? { 'declared by': declaredAt(dv.evidence), lineage: DECLARED_NOTE }
        : dv
          ? { 'written by run': dv.run.runId }
          : { origin: 'no run in the evidence writes it: a source' }),
    },
    ...(dv && validity(dv)),
    versions: options.versions ?? (version !== undefined ? [version] : []),
  };
}

/** A job at the code version one of its runs executed, with that run as its evidence. */
export function jobTraceNode(
  run: MergedRun,
  jv: JobVersion,
  depth: number,
  versions: ReadonlyArray<string> = [jv.version],
): TraceNode {
  return {
    id: run.job,
    kind: 'job',
    label: run.job,
    version: jv.identity === 'none' ? undefined : jv.version,
    time: jv.declared ? undefined : run.time,
    depth,
    evidence: run.evidence,
    details: {
      ...(jv.declared
        ? { 'declared by': declaredAt(run.evidence), lineage: DECLARED_NOTE }
        : { run: run.runId, state: run.state }),
      ...(jv.repositoryUrl ? { repository: jv.repositoryUrl } : {}),
      ...(jv.codePath ? { 'code path': jv.codePath } : {}),
      ...(jv.commit ? { 'code version': jv.commit } : {}),
      ...(jv.identity === 'code-hash' || jv.identity === 'checksum' ? { 'code hash': jv.version } : {}),
      ...(jv.configKind !== 'code' ? { holds: jv.configKind } : {}),
    },
    ...validity(jv),
    configKind: jv.configKind,
    versions,
  };
}
