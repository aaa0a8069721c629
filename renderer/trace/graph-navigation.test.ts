import { describe, expect, it, vi } from 'vitest';
import { graphCommandForKey, graphCommands, type GraphCommandContext } from './graph-commands';
import { nextNode, searchNodes } from './graph-navigation';

// source → job → dataset, and a second input beside the source.
const placed = [
  { id: 'source', x: 0, y: 0 },
  { id: 'other', x: 0, y: 100 },
  { id: 'job', x: 300, y: 40 },
  { id: 'dataset', x: 600, y: 40 },
];
const links = [
  { source: 'source', target: 'job' },
  { source: 'other', target: 'job' },
  { source: 'job', target: 'dataset' },
];

describe('nextNode', () => {
  it('moves upstream and downstream along edges, to the vertically nearest neighbour', () => {
    expect(nextNode('dataset', 'ArrowLeft', placed, links)).toBe('job');
    expect(nextNode('job', 'ArrowLeft', placed, links)).toBe('source');
    expect(nextNode('job', 'ArrowRight', placed, links)).toBe('dataset');
    expect(nextNode('dataset', 'ArrowRight', placed, links)).toBeUndefined();
  });

  it('moves up and down within a column only', () => {
    expect(nextNode('source', 'ArrowDown', placed, links)).toBe('other');
    expect(nextNode('other', 'ArrowUp', placed, links)).toBe('source');
    expect(nextNode('job', 'ArrowDown', placed, links)).toBeUndefined();
  });
});

describe('searchNodes', () => {
  const nodes = [
    { id: 'warehouse:analytics.orders', label: 'warehouse:analytics.orders', version: 'v1' },
    { id: 'warehouse:staging.orders', label: 'warehouse:staging.orders' },
    { id: 'dp:transform.orders_daily', label: 'dp:transform.orders_daily', version: 'abc123' },
  ];
  it('finds by every word, exact names first', () => {
    expect(searchNodes(nodes, 'orders').map((n) => n.id)[2]).toBe('dp:transform.orders_daily');
    expect(searchNodes(nodes, 'staging orders').map((n) => n.id)).toEqual(['warehouse:staging.orders']);
    expect(searchNodes(nodes, 'ABC123').map((n) => n.id)).toEqual(['dp:transform.orders_daily']);
    expect(searchNodes(nodes, '  ')).toEqual([]);
  });
});

describe('graph commands', () => {
  const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  const context = (): GraphCommandContext => ({
    move: vi.fn(),
    openDetails: vi.fn(),
    toggleUpstream: vi.fn(),
    toggleDownstream: vi.fn(),
    toggleFields: vi.fn(),
    focusSearch: vi.fn(),
  });

  it('maps each key to its command and performs it', () => {
    const c = context();
    graphCommandForKey(key('ArrowLeft'))!.perform(c);
    expect(c.move).toHaveBeenCalledWith('ArrowLeft');
    graphCommandForKey(key('Enter'))!.perform(c);
    expect(c.openDetails).toHaveBeenCalled();
    graphCommandForKey(key('U', { shiftKey: true }))!.perform(c);
    expect(c.toggleUpstream).toHaveBeenCalled();
    graphCommandForKey(key('d'))!.perform(c);
    expect(c.toggleDownstream).toHaveBeenCalled();
    graphCommandForKey(key('f'))!.perform(c);
    expect(c.toggleFields).toHaveBeenCalled();
    graphCommandForKey(key('/'))!.perform(c);
    expect(c.focusSearch).toHaveBeenCalled();
  });

  it('leaves modified keys to the browser and the app', () => {
    expect(graphCommandForKey(key('f', { ctrlKey: true }))).toBeUndefined();
    expect(graphCommandForKey(key('ArrowLeft', { altKey: true }))).toBeUndefined();
    expect(new Set(graphCommands.map((c) => c.name)).size).toBe(graphCommands.length);
  });
});
