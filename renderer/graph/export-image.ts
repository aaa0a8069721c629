/**
 * PNG and SVG export of the whole drawn graph, the way React Flow's docs do it: html-to-image renders the viewport
 * element with a transform that fits every node's bounds into the image.
 */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import { safeFileName } from '../export/download';

export type ImageFormat = 'png' | 'svg';

/** Renders the nodes' bounds from the viewport element into an image and saves it. */
export async function exportGraphImage(
  format: ImageFormat,
  viewportElement: HTMLElement,
  nodes: ReadonlyArray<Node>,
  fileName: string,
): Promise<void> {
  const bounds = getNodesBounds([...nodes]);
  const width = Math.round(Math.min(4000, Math.max(800, bounds.width + 80)));
  const height = Math.round(Math.min(4000, Math.max(480, bounds.height + 80)));
  const viewport = getViewportForBounds(bounds, width, height, 0.1, 2, 0.05);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
    },
  };
  const dataUrl = format === 'png' ? await toPng(viewportElement, options) : await toSvg(viewportElement, options);
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = safeFileName(`${fileName}.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
}
