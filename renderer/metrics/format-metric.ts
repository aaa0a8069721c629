/** How the dashboard writes a metric's figures: shares as percentages, hours and rates with their unit. */
import type { Metric, TrendPoint } from '../../shared/metrics/metric-types';
import { pointerText } from '../../shared/model/citation';
import { countOf } from '../../shared/model/count-words';

/** A figure in the metric's unit, e.g. `97.5%`, `56.6 h`, `1.125 per week`; `n/a` when there is nothing to measure. */
export function formatFigure(value: number | null, unit: Metric['unit']): string {
  if (value === null) return 'n/a';
  if (unit === 'share') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (unit === 'hours') return `${Math.round(value * 100) / 100} h`;
  return `${Math.round(value * 1000) / 1000} per week`;
}

/** A count with its noun, singular or plural as English reads it: `1 record`, `130 sources`, `1,293 records`. */
export { countOf };

/**
 * The weeks a rate is counted over, with the period they cover (the weeks start on Monday 00:00 UTC, as the trend's
 * axis says): a count of weeks alone reads the same for this month's evidence and eleven years of old test files.
 */
export function weeksSpan(trend: ReadonlyArray<TrendPoint>): string {
  const first = trend[0]?.start.slice(0, 10);
  const last = trend.at(-1)?.start.slice(0, 10);
  if (!first || !last) return 'no week';
  const weeks = countOf(trend.length, 'week');
  return first === last ? `${weeks}, that of ${first}` : `${weeks}, from that of ${first} to that of ${last}`;
}

/** The unit as an axis title. */
export function unitTitle(unit: Metric['unit']): string {
  return unit === 'share' ? 'Share (%)' : unit === 'hours' ? 'Hours' : 'Changes';
}

/** A source file and line (or JSON pointer) as people cite it: `audit-log.jsonl:12`. */
export function citeEvidence(
  evidence: { readonly sourceId: string; readonly line?: number; readonly pointer?: string } | undefined,
  names: Readonly<Record<string, string>>,
): string {
  if (!evidence) return '';
  const file = names[evidence.sourceId] ?? `source ${evidence.sourceId.slice(0, 12)}`;
  if (evidence.line !== undefined) return `${file}:${evidence.line}`;
  if (evidence.pointer === '') return `${file}, ${pointerText('')}`;
  return evidence.pointer !== undefined ? `${file}#${evidence.pointer}` : file;
}
