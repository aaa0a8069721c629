import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../stores/cases-initial';
import { caseDecisions } from './case-decisions';

const summary = (record: Partial<CaseSummary['record']>, decisionIds?: string[]): CaseSummary =>
  ({
    record: { id: 'c', title: 't', description: '', createdAt: '2026-01-01T00:00:00Z', sourceIds: [], ...record },
    ...(decisionIds && { case: { decisionIds } }),
  }) as CaseSummary;

describe('the decisions a case lists', () => {
  it('names the chosen decision with its model, once, where the case was opened on it', () => {
    expect(caseDecisions(summary({ decisionId: 'd-7', decisionModel: 'card-fraud' }, ['d-7']))).toEqual([
      'd-7 (card-fraud)',
    ]);
    expect(caseDecisions(summary({ decisionId: 'd-9', decisionModel: 'card-fraud' }, ['d-7']))).toEqual([
      'd-7',
      'd-9 (card-fraud)',
    ]);
  });

  it('names a decision of a case saved without its model by its id alone', () => {
    expect(caseDecisions(summary({ decisionId: 'd-7' }, ['d-7']))).toEqual(['d-7']);
    expect(caseDecisions(summary({}))).toEqual([]);
  });
});
