/* eslint-disable no-restricted-imports -- a Node-side unit test reads the built-in sample from disk */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { traceDecision } from '../../shared/analysis/trace';
import type { TraceResult } from '../../shared/analysis/types';
import { runIndex } from '../../shared/analysis/run-index';
import { importInput } from '../../shared/importers';
import { type EvidenceSet, toEvidenceSet } from '../../shared/model/evidence-set';
import type { Decision } from '../../shared/model/records';
import { columnView } from './column-fields';
import { type ExploreState, initialExploreState, openGroup, setDownstream, setUpstream } from './explore-state';
import { downstreamOf, lineageIndex, upstreamOf } from './lineage-index';
import { nodeFacets, versionTimeline } from './versions';
import { buildView } from './view-graph';

// The graph the Trace step draws, everything expanded, on the sample case (as of the decision and three days before
// the onset) and on real exports (as of a decision and of the first run) — pinned in file snapshots taken before the
// renderer's expansions moved onto the shared model. The move kept every node, edge, field and facet; it changed only
// how jobs expanded beside the trace name their code version (now as the trace names it).
const DIR = 'assets/sample';
const truth = JSON.parse(readFileSync(`${DIR}/ground-truth.json`, 'utf8'));
const FILES = ['openlineage-events.ndjson', 'decisions.jsonl', 'deployments.jsonl', 'audit-log.jsonl'];
const set = toEvidenceSet(
  FILES.flatMap((name) => {
    const text = readFileSync(`${DIR}/${name}`, 'utf8');
    return importInput({ name, sha256: name, size: text.length, text }).records;
  }),
);
const decision = set.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
const before = new Date(Date.parse(truth.onset.timestamp) - 3 * 86_400_000).toISOString();

/** Expands every visible node up- and downstream and opens every group, until nothing new appears. */
function everything(evidence: EvidenceSet, trace: TraceResult, asOf: number) {
  const index = lineageIndex(evidence);
  const neighbours = {
    upstream: (n: Parameters<typeof upstreamOf>[1]) => upstreamOf(index, n, asOf),
    downstream: (n: Parameters<typeof downstreamOf>[1]) => downstreamOf(index, n, asOf),
  };
  let state: ExploreState = initialExploreState;
  let view = buildView(trace, state, neighbours);
  for (let round = 0, size = -1; round < 12 && view.nodes.length !== size; round++) {
    size = view.nodes.length;
    for (const n of view.nodes) {
      state =
        n.type === 'supernode' ? openGroup(state, n.id) : setDownstream(setUpstream(state, n.id, true), n.id, true);
    }
    view = buildView(trace, state, neighbours);
  }
  const visible = new Map(view.nodes.flatMap((n) => (n.type === 'lineage' ? [[n.id, n.node] as const] : [])));
  const datasets = [...visible.values()].filter((n) => n.kind === 'dataset' || n.kind === 'source').map((n) => n.id);
  const columns = columnView(index, trace, visible, new Set(datasets));
  return {
    nodes: view.nodes
      .map((n) =>
        n.type === 'lineage'
          ? `${n.id} ${n.node.kind} @${n.node.version ?? '-'} depth ${n.node.depth}${n.traced ? ' traced' : ''} up ${n.upstream} down ${n.downstream}`
          : `${n.id} group of ${n.members.length}`,
      )
      .sort(),
    edges: view.edges.map((e) => `${e.id} ${e.kind}${e.traced ? ' traced' : ''}`).sort(),
    fields: [...columns.fields].map(([id, rows]) => `${id}: ${rows.map((r) => r.name).join(', ')}`).sort(),
    columnEdges: columns.edges.map((e) => e.id).sort(),
    versions: [...visible.values()]
      .map((n) => {
        const timeline = versionTimeline(evidence, index, n, asOf).map((v) => `${v.version}${v.active ? '*' : ''}`);
        return `${n.id}: ${timeline.join(' ')}`;
      })
      .sort(),
    facets: [...visible.values()].map((n) => `${n.id}: ${Object.keys(nodeFacets(index, n) ?? {}).join(', ')}`).sort(),
  };
}

/** A decision that read what the fixture's last run wrote, an hour after it ran. */
function fixtureCase(name: string) {
  const text = readFileSync(realFixture('openlineage', name), 'utf8');
  const records = importInput({ name, sha256: name, size: text.length, text }).records;
  const runs = runIndex(toEvidenceSet(records).runs).runs.filter((r) => r.outputs.length > 0);
  const last = runs[runs.length - 1]!;
  const out = last.outputs[0]!;
  const read: Decision = {
    kind: 'decision',
    decisionId: 'd-1',
    timestamp: new Date(last.timeMs + 3_600_000).toISOString(),
    model: { name: 'm' },
    features: [{ name: 'f', dataset: { namespace: out.namespace, name: out.name }, field: out.fields?.[0]?.name }],
    provenance: { sourceId: 'decisions', line: 1 },
  };
  return { evidence: toEvidenceSet([...records, read]), read, first: runs[0]!.timeMs };
}

describe.each(['marquez_docker_metadata.json', 'ol_dbt_postgres_run_events.json'])(
  '%s, everything expanded',
  (name) => {
    const { evidence, read, first } = fixtureCase(name);
    it('as of the decision and as of the first run', async () => {
      const at = everything(evidence, traceDecision(evidence, read, 'f'), Date.parse(read.timestamp));
      const asOf = new Date(first).toISOString();
      const early = everything(evidence, traceDecision(evidence, read, 'f', { asOf }), first);
      expect(at.nodes.length).toBeGreaterThan(2);
      // A job reads the same wherever it is drawn: its badge is the version its timeline marks active.
      for (const { nodes, versions } of [at, early]) {
        for (const line of nodes.filter((n) => / job @(?!-)/.test(n))) {
          const [id, , version] = line.split(' ');
          expect(versions.find((v) => v.startsWith(`${id}: `))).toContain(`${version!.slice(1)}*`);
        }
      }
      await expect(JSON.stringify({ at, early }, null, 1)).toMatchFileSnapshot(`./__snapshots__/${name}.txt`);
    });
  },
);

describe('the sample case’s graph, everything expanded', () => {
  const atDecision = traceDecision(set, decision, truth.feature.name);
  const earlier = traceDecision(set, decision, truth.feature.name, { asOf: before });

  it('as of the decision: the traced path and every neighbour the evidence holds', async () => {
    const graph = everything(set, atDecision, Date.parse(atDecision.asOf));
    expect(graph.nodes.some((n) => n.startsWith(`${truth.feature.job} job @${truth.mergeCommit}`))).toBe(true);
    await expect(JSON.stringify(graph, null, 1)).toMatchFileSnapshot('./__snapshots__/sample-graph-at-decision.txt');
  });

  it('as of three days before the onset: the earlier version', async () => {
    const graph = everything(set, earlier, Date.parse(before));
    expect(graph.nodes.some((n) => n.startsWith(`${truth.feature.job} job @${truth.lastGoodMergeCommit}`))).toBe(true);
    await expect(JSON.stringify(graph, null, 1)).toMatchFileSnapshot('./__snapshots__/sample-graph-before-onset.txt');
  });
});
