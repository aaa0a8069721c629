import { describe, expect, it } from 'vitest';
import { FIELD_ROW_HEIGHT, MAX_FIELD_ROWS, NODE_HEIGHT, NODE_WIDTH, nodeHeight } from './flow-types';
import { DETAIL_ZOOM, drawsInFull } from './level-of-detail';
import { nodeHandles } from './to-flow';

const pane = { width: 1200, height: 700 };
const at = (x: number, y: number) => ({
  positionAbsoluteX: x,
  positionAbsoluteY: y,
  width: NODE_WIDTH,
  height: NODE_HEIGHT,
});

describe('level of detail', () => {
  it('draws a node on screen in full when its text is readable, as one box when zoomed out', () => {
    expect(drawsInFull({ ...pane, transform: [0, 0, 1] }, at(100, 100))).toBe(true);
    expect(drawsInFull({ ...pane, transform: [0, 0, DETAIL_ZOOM] }, at(100, 100))).toBe(true);
    expect(drawsInFull({ ...pane, transform: [0, 0, DETAIL_ZOOM * 0.9] }, at(100, 100))).toBe(false);
  });

  it('draws nodes within half a screen of the pane in full, and nodes further away as boxes', () => {
    const zoom = 1;
    expect(drawsInFull({ ...pane, transform: [0, 0, zoom] }, at(pane.width + 100, 100))).toBe(true);
    expect(drawsInFull({ ...pane, transform: [0, 0, zoom] }, at(pane.width * 2, 100))).toBe(false);
    expect(drawsInFull({ ...pane, transform: [0, 0, zoom] }, at(100, -pane.height))).toBe(false);
    // The same node after panning it onto the screen.
    expect(drawsInFull({ ...pane, transform: [-pane.width * 2 + 50, 0, zoom] }, at(pane.width * 2, 100))).toBe(true);
  });
});

describe('node handles given to React Flow', () => {
  it('puts the table-level handles at the middle of the left and right borders', () => {
    const [target, source] = nodeHandles(NODE_HEIGHT);
    expect(target).toMatchObject({ type: 'target', position: 'left', id: null });
    expect(source).toMatchObject({ type: 'source', position: 'right', id: null });
    expect(target!.y + target!.height! / 2).toBe(NODE_HEIGHT / 2);
    // Centred on the borders: the kind colour's 5 px on the left, 1 px on the right.
    expect(target!.x + target!.width! / 2).toBe(5);
    expect(source!.x + source!.width! / 2).toBe(NODE_WIDTH - 1);
  });

  it('gives each drawn field row an in and an out handle at its middle, inside the node', () => {
    const fields = Array.from({ length: MAX_FIELD_ROWS + 5 }, (_, i) => ({ name: `col_${i}` }));
    const height = nodeHeight(fields.length);
    const handles = nodeHandles(height, fields);
    expect(handles).toHaveLength(2 + 2 * MAX_FIELD_ROWS);
    const second = handles.filter((h) => h.id?.endsWith(':col_1'));
    expect(second.map((h) => h.type).sort()).toEqual(['source', 'target']);
    const rowMiddles = handles.slice(2).map((h) => h.y + h.height! / 2);
    expect(rowMiddles[2]! - rowMiddles[0]!).toBe(FIELD_ROW_HEIGHT);
    expect(Math.max(...rowMiddles)).toBeLessThan(height);
    expect(Math.min(...rowMiddles)).toBeGreaterThan(NODE_HEIGHT / 2);
  });
});
