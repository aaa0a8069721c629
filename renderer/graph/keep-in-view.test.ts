import { describe, expect, it } from 'vitest';
import { viewportShowing } from './keep-in-view';

const pane = { width: 650, height: 460 };
const node = { x: 540, y: 200, width: 240, height: 90 };

describe('keeping the selected node in sight', () => {
  it('leaves the view alone while the node is wholly in the pane', () => {
    expect(viewportShowing(node, { x: -200, y: 0, zoom: 1 }, pane)).toBeUndefined();
  });

  it('moves the least that shows a node the narrowed pane cut off at its right edge', () => {
    // The details panel opened: the pane is 650 px wide and the node runs from 540 to 780 on screen.
    const next = viewportShowing(node, { x: 0, y: 0, zoom: 1 }, pane)!;
    expect(next.zoom).toBe(1);
    expect(next.y).toBe(0);
    expect(node.x * next.zoom + next.x + node.width * next.zoom).toBe(pane.width - 16);
  });

  it('brings a node back from above and the left, at the same zoom', () => {
    const next = viewportShowing({ x: -100, y: -50, width: 200, height: 60 }, { x: 0, y: 0, zoom: 0.5 }, pane)!;
    expect(next).toEqual({ x: 66, y: 41, zoom: 0.5 });
  });

  it('centres a node wider than the pane', () => {
    const next = viewportShowing({ x: 0, y: 0, width: 1000, height: 60 }, { x: 0, y: 100, zoom: 1 }, pane)!;
    expect(next.x + 500).toBe(pane.width / 2);
  });
});
