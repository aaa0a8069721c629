/**
 * A generated trace of a chosen size, for the graph benchmark (`?bench=graph&nodes=N`): a decision, its feature,
 * then alternating layers of datasets and the jobs that wrote them, each job reading two or three datasets of the
 * layer upstream (shared inputs make it a DAG, as warehouses are), layers at most 24 wide. Deterministic.
 */
import type { TraceEdge, TraceNode, TraceResult } from '../../shared/analysis/types';

const MAX_WIDTH = 24;
const TIME = '2026-01-01T00:00:00.000Z';

/** A trace of exactly `size` nodes (at least 3). */
export function syntheticTrace(size: number): TraceResult {
  const total = Math.max(3, Math.floor(size));
  const nodes: TraceNode[] = [];
  const edges: TraceEdge[] = [];
  const node = (id: string, kind: TraceNode['kind'], version: string, depth: number) =>
    nodes.push({ id, kind, label: id, version, time: TIME, depth, details: {} });
  const link = (source: string, target: string, kind: TraceEdge['kind']) =>
    edges.push({ id: `${source}->${target}`, source, target, kind });

  node('decision:bench', 'decision', 'model@1', 0);
  node('feature:score', 'feature', 'v1', 1);
  link('feature:score', 'decision:bench', 'read');
  let datasets = ['bench:dataset_0_0'];
  node(datasets[0] as string, 'dataset', 'd-0-0', 2);
  link(datasets[0] as string, 'feature:score', 'read');
  for (let layer = 0, depth = 2; nodes.length < total; layer++, depth += 2) {
    const upstreamWidth = Math.min(MAX_WIDTH, datasets.length * 3);
    const upstream: string[] = [];
    for (let j = 0; j < datasets.length && nodes.length < total; j++) {
      const job = `bench:job_${layer}_${j}`;
      node(job, 'job', ((layer * 131 + j) * 2654435761).toString(16).padStart(40, '0').slice(-40), depth + 1);
      link(job, datasets[j] as string, 'produced');
      const reads = new Set([(j * 3) % upstreamWidth, (j * 3 + 1) % upstreamWidth, (j * 7 + layer) % upstreamWidth]);
      for (const r of reads) {
        const id = `bench:dataset_${layer + 1}_${r}`;
        if (!upstream.includes(id)) {
          if (nodes.length >= total) break;
          node(id, 'dataset', `d-${layer + 1}-${r}`, depth + 2);
          upstream.push(id);
        }
        link(id, job, 'input-of');
      }
    }
    if (upstream.length === 0) break;
    datasets = upstream;
  }
  return { decisionId: 'bench', featureName: 'score', asOf: TIME, nodes, edges, jobs: [], gaps: [] };
}
