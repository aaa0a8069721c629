import type { CaseSummary } from '../stores/cases-initial';

/** The decisions a case investigates: those it was opened on and the one chosen in Identify. */
export function caseDecisions({ record, case: c }: CaseSummary): string[] {
  return [...new Set([...(c?.decisionIds ?? []), ...(record.decisionId ? [record.decisionId] : [])])];
}
