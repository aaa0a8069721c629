/**
 * Searching the case list: a case matches when every word of the query is in its text — title, description, owner,
 * decisions, feature, root cause, annotations (text and tags), pinned evidence, preventive actions. Pure.
 */
import type { CaseSummary } from '../stores/cases-initial';
import { caseDecisions } from './case-decisions';

/** Everything a case says, lower-cased, to search. */
export function caseText(summary: CaseSummary): string {
  const { record, case: c } = summary;
  return [
    c?.title ?? record.title,
    record.description,
    c?.owner,
    c?.featureName,
    ...caseDecisions(summary),
    c?.rootCause?.statement,
    ...(c?.annotations ?? []).flatMap((a) => [a.text, ...a.tags]),
    ...(c?.pinnedEvidence ?? []).map((p) => p.label),
    ...(c?.preventiveActions ?? []).map((p) => p.text),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/** The cases whose text holds every word of `query`, in their order; every case for an empty query. */
export function searchCases(cases: ReadonlyArray<CaseSummary>, query: string): CaseSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...cases];
  return cases.filter((c) => {
    const text = caseText(c);
    return words.every((w) => text.includes(w));
  });
}
