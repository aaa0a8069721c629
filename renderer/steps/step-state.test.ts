import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../db/lineage-db';
import { noResults } from '../stores/derive';
import { emptySteps } from './step-ids';
import { stepState } from './step-state';

const base: CaseRecord = {
  id: 'c',
  title: 't',
  description: '',
  createdAt: '2026-01-01T00:00:00Z',
  sourceIds: [],
  steps: emptySteps(),
};

describe('stepState', () => {
  it('says a case without sources needs evidence, except for Document', () => {
    const input = { caseRecord: base, hasEvidence: false, hasDecision: false, results: noResults, notes: 2 };
    expect(stepState('trace', input).kind).toBe('needs-evidence');
    expect(stepState('document', input)).toEqual({ kind: 'ready', summary: '2 notes' });
  });

  it('waits for a decision, reports failed analyses, and shows completion', () => {
    const withSources = { ...base, sourceIds: ['s'], decisionId: 'd-1' };
    const input = { caseRecord: withSources, hasEvidence: true, hasDecision: false, results: noResults, notes: 0 };
    expect(stepState('scope', input).kind).toBe('needs-decision');
    expect(stepState('identify', input)).toEqual({ kind: 'ready', summary: 'd-1' });
    const failed = { ...input, hasDecision: true, results: { errors: { trace: 'boom' } } };
    expect(stepState('trace', failed).kind).toBe('failed');
    const done = { ...failed, caseRecord: { ...withSources, steps: { ...emptySteps(), trace: { completedAt: 'x' } } } };
    expect(stepState('trace', done).kind).toBe('complete');
  });
});
