import { describe, expect, it } from 'vitest';
import type { CaseStepState } from '../../shared/case/case-types';
import { noResults } from '../stores/derive';
import { STEP_IDS } from './step-ids';
import { caseHasEvidence, openBefore, stepState } from './step-state';
import type { CaseRecord } from '../db/lineage-db';
import { toEvidenceSet } from '../../shared/model/evidence-set';

const open: CaseStepState[] = STEP_IDS.map((step) => ({ step }));
const base = { progress: open, hasEvidence: false, hasDecision: false, results: noResults, annotations: 2 };

describe('caseHasEvidence', () => {
  const opened: CaseRecord = {
    id: 'c',
    title: 'Refused offers',
    description: '',
    createdAt: '2026-03-02T08:00:00Z',
    sourceIds: [],
  };
  const loaded = toEvidenceSet([]);
  it('is true for imported sources, or for decisions read where they live before any file is imported', () => {
    expect(caseHasEvidence(opened, loaded)).toBe(false);
    expect(caseHasEvidence({ ...opened, sourceIds: ['s-1'] }, loaded)).toBe(true);
    const inPlace: CaseRecord = {
      ...opened,
      connection: { id: 'k', name: 'Scoring log', location: '/data/decisions' },
    };
    expect(caseHasEvidence(inPlace, loaded)).toBe(true);
    expect(caseHasEvidence(inPlace, undefined)).toBe(false);
    expect(caseHasEvidence(undefined, loaded)).toBe(false);
  });
});

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
