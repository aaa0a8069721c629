import { describe, expect, it } from 'vitest';
import { layoutLeftToRight } from './layout';

const box = (id: string) => ({ id, width: 200, height: 60 });

describe('layoutLeftToRight', () => {
  it('places upstream nodes left of the nodes they feed', () => {
    const nodes = ['source', 'job', 'dataset', 'feature', 'decision'].map(box);
    const edges = [
      { source: 'source', target: 'job' },
      { source: 'job', target: 'dataset' },
      { source: 'dataset', target: 'feature' },
      { source: 'feature', target: 'decision' },
    ];
    const at = layoutLeftToRight(nodes, edges);
    const xs = ['source', 'job', 'dataset', 'feature', 'decision'].map((id) => at.get(id)!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
  });

  it('stacks siblings of one rank without overlap', () => {
    const nodes = ['a', 'b', 'c', 'job'].map(box);
    const edges = ['a', 'b', 'c'].map((id) => ({ source: id, target: 'job' }));
    const at = layoutLeftToRight(nodes, edges);
    const ys = ['a', 'b', 'c'].map((id) => at.get(id)!.y).sort((p, q) => p - q);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(60);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(60);
    expect(at.get('a')!.x).toBe(at.get('b')!.x);
  });

  it('positions every node, ignores edges to unknown nodes, and is deterministic', () => {
    const nodes = ['x', 'y'].map(box);
    const edges = [
      { source: 'x', target: 'y' },
      { source: 'ghost', target: 'y' },
    ];
    const first = layoutLeftToRight(nodes, edges);
    expect([...first.keys()]).toEqual(['x', 'y']);
    expect(layoutLeftToRight(nodes, edges)).toEqual(first);
  });
});
