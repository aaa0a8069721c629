import type { CaseSummary } from '../stores/cases-initial';

/**
 * The decisions a case investigates: those it was opened on and the one chosen in Identify, that one followed by its
 * model where the case recorded it (two models' logs can share an id): `d-7 (offer-eligibility)`.
 */
export function caseDecisions({ record, case: c }: CaseSummary): string[] {
  const { decisionId, decisionModel } = record;
  const chosen =
    decisionId !== undefined && decisionModel !== undefined ? `${decisionId} (${decisionModel})` : decisionId;
  const opened = (c?.decisionIds ?? []).map((id) => (id === decisionId ? chosen! : id));
  return [...new Set([...opened, ...(chosen !== undefined ? [chosen] : [])])];
}
