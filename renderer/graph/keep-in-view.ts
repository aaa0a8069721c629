/**
 * Keeping the node the investigator is on in sight: when the pane narrows (the node's details open beside the
 * graph) or the selection moves to a node partly off screen, the view moves the least that shows the node whole.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The shift along one axis that brings [start, end) (screen pixels) inside [margin, size − margin); centred if too big. */
function shift(start: number, end: number, size: number, margin: number): number {
  if (end - start > size - 2 * margin) return size / 2 - (start + end) / 2;
  if (start < margin) return margin - start;
  if (end > size - margin) return size - margin - end;
  return 0;
}

/**
 * The viewport that shows `box` (graph coordinates) wholly inside a pane of `pane` pixels, at the same zoom, moved as
 * little as it can be; undefined when the node is already in sight.
 */
export function viewportShowing(
  box: Box,
  viewport: Viewport,
  pane: { readonly width: number; readonly height: number },
  margin = 16,
): Viewport | undefined {
  if (pane.width <= 0 || pane.height <= 0) return undefined;
  const { x, y, zoom } = viewport;
  const left = box.x * zoom + x;
  const top = box.y * zoom + y;
  const dx = shift(left, left + box.width * zoom, pane.width, margin);
  const dy = shift(top, top + box.height * zoom, pane.height, margin);
  return dx === 0 && dy === 0 ? undefined : { x: x + dx, y: y + dy, zoom };
}
