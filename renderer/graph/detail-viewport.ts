/**
 * The viewport the nodes' level of detail is decided by: React Flow's, but only once it has settled. While the
 * graph is panned or zoomed, every node keeps the detail it had; when the motion stops, only the nodes whose level
 * changes re-render (once). Per frame this costs one timer reset instead of a store selector per node, and no frame
 * re-renders hundreds of nodes mid-gesture (bench/graph-view.ts).
 */
import { useStoreApi } from '@xyflow/react';
import { createContext, useContext, useLayoutEffect, useSyncExternalStore } from 'react';
import { drawsInFull, type NodeBox, type PaneView } from './level-of-detail';

/** How long the viewport must stay still before detail follows it. */
export const SETTLE_MS = 120;

/** The settled viewport and who listens to it. */
export interface DetailViewport {
  readonly get: () => PaneView;
  readonly set: (view: PaneView) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

/** A settled-viewport store, seeded with the first viewport (or nothing on screen in detail until it is known). */
export function createDetailViewport(seed?: PaneView): DetailViewport {
  let view: PaneView = seed ?? { transform: [0, 0, 0], width: 0, height: 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => view,
    set: (next) => {
      const [x, y, zoom] = next.transform;
      const [px, py, pzoom] = view.transform;
      if (x === px && y === py && zoom === pzoom && next.width === view.width && next.height === view.height) return;
      view = next;
      listeners.forEach((l) => l());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const DetailViewportContext = createContext<DetailViewport>(createDetailViewport());

/** Whether this node draws in full at the settled viewport; re-renders only when that answer changes. */
export function useDrawsInFull(box: NodeBox): boolean {
  const store = useContext(DetailViewportContext);
  const full = () => drawsInFull(store.get(), box);
  return useSyncExternalStore(store.subscribe, full, full);
}

/** Inside <ReactFlow>: copies React Flow's viewport into the store once it has been still for SETTLE_MS. */
export function DetailViewportSync({ store }: { readonly store: DetailViewport }) {
  const api = useStoreApi();
  useLayoutEffect(() => {
    const copy = () => {
      const { transform, width, height } = api.getState();
      if (width > 0 && height > 0) store.set({ transform: [transform[0], transform[1], transform[2]], width, height });
    };
    copy();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = api.getState();
    const unsubscribe = api.subscribe((state) => {
      if (state.transform === last.transform && state.width === last.width && state.height === last.height) return;
      last = state;
      clearTimeout(timer);
      timer = setTimeout(copy, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, store]);
  return null;
}
