import { describe, expect, it } from 'vitest';
import { initialExploreState } from '../trace/explore-state';
import { syntheticTrace } from '../trace/synthetic-trace';
import { buildView } from '../trace/view-graph';
import { createDetailViewport } from './detail-viewport';
import { edgePaths } from './EdgeLayer';
import {
  FIELD_ROW_HEIGHT,
  fieldHandle,
  fieldRowTop,
  type LineageFlowNode,
  NODE_HEIGHT,
  NODE_WIDTH,
} from './flow-types';
import { layoutLeftToRight } from './layout';
import { drawsInFull } from './level-of-detail';
import { layoutInput, nodeHandles, toFlow } from './to-flow';

/** The numbers of a path's `M x,y C … x,y`: its start and its end. */
function ends(d: string): { sx: number; sy: number; tx: number; ty: number } {
  const n = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return { sx: n[0]!, sy: n[1]!, tx: n[n.length - 2]!, ty: n[n.length - 1]! };
}

describe('edgePaths (all edges in one SVG)', () => {
  it('draws every edge of a trace from its source’s right border to its target’s left border', () => {
    const trace = syntheticTrace(60);
    const view = buildView(trace, initialExploreState, { upstream: () => [], downstream: () => [] });
    const input = layoutInput(view);
    const flow = toFlow(view, layoutLeftToRight(input.nodes, input.edges), {});
    const paths = edgePaths(flow.nodes, flow.edges);
    expect(flow.edges.length).toBeGreaterThan(0);
    expect(paths.map((p) => p.id)).toEqual(flow.edges.map((e) => e.id));
    const at = new Map(flow.nodes.map((n) => [n.id, n.position]));
    for (const [i, p] of paths.entries()) {
      const edge = flow.edges[i]!;
      const { sx, sy, tx, ty } = ends(p.d);
      const s = at.get(edge.source)!;
      const t = at.get(edge.target)!;
      expect(Math.abs(sx - (s.x + NODE_WIDTH))).toBeLessThanOrEqual(3);
      expect(sy).toBe(s.y + NODE_HEIGHT / 2);
      expect(Math.abs(tx - t.x)).toBeLessThanOrEqual(3);
      expect(ty).toBe(t.y + NODE_HEIGHT / 2);
      expect(p.arrow).toBe(true);
      expect(p.className).toContain(`edge-${edge.data!.edge.kind}`);
    }
  });

  it('attaches a column edge to its fields’ rows, and leaves out edges whose ends are not drawn', () => {
    const box = (id: string, x: number, fields: string[]) =>
      ({
        id,
        type: 'dataset',
        position: { x, y: 100 },
        data: {},
        handles: nodeHandles(
          NODE_HEIGHT + fields.length * FIELD_ROW_HEIGHT,
          fields.map((name) => ({ name })),
        ),
      }) as unknown as LineageFlowNode;
    const nodes = [box('a', 0, ['id', 'amount']), box('b', 400, ['total'])];
    const column = {
      id: 'column:x',
      source: 'a',
      target: 'b',
      sourceHandle: fieldHandle('amount', 'out'),
      targetHandle: fieldHandle('total', 'in'),
      className: 'edge-column',
    };
    const paths = edgePaths(nodes, [column, { id: 'gone', source: 'a', target: 'missing' }]);
    expect(paths.map((p) => p.id)).toEqual(['column:x']);
    const { sy, ty } = ends(paths[0]!.d);
    expect(sy).toBe(100 + fieldRowTop(1) + FIELD_ROW_HEIGHT / 2);
    expect(ty).toBe(100 + fieldRowTop(0) + FIELD_ROW_HEIGHT / 2);
    expect(paths[0]!.arrow).toBe(false);
  });
});

describe('detail viewport (level of detail decided once the viewport settles)', () => {
  it('tells nodes only when the settled viewport changes, and decides detail at it', () => {
    const store = createDetailViewport({ transform: [0, 0, 0.2], width: 1200, height: 700 });
    let told = 0;
    store.subscribe(() => told++);
    const node = { positionAbsoluteX: 100, positionAbsoluteY: 100, width: NODE_WIDTH, height: NODE_HEIGHT };
    expect(drawsInFull(store.get(), node)).toBe(false);
    store.set({ transform: [0, 0, 0.2], width: 1200, height: 700 });
    expect(told).toBe(0);
    store.set({ transform: [0, 0, 1], width: 1200, height: 700 });
    expect(told).toBe(1);
    expect(drawsInFull(store.get(), node)).toBe(true);
  });
});
