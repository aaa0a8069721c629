/**
 * Positions for the drawn graph, computed off the render path: memoized by the graph's shape, in a worker for big
 * graphs (falling back to an idle callback where workers are unavailable), synchronously for small ones.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LayoutInput } from './to-flow';
import { layoutLeftToRight, type LayoutOptions, type Position } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout.worker';
import { recordRan, workerFailure } from '../engine/worker-status';

/** Graphs with more nodes than this are laid out in a worker. */
export const WORKER_THRESHOLD = 120;
/** The graph's pane is 1.6 to 2 times as wide as it is high (graph.css .graph-wrap); the narrower fills both. */
export const LAYOUT_OPTIONS: LayoutOptions = { rankSeparation: 64, nodeSeparation: 24, aspectRatio: 1.6 };

type Layout = { readonly key: string; readonly positions: ReadonlyMap<string, Position> };

/** Positions together with what they were computed for (the view drawn at them). */
export interface LaidOut<T> {
  readonly positions: ReadonlyMap<string, Position>;
  readonly payload: T;
  /** False while a newer shape is being laid out (the previous one stays on screen meanwhile). */
  readonly current: boolean;
}

let worker: Worker | undefined | null;
/** Why the worker cannot be used (shown in the step's header: engine/WorkerThreadNotice.tsx). */
let failure = '';

/** One shared layout worker, or null where it cannot start (tests, some file:// shells). */
function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    worker = null;
    failure = workerFailure(error);
  }
  return worker;
}

function layOutLater(input: LayoutInput, done: (layout: Layout) => void): () => void {
  const run = () => done({ key: input.key, positions: layoutLeftToRight(input.nodes, input.edges, LAYOUT_OPTIONS) });
  const w = layoutWorker();
  if (!w) {
    recordRan('layout', { thread: 'main', reason: failure });
    const handle = setTimeout(run, 0);
    return () => clearTimeout(handle);
  }
  let live = true;
  const onMessage = ({ data }: MessageEvent<LayoutResponse>) => {
    if (data.key === input.key) recordRan('layout', { thread: 'worker' });
    if (live && data.key === input.key) done({ key: data.key, positions: new Map(data.positions) });
  };
  const onError = (event: Event) => {
    worker = null;
    failure = workerFailure(event);
    recordRan('layout', { thread: 'main', reason: failure });
    if (live) run();
  };
  w.addEventListener('message', onMessage);
  w.addEventListener('error', onError);
  const request: LayoutRequest = { key: input.key, nodes: input.nodes, edges: input.edges, options: LAYOUT_OPTIONS };
  w.postMessage(request);
  return () => {
    live = false;
    w.removeEventListener('message', onMessage);
    w.removeEventListener('error', onError);
  };
}

/**
 * The positions of the input's nodes with the payload they belong to. While a big graph is being laid out, the last
 * finished layout and its payload are returned (so the screen keeps the previous graph), or undefined at first.
 */
export function useLayout<T>(input: LayoutInput, payload: T): LaidOut<T> | undefined {
  const small = input.nodes.length <= WORKER_THRESHOLD;
  const sync = useMemo(
    () => (small ? layoutLeftToRight(input.nodes, input.edges, LAYOUT_OPTIONS) : undefined),
    // The key names the shape; the arrays are rebuilt on every change of view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [small, input.key],
  );
  const [async, setAsync] = useState<Layout & { readonly payload: T }>();
  useEffect(
    () => (small ? undefined : layOutLater(input, (layout) => setAsync({ ...layout, payload }))),
    // Laid out once per shape: a new payload of the same shape reuses the positions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [small, input.key],
  );
  if (sync) return { positions: sync, payload, current: true };
  if (!async) return undefined;
  if (async.key === input.key) return { positions: async.positions, payload, current: true };
  return { positions: async.positions, payload: async.payload, current: false };
}
