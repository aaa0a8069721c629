/**
 * Level of detail of the lineage graph's nodes: a node draws in full (kind, name, version, buttons) only when it can
 * be read and is on or near the screen; otherwise as one box. Painting, layerizing and hit-testing cost per element,
 * so this keeps panning and zooming a 500-node graph cheap (bench/graph-view.ts).
 */
import type { ReactFlowState } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from './flow-types';

/** Below this zoom, text is unreadable (12 px type under 6 px): nodes draw as plain boxes with their name. */
export const DETAIL_ZOOM = 0.5;
/** Nodes this far (in screen sizes) outside the pane also draw in full, so a short pan shows no plain boxes. */
const DETAIL_MARGIN = 0.5;

/** Where a node is, in flow coordinates (React Flow's node props). */
export interface NodeBox {
  readonly positionAbsoluteX: number;
  readonly positionAbsoluteY: number;
  readonly width?: number;
  readonly height?: number;
}

/** The pane's size and React Flow's viewport transform ([x, y, zoom]). */
export type PaneView = Pick<ReactFlowState, 'transform' | 'width' | 'height'>;

/**
 * Whether a node draws in full: zoomed in enough to read it, and on (or near) the screen. Off-screen and far-away
 * nodes draw as one box each, so panning and zooming paint and hit-test far fewer elements.
 */
export function drawsInFull(state: PaneView, box: NodeBox): boolean {
  const [tx, ty, zoom] = state.transform;
  if (zoom < DETAIL_ZOOM) return false;
  const left = box.positionAbsoluteX * zoom + tx;
  const top = box.positionAbsoluteY * zoom + ty;
  const mx = state.width * DETAIL_MARGIN;
  const my = state.height * DETAIL_MARGIN;
  const right = left + (box.width ?? NODE_WIDTH) * zoom;
  const bottom = top + (box.height ?? NODE_HEIGHT) * zoom;
  return right > -mx && left < state.width + mx && bottom > -my && top < state.height + my;
}
