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

/**
 * What a view opens by itself as of a moment, per node: the Lineage view opens the walk around its chosen node.
 * `seedExplore` opens it on nodes no seed or hand has settled yet, so moving the moment keeps what was opened.
 */
export interface ExploreSeed {
  readonly upstream: ReadonlySet<string>;
  readonly downstream: ReadonlySet<string>;
  readonly fields: ReadonlySet<string>;
}

export const emptySeed: ExploreSeed = { upstream: new Set(), downstream: new Set(), fields: new Set() };

const joined = (a: ReadonlySet<string>, b: Iterable<string>): ReadonlySet<string> => {
  const more = [...b].filter((id) => !a.has(id));
  return more.length ? new Set([...a, ...more]) : a;
};
const unsettled = (ids: ReadonlySet<string>, settled: ReadonlySet<string>) => [...ids].filter((id) => !settled.has(id));

/**
 * Opens what `seed` opens on the nodes not yet `settled` in that direction (by an earlier seed or by the
 * investigator's own expand or collapse), leaving every settled node as it is.
 */
export function seedExplore(state: ExploreState, seed: ExploreSeed, settled: ExploreSeed): ExploreState {
  const upstream = unsettled(seed.upstream, settled.upstream);
  const downstream = unsettled(seed.downstream, settled.downstream);
  const fields = unsettled(seed.fields, settled.fields);
  if (upstream.length + downstream.length + fields.length === 0) return state;
  const collapsed = new Set(state.collapsedUpstream);
  for (const id of upstream) collapsed.delete(id);
  return {
    ...state,
    collapsedUpstream: collapsed.size === state.collapsedUpstream.size ? state.collapsedUpstream : collapsed,
    expandedUpstream: joined(state.expandedUpstream, upstream),
    expandedDownstream: joined(state.expandedDownstream, downstream),
    fieldsShown: joined(state.fieldsShown, fields),
  };
}

/** The nodes settled by either: a seed applied, or a node the investigator expanded or collapsed. */
export function settle(
  settled: ExploreSeed,
  more: { readonly [K in keyof ExploreSeed]?: Iterable<string> },
): ExploreSeed {
  return {
    upstream: joined(settled.upstream, more.upstream ?? []),
    downstream: joined(settled.downstream, more.downstream ?? []),
    fields: joined(settled.fields, more.fields ?? []),
  };
}
