/**
 * `diff(node, t1, t2)`: what changed about a dataset or a job between two moments — the version active at each,
 * the schema (fields added, removed, retyped), the upstream edges added or removed, and the code version change
 * (commit A → commit B at a path; the text diff itself is fetched on demand with `git:show`).
 */
import type { Provenance, SchemaField } from '../model/records';
import { jobVersionAt, type LineageModel } from './lineage-model';
import { lastAtOrBefore } from './timeline';
import type { DatasetVersion, JobVersion } from './types';

export interface CodeChange {
  /** The code version at t1 and at t2: a commit SHA as the run named it, or a code hash. */
  readonly before?: string;
  readonly after?: string;
  readonly changed: boolean;
  readonly path?: string;
  readonly repositoryUrl?: string;
}

export interface NodeDiff {
  readonly node: string;
  readonly kind: 'dataset' | 'job' | 'unknown';
  /** The version active at each moment (undefined: none yet). */
  readonly before?: string;
  readonly after?: string;
  readonly schema: {
    readonly added: ReadonlyArray<SchemaField>;
    readonly removed: ReadonlyArray<SchemaField>;
    readonly retyped: ReadonlyArray<{ readonly name: string; readonly from?: string; readonly to?: string }>;
  };
  readonly upstream: { readonly added: ReadonlyArray<string>; readonly removed: ReadonlyArray<string> };
  readonly code?: CodeChange;
  /** The records the two versions rest on. */
  readonly evidence: ReadonlyArray<Provenance>;
}

/** Compares a dataset or job as of `t1` and as of `t2` (ms). */
export function diffNode(model: LineageModel, node: string, t1: number, t2: number): NodeDiff {
  if (model.versionsOf(node).length > 0) {
    return datasetDiff(node, model.versionAt(node, t1), model.versionAt(node, t2));
  }
  const runs = model.runsOfJob(node);
  if (runs.length > 0) {
    const runAt = (t: number) => {
      const i = lastAtOrBefore(
        runs.map((r) => ({ from: r.timeMs })),
        t,
      );
      return i >= 0 ? runs[i] : undefined;
    };
    const [r1, r2] = [runAt(t1), runAt(t2)];
    const inputs = (r: typeof r1) => (r ? r.inputs.map((i) => `${i.namespace}:${i.name}`) : []);
    const [j1, j2] = [jobVersionAt(model, node, t1), jobVersionAt(model, node, t2)];
    return {
      node,
      kind: 'job',
      before: j1?.version,
      after: j2?.version,
      schema: { added: [], removed: [], retyped: [] },
      upstream: setDiff(inputs(r1), inputs(r2)),
      code: codeChange(j1, j2),
      evidence: [r1?.evidence, r2?.evidence].filter((e): e is Provenance => e !== undefined),
    };
  }
  return {
    node,
    kind: 'unknown',
    schema: { added: [], removed: [], retyped: [] },
    upstream: { added: [], removed: [] },
    evidence: [],
  };
}

function datasetDiff(node: string, v1: DatasetVersion | undefined, v2: DatasetVersion | undefined): NodeDiff {
  const f1 = new Map((v1?.fields ?? []).map((f) => [f.name, f] as const));
  const f2 = new Map((v2?.fields ?? []).map((f) => [f.name, f] as const));
  const retyped = [...f2.values()]
    .filter((f) => f1.has(f.name) && f1.get(f.name)?.type !== f.type)
    .map((f) => ({ name: f.name, from: f1.get(f.name)?.type, to: f.type }));
  return {
    node,
    kind: 'dataset',
    before: v1?.version,
    after: v2?.version,
    schema: {
      added: [...f2.values()].filter((f) => !f1.has(f.name)),
      removed: [...f1.values()].filter((f) => !f2.has(f.name)),
      retyped,
    },
    upstream: setDiff(v1?.inputs.map((e) => e.source) ?? [], v2?.inputs.map((e) => e.source) ?? []),
    code: codeChange(v1?.jobVersion, v2?.jobVersion),
    evidence: [v1?.evidence, v2?.evidence].filter((e): e is Provenance => e !== undefined),
  };
}

function codeChange(j1: JobVersion | undefined, j2: JobVersion | undefined): CodeChange | undefined {
  if (!j1 && !j2) return undefined;
  const path = j2?.codePath ?? j1?.codePath;
  const repositoryUrl = j2?.repositoryUrl ?? j1?.repositoryUrl;
  return {
    before: j1?.version,
    after: j2?.version,
    changed: j1?.version !== j2?.version || j1?.jobId !== j2?.jobId,
    ...(path !== undefined && { path }),
    ...(repositoryUrl !== undefined && { repositoryUrl }),
  };
}

function setDiff(a: ReadonlyArray<string>, b: ReadonlyArray<string>): { added: string[]; removed: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  return { added: [...sb].filter((x) => !sa.has(x)).sort(), removed: [...sa].filter((x) => !sb.has(x)).sort() };
}
