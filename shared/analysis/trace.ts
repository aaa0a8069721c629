import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, RunDataset } from '../model/records';
import { nodeId, runIndex, writerAsOf, type MergedRun, type RunIndex } from './run-index';
import type { TraceEdge, TraceNode, TraceResult, TracedJob } from './types';

export interface TraceOptions {
  /**
   * Reconstruct as of another moment than the decision's (e.g. before an incident): the dataset versions
   * the decision recorded are then ignored and the latest versions written by that moment are taken.
   */
  readonly asOf?: string;
}

interface Pending {
  readonly datasetId: string;
  /** The version the downstream run read, when its input carried one. */
  readonly version?: string;
  /** The moment the dataset is looked at: the downstream run's time, or the decision's. */
  readonly asOf: number;
  readonly depth: number;
  /** Fields on the traced column path; empty = unknown (the whole dataset). */
  readonly fields: ReadonlyArray<string>;
}

/**
 * Reconstructs the upstream lineage of one feature of a decision *as of the decision's time*:
 * decision ← feature ← dataset version ← the run that wrote it ← its job (at the code version it ran)
 * ← the datasets that run read, each at the version it read, recursively, to the sources.
 */
export function traceDecision(
  set: EvidenceSet,
  decision: Decision,
  featureName: string,
  options: TraceOptions = {},
): TraceResult {
  const index = runIndex(set.runs);
  const nodes = new Map<string, TraceNode>();
  const edges = new Map<string, TraceEdge>();
  const jobs = new Map<string, TracedJob>();
  const gaps: string[] = [];
  const addEdge = (e: Omit<TraceEdge, 'id'>) => {
    const id = `${e.source}->${e.target}`;
    if (!edges.has(id)) edges.set(id, { id, ...e });
  };

  const decisionNode = `decision:${decision.decisionId}`;
  nodes.set(decisionNode, {
    id: decisionNode,
    kind: 'decision',
    label: decision.decisionId,
    version: decision.model.version ? `${decision.model.name}@${decision.model.version}` : decision.model.name,
    time: decision.timestamp,
    depth: 0,
    evidence: decision.provenance,
    details: {
      subject: decision.subjectId ?? '—',
      model: decision.model.name,
      environment: decision.environment ?? '—',
      action: decision.action ?? '—',
    },
  });
  const feature = decision.features.find((f) => f.name === featureName);
  const result = (): TraceResult => ({
    decisionId: decision.decisionId,
    featureName,
    asOf: options.asOf ?? decision.timestamp,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    jobs: [...jobs.values()],
    gaps,
  });
  if (!feature) {
    gaps.push(`The decision has no feature named ${featureName}.`);
    return result();
  }
  const featureNode = `feature:${feature.name}`;
  nodes.set(featureNode, {
    id: featureNode,
    kind: 'feature',
    label: feature.name,
    version: feature.featureVersion,
    time: decision.timestamp,
    depth: 1,
    evidence: decision.provenance,
    details: { value: JSON.stringify(feature.value ?? null), field: feature.field ?? '—' },
  });
  addEdge({ source: featureNode, target: decisionNode, kind: 'read', evidence: decision.provenance });
  if (!feature.dataset) {
    gaps.push(`Serving-layer opacity: the decision log does not say which dataset ${feature.name} was read from.`);
    return result();
  }
  const asOf = Date.parse(options.asOf ?? decision.timestamp);
  const first: Pending = {
    datasetId: nodeId(feature.dataset),
    version: options.asOf === undefined ? feature.datasetVersion : undefined,
    asOf,
    depth: 2,
    fields: feature.field ? [feature.field] : [],
  };
  if (!feature.datasetVersion && options.asOf === undefined) {
    gaps.push(
      `The decision does not record the dataset version of ${feature.name}; the latest version before it is assumed.`,
    );
  }
  addEdge({ source: first.datasetId, target: featureNode, kind: 'read', evidence: decision.provenance });
  walk(index, [first], nodes, jobs, gaps, addEdge);
  return result();
}

