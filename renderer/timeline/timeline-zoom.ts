/**
 * Zooming the timeline's time axis: the range shown, halved or doubled around a centre (the selected entry when it
 * is in view, else the middle), never past the case's own range nor narrower than a minute. Pure.
 */

/** A time range in epoch milliseconds, both ends included. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** The narrowest range shown: a minute. */
export const MIN_SPAN_MS = 60_000;

/** `span` wide around `centre`, moved (not cut) to fit inside `whole`; undefined where it covers all of it. */
function around(centre: number, span: number, whole: TimeRange): TimeRange | undefined {
  if (span >= whole.to - whole.from) return undefined;
  const from = Math.min(Math.max(whole.from, centre - span / 2), whole.to - span);
  return { from, to: from + span };
}

/** The centre of a zoom: `focus` when it lies in the range shown, else the range's middle. */
function centreOf(shown: TimeRange, focus: number | undefined): number {
  return focus !== undefined && focus >= shown.from && focus <= shown.to ? focus : (shown.from + shown.to) / 2;
}

/** Half the range shown (`undefined`: the whole), around `focus` where it is in view. */
export function zoomIn(shown: TimeRange | undefined, whole: TimeRange, focus?: number): TimeRange | undefined {
  const range = shown ?? whole;
  const span = Math.max(MIN_SPAN_MS, (range.to - range.from) / 2);
  return around(centreOf(range, focus), span, whole) ?? shown;
}

/** Twice the range shown, around the same centre; undefined once it covers the whole range. */
export function zoomOut(shown: TimeRange | undefined, whole: TimeRange): TimeRange | undefined {
  if (!shown) return undefined;
  return around((shown.from + shown.to) / 2, (shown.to - shown.from) * 2, whole);
}
