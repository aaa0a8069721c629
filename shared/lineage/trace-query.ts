/**
 * `trace` on the temporal model: the upstream closure of one feature of a decision as of a moment, over dataset
 * *versions* — each dataset at the version the downstream run (or the decision) read, each job at the code version
 * that wrote it — with table- and column-level edges, their validity intervals and evidence, and every path. Where no
 * run wrote a dataset by then, a version declared by static OpenLineage stands in (declared-lineage.ts): it is traced
 * like a written one, its inputs as of the same moment, and named in the gaps as declared, not observed.
 */
import type { TraceEdge, TraceNode, TraceResult, TracedJob } from '../analysis/types';
import type { Decision, Provenance } from '../model/records';
import type { LineageModel } from './lineage-model';
import { DECLARED_STATE, declaredAt } from './declared-lineage';
import { datasetTraceNode, jobTraceNode, validity } from './trace-nodes';
import { enumeratePaths } from './trace-paths';
import type { DatasetVersion } from './types';

export interface TraceQuery {
  readonly decision: Decision;
  readonly featureName: string;
  /** Reconstruct as of another moment (RFC 3339): the dataset versions the decision recorded are then ignored. */
  readonly asOf?: string;
}

interface Pending {
  readonly datasetId: string;
  readonly version?: string;
  readonly asOf: number;
  readonly depth: number;
  /** Fields on the traced column path; empty = unknown (the whole dataset). */
  readonly fields: ReadonlyArray<string>;
  /** The record of the run (or decision) that read it: the evidence for a source no run writes. */
  readonly readBy?: Provenance;
}

/** Builds the trace result: the decision and feature nodes, then the closure walk. */
export function traceOnModel(model: LineageModel, query: TraceQuery): TraceResult {
  const { decision, featureName } = query;
  const b = new TraceBuilder();
  const decisionNode = `decision:${decision.decisionId}`;
  b.node({
    id: decisionNode,
    kind: 'decision',
    label: decision.decisionId,
    version: decision.model.version ? `${decision.model.name}@${decision.model.version}` : decision.model.name,
    time: decision.timestamp,
    depth: 0,
    evidence: decision.provenance,
    details: {
      // No "model" here: the node's version row names the model (name@version), under the label Model.
      subject: decision.subjectId ?? '—',
      environment: decision.environment ?? '—',
      action: decision.action ?? '—',
    },
  });
  const feature = decision.features.find((f) => f.name === featureName);
  const asOfText = query.asOf ?? decision.timestamp;
  if (!feature) {
    b.gaps.add(`The decision has no feature named ${featureName}.`);
    return b.result(decision, featureName, asOfText);
  }
  const featureNode = `feature:${feature.name}`;
  b.node({
    id: featureNode,
    kind: 'feature',
    label: feature.name,
    version: feature.featureVersion,
    time: decision.timestamp,
    depth: 1,
    evidence: decision.provenance,
    details: { value: JSON.stringify(feature.value ?? null), field: feature.field ?? '—' },
  });
  b.edge({ source: featureNode, target: decisionNode, kind: 'read', evidence: decision.provenance });
  if (!feature.dataset) {
    b.gaps.add(`Serving-layer opacity: the decision log does not say which dataset ${feature.name} was read from.`);
    return b.result(decision, featureName, asOfText);
  }
  const datasetId = `${feature.dataset.namespace}:${feature.dataset.name}`;
  const recorded = query.asOf === undefined ? feature.datasetVersion : undefined;
  if (!feature.datasetVersion && query.asOf === undefined) {
    b.gaps.add(
      `The decision does not record the dataset version of ${feature.name}; the latest version before it is assumed.`,
    );
  }
  b.edge({
    source: datasetId,
    target: featureNode,
    kind: 'read',
    evidence: decision.provenance,
    ...(recorded !== undefined && { sourceVersion: recorded }),
  });
  walk(model, b, {
    datasetId,
    version: recorded,
    asOf: Date.parse(asOfText),
    depth: 2,
    fields: feature.field ? [feature.field] : [],
    readBy: decision.provenance,
  });
  return b.result(decision, featureName, asOfText);
}

