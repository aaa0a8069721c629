/**
 * Keyboard navigation and search over the drawn graph (pure): arrow keys move along edges (left = upstream,
 * right = downstream) and between the nodes of one column (up, down); search ranks nodes by how well they match.
 */

export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface Link {
  readonly source: string;
  readonly target: string;
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export const isArrowKey = (key: string): key is ArrowKey =>
  key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';

/**
 * The node an arrow key moves to from `current`: the nearest (vertically) upstream or downstream neighbour along an
 * edge, or the nearest node above or below in the same column. Undefined where there is none.
 */
export function nextNode(
  current: string,
  key: ArrowKey,
  nodes: ReadonlyArray<PlacedNode>,
  links: ReadonlyArray<Link>,
  columnWidth = 100,
): string | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const here = byId.get(current);
  if (!here) return nodes[0]?.id;
  let candidates: PlacedNode[];
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const ids =
      key === 'ArrowLeft'
        ? links.filter((l) => l.target === current).map((l) => l.source)
        : links.filter((l) => l.source === current).map((l) => l.target);
    candidates = ids.map((id) => byId.get(id)).filter((n): n is PlacedNode => n !== undefined);
  } else {
    const up = key === 'ArrowUp';
    candidates = nodes.filter(
      (n) => n.id !== current && Math.abs(n.x - here.x) < columnWidth && (up ? n.y < here.y : n.y > here.y),
    );
  }
  let best: PlacedNode | undefined;
  for (const c of candidates) {
    if (!best || Math.abs(c.y - here.y) < Math.abs(best.y - here.y)) best = c;
  }
  return best?.id;
}

export interface Searchable {
  readonly id: string;
  readonly label: string;
  readonly version?: string;
}

/**
 * Nodes matching every word of the query (case-insensitive, in id, label or version), best first: an exact name
 * (whole label, without namespace, or its last dotted part), then a name that starts with the query, then the rest.
 */
export function searchNodes<T extends Searchable>(nodes: ReadonlyArray<T>, query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const score = (n: T) => {
    const label = n.label.toLowerCase();
    const name = label.slice(label.indexOf(':') + 1);
    const short = name.slice(name.lastIndexOf('.') + 1);
    if (label === q || name === q || short === q) return 0;
    if (label.startsWith(q) || name.startsWith(q) || short.startsWith(q)) return 1;
    return 2;
  };
  return nodes
    .filter((n) => {
      const text = `${n.id} ${n.label} ${n.version ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => score(a) - score(b) || a.label.localeCompare(b.label));
}
