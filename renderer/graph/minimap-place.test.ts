import { describe, expect, it } from 'vitest';
import { MINIMAP, minimapCorner } from './minimap-place';

const pane = (x: number, y: number, zoom: number) => ({
  transform: [x, y, zoom] as [number, number, number],
  width: 1000,
  height: 500,
});
const node = (x: number, y: number) => ({ x, y, width: 220, height: 84 });

describe('minimapCorner (the overview never covers the focused node)', () => {
  it('keeps the bottom-right corner while the node is elsewhere', () => {
    expect(minimapCorner(pane(0, 0, 1), node(100, 100))).toBe('bottom-right');
    expect(minimapCorner(pane(0, 0, 1), undefined)).toBe('bottom-right');
  });

  it('moves up, then left, when the node sits under it', () => {
    expect(minimapCorner(pane(0, 0, 1), node(700, 380))).toBe('top-right');
    // A node spanning the right-hand side from top to bottom: only the top-left corner is free.
    expect(minimapCorner(pane(0, 0, 1), { x: 760, y: 0, width: 240, height: 500 })).toBe('top-left');
  });

  it('follows the viewport: the same node moved on screen by panning and zooming', () => {
    expect(minimapCorner(pane(-400, -200, 2), node(500, 250))).not.toBe('bottom-right');
    expect(minimapCorner(pane(-400, -200, 1), node(500, 250))).toBe('bottom-right');
  });

  it('gives no corner when every one would cover the node', () => {
    const huge = { x: 0, y: 0, width: 1000, height: 500 };
    expect(minimapCorner(pane(0, 0, 1), huge)).toBeUndefined();
    expect(MINIMAP.width).toBeLessThan(1000);
  });
});
