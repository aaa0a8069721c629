/**
 * What the investigator opened or closed on the graph: upstream collapsed or expanded per node, downstream expanded
 * per node, supernodes opened, and datasets whose fields are shown. Immutable; every toggle returns a new state.
 */
export interface ExploreState {
  /** Nodes whose upstream is hidden. */
  readonly collapsedUpstream: ReadonlySet<string>;
  /** Nodes off the traced path whose upstream is shown (from the evidence, as of the chosen moment). */
  readonly expandedUpstream: ReadonlySet<string>;
  /** Nodes whose consumers are shown (from the evidence, as of the chosen moment). */
  readonly expandedDownstream: ReadonlySet<string>;
  /** Supernodes opened into their members. */
  readonly openGroups: ReadonlySet<string>;
  /** Datasets drawn with their fields (and column edges between shown fields). */
  readonly fieldsShown: ReadonlySet<string>;
}

export const initialExploreState: ExploreState = {
  collapsedUpstream: new Set(),
  expandedUpstream: new Set(),
  expandedDownstream: new Set(),
  openGroups: new Set(),
  fieldsShown: new Set(),
};

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  if (set.has(id) === on) return set;
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Shows or hides a node's upstream. */
export function setUpstream(state: ExploreState, id: string, shown: boolean): ExploreState {
  return {
    ...state,
    collapsedUpstream: toggled(state.collapsedUpstream, id, !shown),
    expandedUpstream: toggled(state.expandedUpstream, id, shown),
  };
}

/** Shows or hides a node's downstream consumers. */
export function setDownstream(state: ExploreState, id: string, shown: boolean): ExploreState {
  return { ...state, expandedDownstream: toggled(state.expandedDownstream, id, shown) };
}

/** Opens a supernode into its members. */
export function openGroup(state: ExploreState, groupId: string): ExploreState {
  return { ...state, openGroups: toggled(state.openGroups, groupId, true) };
}

/** Shows or hides a dataset's fields. */
export function setFieldsShown(state: ExploreState, id: string, shown: boolean): ExploreState {
  return { ...state, fieldsShown: toggled(state.fieldsShown, id, shown) };
}

/** The supernode grouping a node's neighbours past the threshold in one direction. */
export const groupId = (anchor: string, direction: 'upstream' | 'downstream') => `group:${direction}:${anchor}`;

/** Neighbours past this many in one direction are grouped into one supernode. */
export const GROUP_THRESHOLD = 50;
