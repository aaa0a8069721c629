import { describe, expect, it } from 'vitest';
import { emptySeed, type ExploreSeed, initialExploreState, seedExplore, setUpstream, settle } from './explore-state';

const seed = (up: string[], down: string[], fields: string[] = []): ExploreSeed => ({
  upstream: new Set(up),
  downstream: new Set(down),
  fields: new Set(fields),
});

describe('seedExplore: what a view opens by itself, at one moment and then another', () => {
  it('opens the seed’s nodes on a fresh graph', () => {
    const s = seedExplore(initialExploreState, seed(['a', 'b'], ['a'], ['b']), emptySeed);
    expect([...s.expandedUpstream].sort()).toEqual(['a', 'b']);
    expect([...s.expandedDownstream]).toEqual(['a']);
    expect([...s.fieldsShown]).toEqual(['b']);
  });

  it('at another moment leaves what the investigator collapsed, and opens only the nodes reached for the first time', () => {
    const first = seed(['a', 'b'], ['a']);
    let state = seedExplore(initialExploreState, first, emptySeed);
    let settled = settle(emptySeed, first);
    // The investigator collapses a's upstream and opens b's downstream by hand.
    state = setUpstream(state, 'a', false);
    state = { ...state, expandedDownstream: new Set([...state.expandedDownstream, 'b']) };
    settled = settle(settled, { upstream: ['a'], downstream: ['b'] });

    const later = seedExplore(state, seed(['a', 'b', 'c'], ['a', 'c'], ['c']), settled);
    expect(later.collapsedUpstream.has('a')).toBe(true);
    expect(later.expandedUpstream.has('a')).toBe(false);
    expect([...later.expandedUpstream].sort()).toEqual(['b', 'c']);
    expect([...later.expandedDownstream].sort()).toEqual(['a', 'b', 'c']);
    expect([...later.fieldsShown]).toEqual(['c']);
  });

  it('changes nothing when the seed reaches no new node', () => {
    const first = seed(['a'], ['a']);
    const state = seedExplore(initialExploreState, first, emptySeed);
    expect(seedExplore(state, seed(['a'], []), settle(emptySeed, first))).toBe(state);
  });
});
