/**
 * Where the overview (React Flow's minimap) goes: in a corner of the pane that does not cover the node the
 * investigator is on. The controls keep the bottom-left corner.
 */
import type { PaneView } from './level-of-detail';

export type Corner = 'bottom-right' | 'top-right' | 'top-left';

/** React Flow's minimap: 200 × 150 px, 15 px from the pane's edges. */
export const MINIMAP = { width: 200, height: 150, margin: 15 } as const;
const CORNERS: ReadonlyArray<Corner> = ['bottom-right', 'top-right', 'top-left'];

/** A node's box in flow coordinates. */
export interface FlowBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The first corner (bottom right, top right, top left) where the overview leaves the node's box on screen
 * uncovered; undefined when every corner would cover it (then the overview is not drawn).
 */
export function minimapCorner(view: PaneView, node: FlowBox | undefined): Corner | undefined {
  if (!node) return CORNERS[0];
  const [tx, ty, zoom] = view.transform;
  const left = node.x * zoom + tx;
  const top = node.y * zoom + ty;
  const right = left + node.width * zoom;
  const bottom = top + node.height * zoom;
  const { width: w, height: h, margin: m } = MINIMAP;
  return CORNERS.find((corner) => {
    const x0 = corner === 'top-left' ? m : view.width - m - w;
    const y0 = corner === 'bottom-right' ? view.height - m - h : m;
    return right <= x0 || left >= x0 + w || bottom <= y0 || top >= y0 + h;
  });
}
