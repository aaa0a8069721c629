/**
 * What an alert of `watch` reports beyond the counts, over decisions in memory: how many decisions and subjects of
 * the series from the shift's start on, and the first decision of the shift with the alert's outcome (where to open
 * a case, its time the onset to preset). The CLI's in-memory reader and the app's Monitor screen both use it.
 */
import type { Decision } from '../model/records';
import { decisionTime } from './decision-time';
import { outcomeOf } from './onset';

const inSeries = (d: Decision, model: string, version: string | undefined, fromMs: number) =>
  d.model.name === model && (version === undefined || d.model.version === version) && decisionTime(d) >= fromMs;

/** Decisions and distinct subjects of the model (or model version) at or after `from` (RFC 3339). */
export function countsSince(
  decisions: ReadonlyArray<Decision>,
  model: string,
  version: string | undefined,
  from: string,
): { readonly decisions: number; readonly subjects: number } {
  const t = Date.parse(from);
  const picked = decisions.filter((d) => inSeries(d, model, version, t));
  return {
    decisions: picked.length,
    subjects: new Set(picked.flatMap((d) => (d.subjectId === undefined ? [] : [d.subjectId]))).size,
  };
}

/** The earliest decision of the model (or version) at or after `from` with the outcome; undefined when none. */
export function firstWithOutcome(
  decisions: ReadonlyArray<Decision>,
  model: string,
  version: string | undefined,
  outcome: string,
  from: string,
): { readonly decisionId: string; readonly timestamp: string } | undefined {
  const t = Date.parse(from);
  let first: Decision | undefined;
  for (const d of decisions)
    if (inSeries(d, model, version, t) && outcomeOf(d) === outcome && (!first || decisionTime(d) < decisionTime(first)))
      first = d;
  return first && { decisionId: first.decisionId, timestamp: new Date(decisionTime(first)).toISOString() };
}
