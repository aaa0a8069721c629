/**
 * Tables that need a column mapping (a CSV, JSON records of other fields: needs-mapping.ts), as `inspect` counts
 * them: apart from records imported, files skipped and records rejected. The import lists such a table as one
 * rejection at line 1 (so the app's Sources screen and the other commands say it); inspect lists it as what it is.
 */
import { groupIssues } from '../../shared/importers/issue-groups.js';
import type { ImportSummary } from '../../shared/importers/streaming.js';
import type { Rejection } from '../../shared/model/records.js';

/** The summary without the rejection that says its table needs a mapping (the same summary when it says none). */
export function apartFromRejections(summary: ImportSummary): ImportSummary {
  const reason = summary.needsMapping?.reason;
  if (reason === undefined) return summary;
  const saysIt = (r: Rejection) => r.line === 1 && r.reason === reason;
  const groups = (summary.rejectionGroups ?? groupIssues(summary.rejections))
    .map((g) => (g.first.some(saysIt) ? { ...g, count: g.count - 1, first: g.first.filter((r) => !saysIt(r)) } : g))
    .filter((g) => g.count > 0);
  return {
    ...summary,
    rejections: summary.rejections.filter((r) => !saysIt(r)),
    rejectedCount: summary.rejectedCount - 1,
    rejectionGroups: groups,
  };
}

/** The lines `inspect` prints of a table that needs a mapping: why, and the columns a mapping may name. */
export function needsMappingLines(summary: ImportSummary): string[] {
  const table = summary.needsMapping;
  if (!table) return [];
  return [`  ${table.reason}`, `  columns (${table.columns.length}): ${table.columns.join(', ')}`];
}
