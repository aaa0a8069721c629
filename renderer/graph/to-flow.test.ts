/* eslint-disable no-restricted-imports -- a Node-side unit test reads the built-in sample from disk */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceDecision } from '../../shared/analysis/trace';
import { importInput } from '../../shared/importers';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { initialExploreState } from '../trace/explore-state';
import { compareTraces } from '../trace/trace-diff';
import { buildView } from '../trace/view-graph';
import { layoutInput, toFlow } from './to-flow';
import { layoutLeftToRight } from './layout';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const text = readFileSync('assets/sample/openlineage-events.ndjson', 'utf8');
const decisions = readFileSync('assets/sample/decisions.jsonl', 'utf8');
const set = toEvidenceSet([
  ...importInput({ name: 'events', sha256: 'e', size: text.length, text }).records,
  ...importInput({ name: 'decisions', sha256: 'd', size: decisions.length, text: decisions }).records,
]);
const decision = set.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
const trace = traceDecision(set, decision, truth.feature.name);
const none = { upstream: () => [], downstream: () => [] };

describe('toFlow', () => {
  const view = buildView(trace, initialExploreState, none);
  const input = layoutInput(view);
  const flow = toFlow(view, layoutLeftToRight(input.nodes, input.edges), {});

  it('draws one node per traced node, typed by its kind, and every edge between them', () => {
    expect(flow.nodes.map((n) => n.id).sort()).toEqual(trace.nodes.map((n) => n.id).sort());
    for (const node of flow.nodes)
      expect(node.type).toBe(node.type === 'supernode' ? 'supernode' : node.data.node.kind);
    expect(flow.edges.length).toBe(trace.edges.length);
  });

  it('puts the decision right of every upstream node', () => {
    const decisionNode = flow.nodes.find((n) => n.type === 'decision')!;
    const others = flow.nodes.filter((n) => n !== decisionNode);
    expect(others.length).toBeGreaterThan(0);
    for (const node of others) expect(node.position.x).toBeLessThan(decisionNode.position.x);
  });

  it('keys the layout by shape only, and marks what changed at another moment', () => {
    const asOf = new Date(Date.parse(truth.onset.timestamp) - 3 * 86_400_000).toISOString();
    const cmp = compareTraces(trace, traceDecision(set, decision, truth.feature.name, { asOf }));
    const other = buildView(cmp.trace, initialExploreState, none);
    expect(layoutInput(other).key).toBe(input.key);
    const marked = toFlow(other, layoutLeftToRight(input.nodes, input.edges), { comparison: cmp });
    const job = marked.nodes.find((n) => n.id === truth.feature.job)!;
    expect(job.type === 'supernode' ? undefined : job.data.change?.status).toBe('changed');
  });
});
