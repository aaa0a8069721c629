/**
 * Requests to the lineage graph from outside it (the command palette): centre and select a node, export, fit. Kept
 * until the graph is on screen to carry them out, so a request made from another step waits for the Trace step.
 */
import { create } from 'zustand';
import type { ImageFormat } from './export-image';

export type GraphRequest =
  | { readonly kind: 'focus'; readonly id: string }
  | { readonly kind: 'export'; readonly format: ImageFormat | 'json' }
  | { readonly kind: 'fit' }
  | { readonly kind: 'overview' };

interface GraphRequests {
  readonly pending?: GraphRequest;
  readonly request: (request: GraphRequest) => void;
  /** Called by the graph once it carried the request out. */
  readonly done: () => void;
}

export const useGraphRequests = create<GraphRequests>()((set) => ({
  pending: undefined,
  request: (request) => set({ pending: request }),
  done: () => set({ pending: undefined }),
}));

export const selectPendingGraphRequest = (s: GraphRequests) => s.pending;
