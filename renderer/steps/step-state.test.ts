import { describe, expect, it } from 'vitest';
import type { CaseStepState } from '../../shared/case/case-types';
import { noResults } from '../stores/derive';
import { STEP_IDS } from './step-ids';
import { openBefore, stepState } from './step-state';

const open: CaseStepState[] = STEP_IDS.map((step) => ({ step }));
const base = { progress: open, hasEvidence: false, hasDecision: false, results: noResults, annotations: 2 };

describe('stepState', () => {
  it('says a case without sources needs evidence, except for Document', () => {
    expect(stepState('trace', base).kind).toBe('needs-evidence');
    expect(stepState('document', base)).toMatchObject({ kind: 'ready', summary: '2 annotations' });
  });

  it('waits for a decision, reports failed analyses, and shows completion and skips from the log', () => {
    const input = { ...base, decisionId: 'd-1', hasEvidence: true };
    expect(stepState('scope', input).kind).toBe('needs-decision');
    expect(stepState('identify', input)).toMatchObject({ kind: 'ready', summary: 'd-1' });
    const failed = { ...input, hasDecision: true, results: { errors: { trace: 'boom' } } };
    expect(stepState('trace', failed).kind).toBe('failed');
    const progress = open.map((s) =>
      s.step === 'trace'
        ? { step: s.step, completedAt: '2026-03-02T09:00:00Z' }
        : s.step === 'scope'
          ? { step: s.step, skippedReason: 'one subject only', skippedAt: '2026-03-02T08:00:00Z' }
          : s,
    );
    expect(stepState('trace', { ...failed, progress }).kind).toBe('complete');
    expect(stepState('scope', { ...failed, progress })).toMatchObject({ kind: 'skipped', summary: 'one subject only' });
  });
});

describe('openBefore', () => {
  it('names the earlier steps neither completed nor skipped, in order', () => {
    expect(openBefore('identify', open)).toEqual([]);
    expect(openBefore('changes', open)).toEqual(['identify', 'scope', 'trace']);
    const progress = open.map((s) =>
      s.step === 'identify'
        ? { step: s.step, completedAt: 't' }
        : s.step === 'scope'
          ? { step: s.step, skippedReason: 'n/a', skippedAt: 't' }
          : s,
    );
    expect(openBefore('changes', progress)).toEqual(['trace']);
    expect(stepState('changes', { ...base, progress }).waitingFor).toEqual(['trace']);
  });
});
