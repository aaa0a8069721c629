import { describe, expect, it } from 'vitest';
import { runEngine } from '../analysis/engine';
import { testEvidence } from '../analysis/test-evidence';
import {
  buildTimeline,
  filterTimeline,
  TIMELINE_KINDS,
  timelineFacets,
  type TimelineFilter,
} from './evidence-timeline';
import { filterIndexed, indexTimeline } from './timeline-index';

/** The hand-written pipeline's timeline with the engine's marks for its flagged decision. */
function pipelineTimeline() {
  const set = testEvidence();
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const engine = runEngine(set, decision, 'flag');
  return buildTimeline(set, {
    decision,
    onset: engine.suspects.onset,
    suspects: engine.suspects.suspects,
    recovery: engine.scope.recovery,
  }).entries;
}

describe('the indexed timeline filter', () => {
  const entries = pipelineTimeline();
  const index = indexTimeline(entries);
  const facets = timelineFacets(entries);

  it('counts each kind, source, job and environment as the facets do', () => {
    expect(index.facets).toEqual(facets);
    expect(index.facets.environments.size).toBeGreaterThan(1);
  });

  it('keeps what the reference filter keeps for each kind, source, job and environment alone and together', () => {
    const filters: TimelineFilter[] = [
      {},
      ...TIMELINE_KINDS.map((k) => ({ kinds: new Set([k]) })),
      ...[...facets.sources.keys()].map((s) => ({ sources: new Set([s]) })),
      ...[...facets.jobs.keys()].map((j) => ({ jobs: new Set([j]) })),
      ...[...facets.environments.keys()].map((e) => ({ environments: new Set([e]) })),
      ...[...facets.environments.keys()].map((e) => ({
        kinds: new Set(['deployment', 'audit'] as const),
        environments: new Set([e]),
      })),
      { jobs: new Set(['no such job']) },
      { text: 'deployed production' },
      // Searched again (the text kept from the first search): other words, other case.
      { text: 'PRODUCTION' },
      { kinds: new Set(['commit', 'merge'] as const), text: 'Merge' },
    ];
    for (const filter of filters)
      expect(filterIndexed(entries, index, filter)).toEqual(filterTimeline(entries, filter));
    // Some filters keep some entries and leave others: the comparison is not between empty lists.
    const sizes = filters.map((f) => filterIndexed(entries, index, f).length);
    expect(sizes.some((n) => n > 0 && n < entries.length)).toBe(true);
  });

  it('cuts a time range at its bounds, both included, entries at the same instant together', () => {
    const times = [...new Set(entries.map((e) => e.at))];
    for (const [from, to] of [
      [times[1]!, times.at(-2)!],
      [times[3]!, times[3]!],
      [times[0]! - 1, times[0]! - 1],
      [(times[2]! + times[3]!) / 2, times.at(-1)! + 1],
    ] as const) {
      const kept = filterIndexed(entries, index, { from, to });
      expect(kept).toEqual(filterTimeline(entries, { from, to }));
      expect(kept.every((e) => e.at >= from && e.at <= to)).toBe(true);
    }
  });
});
