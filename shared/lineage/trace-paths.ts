/**
 * Every path from the decision up to an origin through the traced edges (decision first), and the primary one
 * the CLI prints. Paths are enumerated depth-first, never revisiting a node on the current path (a job that
 * reads the dataset it writes would otherwise loop), and capped: a wide closure has exponentially many.
 */
import type { TraceEdge } from '../analysis/types';

/** At most this many paths are listed; `truncated` says when there were more. */
export const MAX_PATHS = 1000;

/** All root-to-origin paths over the edges (each edge points downstream: source is upstream of target). */
export function enumeratePaths(
  root: string,
  edges: ReadonlyArray<Pick<TraceEdge, 'source' | 'target'>>,
  limit = MAX_PATHS,
): { paths: string[][]; truncated: boolean } {
  const upstream = new Map<string, string[]>();
  for (const e of edges) {
    const list = upstream.get(e.target);
    if (list) list.push(e.source);
    else upstream.set(e.target, [e.source]);
  }
  const paths: string[][] = [];
  const onPath = new Set<string>();
  const path: string[] = [];
  let truncated = false;
  const visit = (node: string): void => {
    if (truncated) return;
    path.push(node);
    onPath.add(node);
    const next = (upstream.get(node) ?? []).filter((n) => !onPath.has(n));
    if (next.length === 0) {
      if (paths.length >= limit) truncated = true;
      else paths.push([...path]);
    }
    for (const n of next) visit(n);
    onPath.delete(node);
    path.pop();
  };
  visit(root);
  return { paths, truncated };
}

/** The primary path: the longest (back to the furthest origin), the first of equals. */
export function primaryPath(paths: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> {
  let best: ReadonlyArray<string> = [];
  for (const p of paths) if (p.length > best.length) best = p;
  return best;
}
