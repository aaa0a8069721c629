import { describe, expect, it } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { traceDecision } from '../../shared/analysis/trace';
import { toFlow } from './to-flow';

describe('toFlow', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const trace = traceDecision(set, decision, decision.features[0]!.name);
  const flow = toFlow(trace);

  it('draws one node per traced node, typed by its kind, and every edge between them', () => {
    expect(flow.nodes.map((n) => n.id).sort()).toEqual(trace.nodes.map((n) => n.id).sort());
    for (const node of flow.nodes) expect(node.type).toBe(node.data.node.kind);
    expect(flow.edges.length).toBe(trace.edges.length);
  });

  it('puts the decision right of every upstream node', () => {
    const decisionNode = flow.nodes.find((n) => n.type === 'decision')!;
    const others = flow.nodes.filter((n) => n !== decisionNode);
    expect(others.length).toBeGreaterThan(0);
    for (const node of others) expect(node.position.x).toBeLessThan(decisionNode.position.x);
  });
});
