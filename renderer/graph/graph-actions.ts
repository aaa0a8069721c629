/** What the buttons on a node do, provided by the graph through context so node data stays plain. */
import { createContext, useContext } from 'react';

export interface GraphActions {
  readonly toggleUpstream: (id: string) => void;
  readonly toggleDownstream: (id: string) => void;
  readonly toggleFields: (id: string) => void;
  readonly openGroup: (groupId: string) => void;
}

const noop = () => undefined;

export const GraphActionsContext = createContext<GraphActions>({
  toggleUpstream: noop,
  toggleDownstream: noop,
  toggleFields: noop,
  openGroup: noop,
});

export const useGraphActions = () => useContext(GraphActionsContext);
