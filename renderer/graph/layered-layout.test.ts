import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../trace/synthetic-trace';
import { DAGRE_LIMIT, layoutLeftToRight } from './layout';
import { layoutLayered } from './layered-layout';

const trace = syntheticTrace(500);
const nodes = trace.nodes.map((n) => ({ id: n.id, width: 220, height: 76 }));

describe('layoutLayered', () => {
  const at = layoutLayered(nodes, trace.edges, { rankSeparation: 64, nodeSeparation: 24 });

  it('places every upstream node left of what it feeds', () => {
    expect(at.size).toBe(500);
    for (const e of trace.edges) expect(at.get(e.source)!.x).toBeLessThan(at.get(e.target)!.x);
  });

  it('stacks each column without overlap and is deterministic', () => {
    const columns = new Map<number, number[]>();
    for (const p of at.values()) columns.set(p.x, [...(columns.get(p.x) ?? []), p.y]);
    for (const ys of columns.values()) {
      ys.sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(76 + 24);
    }
    expect(layoutLayered(nodes, trace.edges, { rankSeparation: 64, nodeSeparation: 24 })).toEqual(at);
  });

  it('survives a cycle and is what layoutLeftToRight uses for big graphs', () => {
    const cyclic = layoutLayered(
      ['a', 'b', 'c'].map((id) => ({ id, width: 10, height: 10 })),
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'b', target: 'c' },
      ],
    );
    expect(cyclic.size).toBe(3);
    expect(nodes.length).toBeGreaterThan(DAGRE_LIMIT);
    expect(layoutLeftToRight(nodes, trace.edges, { rankSeparation: 64, nodeSeparation: 24 })).toEqual(at);
  });
});
