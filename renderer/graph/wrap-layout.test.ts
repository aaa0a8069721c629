import { describe, expect, it } from 'vitest';
import { edgePaths } from './EdgeLayer';
import type { LineageFlowNode } from './flow-types';
import { layoutLeftToRight, type Position } from './layout';
import { nodeHandles } from './to-flow';
import { BAND_GAP } from './wrap-layout';

const W = 220;
const H = 76;
const chain = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);
const links = (ids: string[]) => ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id }));
const boxOf = (at: ReadonlyMap<string, Position>) => {
  const ps = [...at.values()];
  const width = Math.max(...ps.map((p) => p.x + W)) - Math.min(...ps.map((p) => p.x));
  const height = Math.max(...ps.map((p) => p.y + H)) - Math.min(...ps.map((p) => p.y));
  return { width, height };
};
const overlaps = (a: Position, b: Position) => a.x < b.x + W && b.x < a.x + W && a.y < b.y + H && b.y < a.y + H;

describe('wrapping long chains into bands', () => {
  const ids = chain(14);
  const nodes = ids.map((id) => ({ id, width: W, height: H }));
  const edges = links(ids);
  const options = { rankSeparation: 64, nodeSeparation: 24 };
  const strip = layoutLeftToRight(nodes, edges, options);
  const wrapped = layoutLeftToRight(nodes, edges, { ...options, aspectRatio: 2 });

  it('turns a strip of 14 nodes into a box near the pane’s shape', () => {
    const before = boxOf(strip);
    const after = boxOf(wrapped);
    expect(before.width / before.height).toBeGreaterThan(20);
    expect(after.width / after.height).toBeGreaterThan(1);
    expect(after.width / after.height).toBeLessThan(4);
    // Fitted into a 2:1 pane, the wrapped graph is drawn at least twice as large.
    const scale = (b: { width: number; height: number }) => Math.min(2 / b.width, 1 / b.height);
    expect(scale(after)).toBeGreaterThan(2 * scale(before));
  });

  it('reads like text: left to right within a band, each band below the last, no overlaps', () => {
    const at = ids.map((id) => wrapped.get(id)!);
    for (let i = 1; i < at.length; i++) {
      const [a, b] = [at[i - 1]!, at[i]!];
      if (b.y === a.y) expect(b.x).toBeGreaterThan(a.x);
      else {
        expect(b.y).toBeGreaterThanOrEqual(a.y + H + BAND_GAP);
        expect(b.x).toBeLessThan(a.x);
      }
    }
    for (const [i, a] of at.entries()) for (const b of at.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(layoutLeftToRight(nodes, edges, { ...options, aspectRatio: 2 })).toEqual(wrapped);
  });

  it('leaves short chains and tall graphs in one band', () => {
    const three = chain(3);
    const short = layoutLeftToRight(
      three.map((id) => ({ id, width: W, height: H })),
      links(three),
      { ...options, aspectRatio: 2 },
    );
    expect(new Set([...short.values()].map((p) => p.y)).size).toBe(1);
    const fan = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'job'];
    const fanNodes = fan.map((id) => ({ id, width: W, height: H }));
    const fanEdges = fan.slice(0, -1).map((id) => ({ source: id, target: 'job' }));
    const tall = layoutLeftToRight(fanNodes, fanEdges, { ...options, aspectRatio: 2 });
    const plain = layoutLeftToRight(fanNodes, fanEdges, options);
    const shift = (id: string) => [plain.get(id)!.x - tall.get(id)!.x, plain.get(id)!.y - tall.get(id)!.y];
    for (const id of fan) expect(shift(id)).toEqual(shift('job'));
  });

  it('routes an edge into the next band along the gap above it, clear of every node', () => {
    const flow = ids.map(
      (id) =>
        ({
          id,
          type: 'dataset',
          position: wrapped.get(id)!,
          height: H,
          data: {},
          handles: nodeHandles(H),
        }) as unknown as LineageFlowNode,
    );
    const paths = edgePaths(
      flow,
      edges.map((e) => ({ id: `${e.source}>${e.target}`, ...e, markerEnd: 'arrow' })),
    );
    const wraps = paths.filter((p) => p.d.includes('Q'));
    expect(wraps.length).toBeGreaterThan(0);
    for (const p of wraps) {
      const corners = [...p.d.matchAll(/Q(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
      const corridor = corners[1]!;
      expect(corners[2]).toBe(corridor);
      expect(flow.every((n) => corridor < n.position.y || corridor > n.position.y + H)).toBe(true);
    }
  });
});