function walk(model: LineageModel, b: TraceBuilder, first: Pending): void {
  const queue: Pending[] = [first];
  const traced = new Map<string, Set<string>>(); // dataset@version → fields traced ('*' = all)
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head] as Pending;
    const dv = findVersion(model, item, b.gaps);
    // A declared version has no time of its own: what it was computed from is read as of the moment its reader ran,
    // so the same declared dataset reached by two readers at two moments is walked at each.
    const key = `${item.datasetId}@${dv?.version ?? item.version ?? ''}${dv?.declared ? `@${item.asOf}` : ''}`;
    const done = traced.get(key);
    const wanted = item.fields.length ? item.fields : ['*'];
    const fresh = done ? wanted.filter((f) => !done.has(f) && !done.has('*')) : wanted;
    if (fresh.length === 0) continue;
    if (done) for (const f of fresh) done.add(f);
    else traced.set(key, new Set(fresh));
    b.datasetNode(item, dv);
    if (!dv) continue;
    if (dv.declared) {
      b.gaps.add(
        `Declared, not observed: ${item.datasetId} and ${dv.run.job} are traced from static OpenLineage (${declaredAt(dv.evidence)}); no run in the evidence wrote it by ${new Date(item.asOf).toISOString()}, so the version active at inference time is not known.`,
      );
    }
    const jobId = b.jobNode(dv, item);
    b.edge({ source: jobId, target: item.datasetId, kind: 'produced', evidence: dv.evidence, ...validity(dv) });
    const fields = fresh.includes('*') ? [] : fresh;
    const upstreamFields = new Map<string, string[]>();
    for (const col of dv.columns) {
      const field = col.target.slice(col.target.indexOf('#') + 1);
      if (fields.length && !fields.includes(field)) continue;
      b.column(col);
      const hash = col.source.indexOf('#');
      const inputId = col.source.slice(0, hash);
      const list = upstreamFields.get(inputId) ?? [];
      if (!list.includes(col.source.slice(hash + 1))) list.push(col.source.slice(hash + 1));
      upstreamFields.set(inputId, list);
    }
    for (const input of dv.inputs) {
      b.edge({
        source: input.source,
        target: jobId,
        kind: 'input-of',
        evidence: input.evidence,
        ...validity(dv),
        ...(input.sourceVersion !== undefined && { sourceVersion: input.sourceVersion }),
      });
      queue.push({
        datasetId: input.source,
        version: input.sourceVersion,
        asOf: dv.declared ? item.asOf : dv.run.timeMs,
        depth: item.depth + 2,
        fields: upstreamFields.get(input.source) ?? [],
        readBy: input.evidence,
      });
    }
  }
}

function findVersion(model: LineageModel, item: Pending, gaps: Set<string>): DatasetVersion | undefined {
  if (item.version) {
    const exact = model.versionNamed(item.datasetId, item.version);
    if (exact) return exact;
    if (model.versionsOf(item.datasetId).length > 0) {
      gaps.add(
        `No run in the evidence wrote ${item.datasetId} version ${item.version}; the latest earlier version is assumed.`,
      );
    }
  }
  return model.versionAt(item.datasetId, item.asOf);
}

/** Accumulates nodes, edges and jobs of one trace, first occurrence wins, later versions are listed. */
class TraceBuilder {
  readonly nodes = new Map<string, TraceNode>();
  /** The (growing) version list of each dataset and job node, shared with the node's `versions`. */
  private readonly versionLists = new Map<string, string[]>();
  readonly edges = new Map<string, TraceEdge>();
  readonly columns = new Map<string, TraceEdge>();
  readonly jobs = new Map<string, TracedJob>();
  readonly gaps = new Set<string>();

  node(n: TraceNode): void {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
  }

  edge(e: Omit<TraceEdge, 'id'>): void {
    const id = `${e.source}->${e.target}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, ...e });
  }

  column(e: { source: string; target: string; evidence: TraceEdge['evidence']; from: number; to: number }): void {
    const id = `${e.source}->${e.target}`;
    if (this.columns.has(id)) return;
    const { source, target, evidence } = e;
    this.columns.set(id, { id, source, target, kind: 'column', evidence, ...validity(e) });
  }

  datasetNode(item: Pending, dv: DatasetVersion | undefined): void {
    const version = dv?.version ?? item.version;
    if (this.nodes.has(item.datasetId)) {
      const list = this.versionLists.get(item.datasetId);
      if (version !== undefined && list && !list.includes(version)) list.push(version);
      return;
    }
    const versions = version !== undefined ? [version] : [];
    this.versionLists.set(item.datasetId, versions);
    const { depth, fields, readBy } = item;
    this.nodes.set(item.datasetId, datasetTraceNode(item.datasetId, dv, { depth, version, fields, readBy, versions }));
  }

  jobNode(dv: DatasetVersion, item: Pending): string {
    const { run, jobVersion: jv } = dv;
    if (this.nodes.has(run.job)) {
      const list = this.versionLists.get(run.job);
      if (list && !list.includes(jv.version)) list.push(jv.version);
      return run.job;
    }
    const versions = [jv.version];
    this.versionLists.set(run.job, versions);
    if (jv.identity === 'none') {
      this.gaps.add(
        `Untracked transformation: ${run.job} names no source code location, code text or checksum; its version is unknown.`,
      );
    }
    this.jobs.set(run.job, {
      id: run.job,
      depth: item.depth + 1,
      runId: jv.declared ? `${DECLARED_STATE.toLowerCase()} (${declaredAt(run.evidence)})` : run.runId,
      runTime: run.time,
      repositoryUrl: jv.repositoryUrl,
      codePath: jv.codePath,
      codeVersion: jv.commit,
      fields: item.fields,
    });
    this.nodes.set(run.job, jobTraceNode(run, jv, item.depth + 1, versions));
    return run.job;
  }

  result(decision: Decision, featureName: string, asOf: string): TraceResult {
    const edges = [...this.edges.values()];
    const { paths, truncated } = enumeratePaths(`decision:${decision.decisionId}`, edges);
    const gaps = [...this.gaps];
    return {
      decisionId: decision.decisionId,
      model: decision.model.name,
      featureName,
      asOf,
      nodes: [...this.nodes.values()],
      edges,
      jobs: [...this.jobs.values()],
      gaps,
      columns: [...this.columns.values()],
      paths,
      pathsTruncated: truncated,
      incomplete: gaps.length > 0,
    };
  }
}
