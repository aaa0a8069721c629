/**
 * PNG and SVG export of the graph: the SVG is drawn from the laid-out nodes and edges (graph-svg.ts), never a
 * snapshot of the screen's HTML; the PNG is that SVG painted on a canvas at twice its size.
 */
import { safeFileName } from '../export/download';
import type { LineageFlowEdge, LineageFlowNode } from './flow-types';
import { graphSvg } from './graph-svg';

export type ImageFormat = 'png' | 'svg';

/** Canvases past this many pixels a side fail in Chromium; big graphs are painted smaller. */
const MAX_SIDE = 8192;

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(fileName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Paints SVG text on a canvas and answers the PNG. */
export async function svgToPng(svg: string): Promise<Blob> {
  const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 600);
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this window');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Draws the graph as laid out and saves it as `fileName.svg` or `fileName.png`. */
export async function exportGraphImage(
  format: ImageFormat,
  nodes: ReadonlyArray<LineageFlowNode>,
  edges: ReadonlyArray<LineageFlowEdge>,
  fileName: string,
  title: string,
  caption?: string,
): Promise<void> {
  const svg = graphSvg(nodes, edges, title, caption);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(svg);
  save(blob, `${fileName}.${format}`);
}
