/**
 * A fast layered left-to-right layout for big graphs, where dagre's crossing minimisation takes seconds: ranks by
 * the longest path to a sink (the decision on the right), order within a rank by a few barycentre sweeps, each
 * rank stacked and centred. Linear in the edges per sweep; deterministic.
 */
import type { LayoutEdgeInput, LayoutNodeInput, LayoutOptions, Position } from './layout';

const SWEEPS = 4;

/** Rank = the longest path to a sink (0 = no downstream). Nodes on cycles get a rank from their placed neighbours. */
function ranks(
  ids: ReadonlyArray<string>,
  up: Map<string, string[]>,
  down: Map<string, string[]>,
): Map<string, number> {
  const rank = new Map<string, number>();
  const pending = new Map(ids.map((id) => [id, down.get(id)?.length ?? 0]));
  const queue = ids.filter((id) => pending.get(id) === 0);
  for (const id of queue) rank.set(id, 0);
  while (queue.length) {
    const v = queue.shift() as string;
    for (const u of up.get(v) ?? []) {
      rank.set(u, Math.max(rank.get(u) ?? 0, (rank.get(v) as number) + 1));
      const left = (pending.get(u) as number) - 1;
      pending.set(u, left);
      if (left === 0) queue.push(u);
    }
  }
  for (const id of ids) {
    if (pending.get(id) === 0) continue;
    const placed = (down.get(id) ?? []).filter((t) => pending.get(t) === 0).map((t) => (rank.get(t) as number) + 1);
    rank.set(id, Math.max(0, ...placed));
  }
  return rank;
}

/** Positions (top-left corners) for every node, upstream on the left. */
export function layoutLayered(
  nodes: ReadonlyArray<LayoutNodeInput>,
  edges: ReadonlyArray<LayoutEdgeInput>,
  options: LayoutOptions = {},
): Map<string, Position> {
  const rankSep = options.rankSeparation ?? 80;
  const nodeSep = options.nodeSeparation ?? 24;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const e of edges) {
    if (e.source === e.target || !byId.has(e.source) || !byId.has(e.target)) continue;
    up.set(e.target, [...(up.get(e.target) ?? []), e.source]);
    down.set(e.source, [...(down.get(e.source) ?? []), e.target]);
  }
  const ids = nodes.map((n) => n.id);
  const rank = ranks(ids, up, down);
  const maxRank = Math.max(0, ...rank.values());
  const layers: string[][] = Array.from({ length: maxRank + 1 }, () => []);
  for (const id of ids) layers[rank.get(id) as number]?.push(id);

  // Barycentre sweeps: upstream layers follow their downstream neighbours, then the other way.
  const index = new Map<string, number>();
  const reindex = (layer: string[]) => layer.forEach((id, i) => index.set(id, i / Math.max(1, layer.length - 1)));
  layers.forEach(reindex);
  const sortBy = (layer: string[], neighbours: Map<string, string[]>) => {
    const centre = new Map(
      layer.map((id) => {
        const ns = (neighbours.get(id) ?? []).filter((n) => index.has(n));
        return [id, ns.length ? ns.reduce((s, n) => s + (index.get(n) as number), 0) / ns.length : index.get(id)];
      }),
    );
    layer.sort((a, b) => (centre.get(a) as number) - (centre.get(b) as number) || a.localeCompare(b));
    reindex(layer);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let r = 1; r <= maxRank; r++) sortBy(layers[r] as string[], down);
    for (let r = maxRank - 1; r >= 0; r--) sortBy(layers[r] as string[], up);
  }

  const widest = Math.max(...nodes.map((n) => n.width), 0);
  const positions = new Map<string, Position>();
  layers.forEach((layer, r) => {
    const heights = layer.map((id) => (byId.get(id) as LayoutNodeInput).height);
    const total = heights.reduce((s, h) => s + h, 0) + nodeSep * Math.max(0, layer.length - 1);
    let y = -total / 2;
    const x = (maxRank - r) * (widest + rankSep);
    layer.forEach((id, i) => {
      positions.set(id, { x, y });
      y += (heights[i] as number) + nodeSep;
    });
  });
  return new Map(ids.map((id) => [id, positions.get(id) as Position]));
}