function walk(
  index: RunIndex,
  queue: Pending[],
  nodes: Map<string, TraceNode>,
  jobs: Map<string, TracedJob>,
  gaps: string[],
  addEdge: (e: Omit<TraceEdge, 'id'>) => void,
): void {
  const visited = new Set<string>();
  while (queue.length) {
    const item = queue.shift() as Pending;
    if (visited.has(item.datasetId)) continue;
    visited.add(item.datasetId);
    const run = findWriter(index, item, gaps);
    const out = run?.outputs.find((o) => nodeId(o) === item.datasetId);
    nodes.set(item.datasetId, {
      id: item.datasetId,
      kind: run ? 'dataset' : 'source',
      label: item.datasetId,
      version: out?.version ?? item.version ?? run?.runId,
      time: run?.time,
      depth: item.depth,
      evidence: run?.evidence,
      details: {
        ...(item.fields.length ? { 'traced fields': item.fields.join(', ') } : {}),
        ...(out?.fields?.length
          ? { schema: out.fields.map((f) => (f.type ? `${f.name}: ${f.type}` : f.name)).join(', ') }
          : {}),
        ...(run ? { 'written by run': run.runId } : { origin: 'no run in the evidence writes it: a source' }),
      },
    });
    if (!run) continue;
    const jobNode = run.job;
    const code = run.sourceCodeLocation;
    if (!jobs.has(jobNode)) {
      jobs.set(jobNode, {
        id: jobNode,
        depth: item.depth + 1,
        runId: run.runId,
        runTime: run.time,
        repositoryUrl: code?.url ?? code?.repoUrl,
        codePath: code?.path,
        codeVersion: code?.version,
        fields: item.fields,
      });
      nodes.set(jobNode, {
        id: jobNode,
        kind: 'job',
        label: jobNode,
        version: code?.version,
        time: run.time,
        depth: item.depth + 1,
        evidence: run.evidence,
        details: {
          run: run.runId,
          state: run.state,
          ...(code?.url || code?.repoUrl ? { repository: (code.url ?? code.repoUrl) as string } : {}),
          ...(code?.path ? { 'code path': code.path } : {}),
          ...(code?.version ? { 'code version': code.version } : {}),
        },
      });
    }
    addEdge({ source: jobNode, target: item.datasetId, kind: 'produced', evidence: run.evidence });
    const upstreamFields = columnInputs(out, item.fields);
    for (const input of run.inputs) {
      const inputId = nodeId(input);
      addEdge({ source: inputId, target: jobNode, kind: 'input-of', evidence: run.evidence });
      queue.push({
        datasetId: inputId,
        version: input.version,
        asOf: Date.parse(run.time),
        depth: item.depth + 2,
        fields: upstreamFields.get(inputId) ?? [],
      });
    }
  }
}

function findWriter(index: RunIndex, item: Pending, gaps: string[]): MergedRun | undefined {
  if (item.version) {
    const exact = index.runForVersion(item.datasetId, item.version);
    if (exact) return exact;
    if (index.writersOf(item.datasetId).length > 0) {
      gaps.push(
        `No run in the evidence wrote ${item.datasetId} version ${item.version}; the latest earlier version is assumed.`,
      );
    }
  }
  return writerAsOf(index, item.datasetId, item.asOf);
}

/** For the traced output fields, the input fields per input dataset (from the columnLineage facet). */
function columnInputs(out: RunDataset | undefined, fields: ReadonlyArray<string>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const entry of out?.columnLineage ?? []) {
    if (fields.length && !fields.includes(entry.field)) continue;
    for (const f of entry.inputFields) {
      const id = nodeId(f);
      const list = result.get(id) ?? [];
      if (!list.includes(f.field)) list.push(f.field);
      result.set(id, list);
    }
  }
  return result;
}
