import { describe, expect, it } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { filterTimeline } from '../../shared/timeline/evidence-timeline';
import { plainEntry } from '../../shared/timeline/lazy-entry';
import { buildIndexedTimeline } from '../../shared/timeline/timeline-index';
import { filterKey, summarizeTimeline, timelineViewer } from './timeline-viewer';

const set = testEvidence();
const timeline = buildIndexedTimeline(set, { decision: set.decisions.find((d) => d.decisionId === 'd-23') });
const deployments = { kinds: new Set(['deployment'] as const) };

describe('the timeline seen through the window', () => {
  it('summarizes it: as many entries as built, its range, the counts the chips show', () => {
    const summary = summarizeTimeline(timeline);
    expect(summary.entries).toBe(timeline.entries.length);
    expect(summary.whole).toEqual({ from: timeline.entries[0]!.at, to: timeline.entries.at(-1)!.at });
    expect(summary.facets.kinds.get('deployment')).toBe(set.deployments.length);
    expect(summary.undated.count).toBe(timeline.undated.length);
  });

  it('sends the rows asked for of the entries the filter keeps, and their count', () => {
    const view = timelineViewer(timeline);
    const kept = filterTimeline(timeline.entries, deployments);
    const slice = view({ filter: deployments, width: 400, start: 2, count: 3 });
    expect(slice.total).toBe(set.deployments.length);
    expect(slice.rows.map((e) => e.id)).toEqual(kept.slice(2, 5).map((e) => e.id));
    // As the window receives them (posted from the worker): plain data, each row with its id and title.
    const received = structuredClone(slice).rows;
    expect(received.map((e) => [e.id, e.title])).toEqual(kept.slice(2, 5).map((e) => [e.id, e.title]));
    expect(received.every((e) => e.id.startsWith('deployment:') && e.title.startsWith('Deployed '))).toBe(true);
    // Past the end: what there is.
    expect(view({ filter: deployments, width: 400, start: kept.length - 1, count: 10 }).rows).toHaveLength(1);
    expect(view({ filter: deployments, width: 400, start: kept.length + 5, count: 10 }).rows).toHaveLength(0);
  });

  it('sends the axis only where the window does not hold it, and again for another width or filter', () => {
    const view = timelineViewer(timeline);
    const first = view({ filter: deployments, width: 400, start: 0, count: 5 });
    const marks = first.axis!.lanes.flatMap((l) => l.marks).reduce((n, m) => n + m.count, 0);
    expect(marks).toBe(set.deployments.length);
    expect(view({ filter: deployments, width: 400, start: 5, count: 5, axisKey: first.axisKey }).axis).toBeUndefined();
    expect(view({ filter: deployments, width: 800, start: 0, count: 5, axisKey: first.axisKey }).axis).toBeDefined();
    expect(view({ filter: {}, width: 400, start: 0, count: 5, axisKey: first.axisKey }).axis).toBeDefined();
  });

  it('finds the selected entry among the kept ones, or says the filter hides it', () => {
    const view = timelineViewer(timeline);
    const kept = filterTimeline(timeline.entries, deployments);
    const chosen = kept[4]!;
    expect(view({ filter: deployments, width: 400, start: 0, count: 1, selectedId: chosen.id }).selected).toEqual({
      index: 4,
      entry: plainEntry(chosen),
    });
    const hidden = view({
      filter: { kinds: new Set(['commit'] as const) },
      width: 400,
      start: 0,
      count: 1,
      selectedId: chosen.id,
    });
    expect(hidden.selected?.index).toBe(-1);
    // A row sent, then selected (a click, an arrow key): the same entry, at its row.
    const rows = view({ filter: deployments, width: 400, start: 2, count: 3 }).rows;
    const picked = view({ filter: deployments, width: 400, start: 2, count: 3, selectedId: rows[1]!.id }).selected;
    expect(picked).toEqual({ index: 3, entry: rows[1] });
    expect(view({ filter: {}, width: 400, start: 0, count: 1, selectedId: 'no such entry' }).selected).toBeUndefined();
  });

  it('names filters that keep the same entries alike, whatever the order of their values or the case and spacing of the words', () => {
    expect(filterKey({ sources: new Set(['a', 'b']), text: 'Deploy  prod' })).toBe(
      filterKey({ sources: new Set(['b', 'a']), text: 'deploy prod' }),
    );
    expect(filterKey({ from: 1 })).not.toBe(filterKey({ to: 1 }));
  });
});
