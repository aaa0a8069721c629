/**
 * Keyboard commands of the lineage graph as registered actions `{ name, label, keyTest, perform }`: arrow keys move
 * along edges, Enter opens the node's details, U / D / F expand or collapse upstream, downstream and fields, and
 * `/` jumps to the search box.
 */
import type { KeyLike } from '../steps/step-actions';
import type { ArrowKey } from './graph-navigation';

export interface GraphCommandContext {
  readonly move: (key: ArrowKey) => void;
  readonly openDetails: () => void;
  readonly toggleUpstream: () => void;
  readonly toggleDownstream: () => void;
  readonly toggleFields: () => void;
  readonly focusSearch: () => void;
}

export interface GraphCommand {
  readonly name: string;
  readonly label: string;
  /** The keys as shown in the shortcuts list. */
  readonly keys: string;
  readonly keyTest: (event: KeyLike) => boolean;
  readonly perform: (context: GraphCommandContext) => void;
}

const plain = (e: KeyLike) => !e.altKey && !e.ctrlKey && !e.metaKey;
const letter = (e: KeyLike, l: string) => plain(e) && e.key.toLowerCase() === l;
const ARROWS: Readonly<Record<ArrowKey, string>> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
const arrow = (key: ArrowKey, label: string): GraphCommand => ({
  name: `move:${key}`,
  label,
  keys: ARROWS[key],
  keyTest: (e) => plain(e) && !e.shiftKey && e.key === key,
  perform: (c) => c.move(key),
});

export const graphCommands: ReadonlyArray<GraphCommand> = [
  arrow('ArrowLeft', 'Move to an upstream neighbour'),
  arrow('ArrowRight', 'Move to a downstream neighbour'),
  arrow('ArrowUp', 'Move to the node above'),
  arrow('ArrowDown', 'Move to the node below'),
  {
    name: 'openDetails',
    keys: 'Enter',
    label: 'Open the node’s details',
    keyTest: (e) => plain(e) && e.key === 'Enter',
    perform: (c) => c.openDetails(),
  },
  {
    name: 'toggleUpstream',
    keys: 'U',
    label: 'Expand or collapse upstream',
    keyTest: (e) => letter(e, 'u'),
    perform: (c) => c.toggleUpstream(),
  },
  {
    name: 'toggleDownstream',
    keys: 'D',
    label: 'Expand or collapse downstream',
    keyTest: (e) => letter(e, 'd'),
    perform: (c) => c.toggleDownstream(),
  },
  {
    name: 'toggleFields',
    keys: 'F',
    label: 'Show or hide a dataset’s fields',
    keyTest: (e) => letter(e, 'f'),
    perform: (c) => c.toggleFields(),
  },
  {
    name: 'focusSearch',
    keys: '/',
    label: 'Find a node',
    keyTest: (e) => plain(e) && e.key === '/',
    perform: (c) => c.focusSearch(),
  },
];

/** The graph command a key press triggers, if any. */
export function graphCommandForKey(event: KeyLike): GraphCommand | undefined {
  return graphCommands.find((c) => c.keyTest(event));
}
