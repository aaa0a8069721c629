/** Lays out big lineage graphs off the main thread: receives nodes and edges, answers with positions. */
import { layoutLeftToRight, type LayoutEdgeInput, type LayoutNodeInput, type LayoutOptions } from './layout';

export interface LayoutRequest {
  readonly key: string;
  readonly nodes: ReadonlyArray<LayoutNodeInput>;
  readonly edges: ReadonlyArray<LayoutEdgeInput>;
  readonly options: LayoutOptions;
}

export interface LayoutResponse {
  readonly key: string;
  readonly positions: ReadonlyArray<readonly [string, { x: number; y: number }]>;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage: (message: LayoutResponse) => void;
};

scope.onmessage = ({ data }) => {
  const positions = layoutLeftToRight(data.nodes, data.edges, data.options);
  scope.postMessage({ key: data.key, positions: [...positions] });
};
