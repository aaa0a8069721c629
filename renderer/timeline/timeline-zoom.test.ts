import { describe, expect, it } from 'vitest';
import { MIN_SPAN_MS, zoomIn, zoomOut } from './timeline-zoom';

const day = 86_400_000;
/** A case whose evidence spans ten days of March. */
const whole = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-11T00:00:00Z') };

describe('zooming the time axis', () => {
  it('halves the range around the selected entry, and back out to the whole', () => {
    const focus = Date.parse('2026-03-04T12:00:00Z');
    const once = zoomIn(undefined, whole, focus)!;
    expect(once).toEqual({ from: focus - 2.5 * day, to: focus + 2.5 * day });
    const twice = zoomIn(once, whole, focus)!;
    expect(twice.to - twice.from).toBe(2.5 * day);
    expect(zoomOut(twice, whole)).toEqual(once);
    expect(zoomOut(once, whole)).toBeUndefined();
    expect(zoomOut(undefined, whole)).toBeUndefined();
  });

  it('keeps the range inside the case: zooming near its start moves the window, not past it', () => {
    const range = zoomIn(undefined, whole, whole.from + 3_600_000)!;
    expect(range).toEqual({ from: whole.from, to: whole.from + 5 * day });
  });

  it('zooms around the middle when the selected entry is out of view, and stops at a minute', () => {
    const shown = { from: whole.from, to: whole.from + 2 * day };
    expect(zoomIn(shown, whole, whole.to)).toEqual({ from: whole.from + day / 2, to: whole.from + 1.5 * day });
    let range: { from: number; to: number } | undefined = shown;
    for (let i = 0; i < 30; i++) range = zoomIn(range, whole);
    expect(range!.to - range!.from).toBe(MIN_SPAN_MS);
  });
});
