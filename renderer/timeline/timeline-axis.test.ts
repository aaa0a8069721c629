import { describe, expect, it } from 'vitest';
import type { TimelineEntry, TimelineKind } from '../../shared/timeline/evidence-timeline';
import { TIMELINE_KINDS } from '../../shared/timeline/evidence-timeline';
import { axisTicks, labelRows, nearestMark, timelineAxis } from './timeline-axis';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;
const entry = (kind: TimelineKind, hours: number, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `${kind}:${hours}`,
  kind,
  time: new Date(T0 + hours * HOUR).toISOString(),
  at: T0 + hours * HOUR,
  title: `${kind} at +${hours} h`,
  ...extra,
});

describe('the timeline axis', () => {
  // Ten days of hourly runs (240), two commits on day 2 (the top suspect and the third), the last good decision and the onset
  // on day 3, the decision on day 4, a recovery on day 9, and an outcome rate that goes from 0.1 to 0.9 at the onset.
  const entries = [
    ...Array.from({ length: 240 }, (_, h) => entry('run', h)),
    // Two commits 18 minutes apart (a pixel and a half): one mark; the later is the top suspect.
    entry('commit', 50.5, { rank: 3 }),
    entry('commit', 50.8, { rank: 1 }),
    entry('outcome-rate', 0, { rate: 0.1 }),
    entry('outcome-rate', 72, { rate: 0.9 }),
    entry('last-good', 70),
    entry('onset', 72),
    entry('decision', 96),
    entry('recovery', 216),
  ].sort((a, b) => a.at - b.at);
  const width = 600;
  const axis = timelineAxis(entries, TIMELINE_KINDS, width);

  it('draws one lane per kind present, in the kinds’ order, and the marks as lines across them', () => {
    expect(axis.lanes.map((l) => l.kind)).toEqual(['commit', 'run', 'outcome-rate']);
    expect(axis.lines.map((l) => l.kind)).toEqual(['last-good', 'onset', 'decision', 'recovery']);
    expect(axis.from).toBe(T0);
    expect(axis.to).toBe(T0 + 239 * HOUR);
  });

  it('keeps every entry in a mark, at most one mark per 3 pixels, none past the axis', () => {
    const runs = axis.lanes.find((l) => l.kind === 'run')!;
    expect(runs.marks.reduce((n, m) => n + m.count, 0)).toBe(240);
    expect(runs.marks.length).toBeLessThanOrEqual(width / 3 + 1);
    for (const m of runs.marks) expect(m.x).toBeGreaterThanOrEqual(0);
    for (const m of runs.marks) expect(m.x).toBeLessThanOrEqual(width);
  });

  it('keeps the best suspect of a mark to select: the top suspect', () => {
    const commits = axis.lanes.find((l) => l.kind === 'commit')!;
    expect(commits.marks).toEqual([expect.objectContaining({ count: 2, rank: 1, id: 'commit:50.8' })]);
  });

  it('shades the interval from the last good decision to the onset, and steps the rate at the onset', () => {
    const x = (hours: number) => ((hours * HOUR) / (239 * HOUR)) * width;
    expect(axis.interval).toEqual({ x1: x(70), x2: x(72) });
    expect(axis.rate).toEqual([
      [0, 0.1],
      [x(72), 0.9],
    ]);
  });

  it('has no interval without an onset, and nothing to draw without entries', () => {
    expect(
      timelineAxis(
        entries.filter((e) => e.kind !== 'onset'),
        TIMELINE_KINDS,
        width,
      ).interval,
    ).toBeUndefined();
    expect(timelineAxis([], TIMELINE_KINDS, width)).toMatchObject({ lanes: [], lines: [], rate: [] });
  });

  it('zoomed to the second and third day: only their entries, spread over the whole width, close ones apart', () => {
    const zoomed = timelineAxis(entries, TIMELINE_KINDS, width, { from: T0 + 24 * HOUR, to: T0 + 72 * HOUR });
    const runs = zoomed.lanes.find((l) => l.kind === 'run')!;
    expect(runs.marks.reduce((n, m) => n + m.count, 0)).toBe(49);
    expect(runs.marks[0]!.x).toBe(0);
    expect(runs.marks.at(-1)!.x).toBeGreaterThanOrEqual(width - 3);
    expect(zoomed.lines.map((l) => l.kind)).toEqual(['last-good', 'onset']);
    // The two commits that shared a mark over ten days lie apart over two.
    expect(zoomed.lanes.find((l) => l.kind === 'commit')!.marks).toEqual([
      expect.objectContaining({ count: 1, id: 'commit:50.5' }),
      expect.objectContaining({ count: 1, id: 'commit:50.8' }),
    ]);
  });

  it('finds the mark nearest a click, either side', () => {
    const marks = [
      { x: 0, count: 1, id: 'a' },
      { x: 30, count: 2, id: 'b' },
      { x: 90, count: 1, id: 'c' },
    ];
    expect(nearestMark(marks, 20)?.id).toBe('b');
    expect(nearestMark(marks, 62)?.id).toBe('c');
    expect(nearestMark(marks, -40)?.id).toBe('a');
    expect(nearestMark(marks, 5000)?.id).toBe('c');
    expect(nearestMark([], 10)).toBeUndefined();
  });

  it('puts a line’s label on a lower row only where it would touch the previous one', () => {
    expect(
      labelRows([
        { x: 0, width: 50 },
        { x: 30, width: 40 },
        { x: 60, width: 40 },
        { x: 200, width: 10 },
      ]),
    ).toEqual([0, 1, 0, 0]);
  });

  it('spaces the ticks evenly from the first time to the last', () => {
    expect(axisTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(axisTicks(5, 5, 5)).toEqual([5]);
  });
});
