import { describe, expect, it } from 'vitest';
import { matchActions, opensPalette, opensShortcuts, type PaletteAction } from './palette-actions';

const action = (name: string, label: string, group: PaletteAction['group'], keywords?: string): PaletteAction => ({
  name,
  label,
  group,
  keywords,
  perform: () => undefined,
});
const actions = [
  action('goToStep:trace', 'Go to Trace', 'Step'),
  action('goToStep:changes', 'Go to Changes', 'Step'),
  action(
    'focusNode:job',
    'Job: features.customer_features',
    'Node',
    'data-platform:features.customer_features a6796db5',
  ),
  action('export:graph-svg', 'Export the graph as SVG', 'Export'),
  action('openCase:1', 'Open case: Why was customer u-1 refused?', 'Case'),
];
const key = (
  k: string,
  over: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

describe('matchActions', () => {
  it('keeps every action for an empty query', () => {
    expect(matchActions(actions, '  ')).toEqual(actions);
  });

  it('needs every word, in any order, in the group, label or keywords', () => {
    expect(matchActions(actions, 'svg graph').map((a) => a.name)).toEqual(['export:graph-svg']);
    expect(matchActions(actions, 'a6796db5').map((a) => a.name)).toEqual(['focusNode:job']);
    expect(matchActions(actions, 'node customer').map((a) => a.name)).toEqual(['focusNode:job']);
    expect(matchActions(actions, 'nothing like it')).toEqual([]);
  });

  it('ranks a label that starts with the query first', () => {
    expect(matchActions(actions, 'go to c').map((a) => a.name)).toEqual(['goToStep:changes', 'goToStep:trace']);
    expect(matchActions(actions, 'trace')[0]!.name).toBe('goToStep:trace');
  });
});

describe('palette keys', () => {
  it('Ctrl+K and Cmd+K open the palette; K alone or with Alt does not', () => {
    expect(opensPalette(key('k', { ctrlKey: true }))).toBe(true);
    expect(opensPalette(key('K', { metaKey: true }))).toBe(true);
    expect(opensPalette(key('k'))).toBe(false);
    expect(opensPalette(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('? shows the shortcuts, except while typing', () => {
    expect(opensShortcuts(key('?', { shiftKey: true }), false)).toBe(true);
    expect(opensShortcuts(key('?', { shiftKey: true }), true)).toBe(false);
  });
});
