/**
 * Browsing the lineage without a decision: every dataset, job and field the evidence names, found by name, and what
 * lies upstream and downstream of one of them as of a moment. A case whose sources hold lineage but no decision log
 * has no trace to start from; this starts from any node instead, walking the same temporal model one step at a time
 * (neighbours.ts), so a node reads the same here as in the Trace step.
 */
import type { TraceEdge, TraceNode } from '../analysis/types';
import type { LineageModel } from './lineage-model';
import { downstreamAt, upstreamAt } from './neighbours';
import { datasetTraceNode, jobTraceNode } from './trace-nodes';

/** Something the lineage names: a dataset, a job, or a field of a dataset (`namespace:name#field`). */
export interface LineageEntry {
  readonly id: string;
  readonly kind: 'dataset' | 'job' | 'field';
  /** For a field: the dataset it belongs to. */
  readonly datasetId?: string;
}

/** Every dataset, job (run or declared) and dataset field of the model, datasets first, each sorted by id. */
export function lineageEntries(model: LineageModel): LineageEntry[] {
  const datasets = model.datasetIds;
  const jobIds = new Set([
    ...model.runs.runs.map((r) => r.job),
    ...model.set.jobs.map((j) => `${j.job.namespace}:${j.job.name}`),
  ]);
  const jobs = [...jobIds].filter((id) => model.runsOfJob(id).length > 0 || model.declarationOf(id)).sort();
  const fields: LineageEntry[] = [];
  for (const datasetId of datasets) {
    const names = new Set(model.versionsOf(datasetId).flatMap((v) => v.fields.map((f) => f.name)));
    for (const name of [...names].sort()) fields.push({ id: `${datasetId}#${name}`, kind: 'field', datasetId });
  }
  return [
    ...datasets.map((id): LineageEntry => ({ id, kind: 'dataset' })),
    ...jobs.map((id): LineageEntry => ({ id, kind: 'job' })),
    ...fields,
  ];
}

/**
 * The entries whose id holds every word of the query (any case), best first: an exact name (the id's last dotted
 * part, or the part after `namespace:`), then a name that starts with the query, then the rest; at most `limit`.
 */
export function searchLineage(entries: ReadonlyArray<LineageEntry>, query: string, limit = 50): LineageEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const score = (e: LineageEntry) => {
    const id = e.id.toLowerCase();
    const name = id.slice(id.indexOf(':') + 1);
    const short = name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf('#')) + 1);
    const kind = e.kind === 'field' ? 2 : 0;
    if (name === q || short === q) return kind;
    if (name.startsWith(q) || short.startsWith(q)) return kind + 1;
    return kind + 4;
  };
  return entries
    .filter((e) => words.every((w) => e.id.toLowerCase().includes(w)))
    .map((e) => ({ e, s: score(e) }))
    .sort((a, b) => a.s - b.s || a.e.id.localeCompare(b.e.id))
    .slice(0, limit)
    .map(({ e }) => e);
}

/** The node a dataset or job id stands for as of `t` (ms), or undefined when the model does not know it. */
export function lineageNodeAt(model: LineageModel, id: string, t: number): TraceNode | undefined {
  const declaration = model.declarationOf(id);
  const runs = model.runsOfJob(id);
  if (runs.length > 0 || declaration) {
    const run = [...runs].reverse().find((r) => r.timeMs <= t) ?? runs[0] ?? declaration;
    if (!run) return undefined;
    const version = run === declaration ? model.jobVersionsOf(id)[0] : model.jobVersionOfRun(run);
    return version ? jobTraceNode(run, version, 0) : undefined;
  }
  if (!model.datasetIds.includes(id)) return undefined;
  return datasetTraceNode(id, model.versionAt(id, t), { depth: 0 });
}

/**
 * What feeds a node as of `t`, and what it feeds: a job's neighbours are those of the run it stands for
 * (neighbours.ts `momentOf`), as on the Trace step.
 */
export { upstreamAt as browseUpstream, downstreamAt as browseDownstream };

/** A node's lineage as of a moment: what feeds it (transitively) and what it feeds, with the edges between. */
export interface LineageAround {
  readonly focus: TraceNode;
  readonly upstream: ReadonlyArray<TraceNode>;
  readonly downstream: ReadonlyArray<TraceNode>;
  readonly edges: ReadonlyArray<TraceEdge>;
  /** True when the walk stopped at `maxNodes` before the lineage ended. */
  readonly truncated: boolean;
}

/**
 * Everything upstream of the node (the job run that wrote each dataset version active at `t`, the datasets that run
 * read, and so on) and everything downstream (the jobs whose last run by `t` read it, what they
 * wrote, and so on), breadth first, at most `maxNodes` in each direction.
 */
export function lineageAround(model: LineageModel, focus: TraceNode, t: number, maxNodes = 500): LineageAround {
  const edges = new Map<string, TraceEdge>();
  let truncated = false;
  const walk = (step: typeof upstreamAt): TraceNode[] => {
    const found = new Map<string, TraceNode>();
    const queue = [focus];
    for (let head = 0; head < queue.length; head++) {
      for (const { node, edge } of step(model, queue[head] as TraceNode, t)) {
        edges.set(edge.id, edge);
        if (node.id === focus.id || found.has(node.id)) continue;
        if (found.size >= maxNodes) {
          truncated = true;
          continue;
        }
        found.set(node.id, node);
        queue.push(node);
      }
    }
    return [...found.values()];
  };
  const upstream = walk(upstreamAt);
  const downstream = walk(downstreamAt).filter((n) => !upstream.some((u) => u.id === n.id));
  const ids = new Set([focus.id, ...upstream.map((n) => n.id), ...downstream.map((n) => n.id)]);
  return {
    focus,
    upstream,
    downstream,
    edges: [...edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)),
    truncated,
  };
}
