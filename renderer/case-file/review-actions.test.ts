import { describe, expect, it } from 'vitest';
import type { PortableCaseFile } from '../../shared/case/case-file-format';
import { annotationTargets, reviewActions } from './review-actions';

const file = {
  content: {
    case: { rootCause: { statement: 's', changeIds: ['4be2d1c', 'audit-17'] } },
    subgraph: { nodes: [{ id: 'ml:credit_score', kind: 'model', label: 'credit_score' }], edges: [] },
  },
} as unknown as PortableCaseFile;

describe('the reviewer’s draft as signed actions', () => {
  it('offers the root cause, each change it names and each traced node', () => {
    expect(annotationTargets(file).map((t) => [t.target.kind, t.target.id, t.label])).toEqual([
      ['finding', 'root-cause', 'The root cause'],
      ['change', '4be2d1c', 'Change 4be2d1c'],
      ['change', 'audit-17', 'Change audit-17'],
      ['node', 'ml:credit_score', 'model: credit_score'],
    ]);
  });

  it('chains annotations first, then the verdict with its reasons', () => {
    const out = reviewActions(
      [
        {
          id: 'a1',
          target: { kind: 'change', id: '4be2d1c' },
          text: ' Cap moved, not the unit. ',
          tags: 'cap, cap; unit',
        },
      ],
      { verdict: 'disagree', text: ' The unit is right. ' },
    );
    expect(out).toEqual({
      actions: [
        {
          action: 'annotation.added',
          payload: {
            id: 'a1',
            target: { kind: 'change', id: '4be2d1c' },
            tags: ['cap', 'unit'],
            text: 'Cap moved, not the unit.',
          },
        },
        { action: 'review.verdict', payload: { verdict: 'disagree', text: 'The unit is right.' } },
      ],
    });
  });

  it('names what is missing: reasons for a verdict, a verdict for reasons, anything at all', () => {
    expect(reviewActions([], { verdict: 'agree', text: '  ' })).toEqual({
      problem: 'Say why: a verdict needs its reasons.',
    });
    expect(reviewActions([], { verdict: '', text: 'because' })).toEqual({
      problem: 'Choose a verdict for the reasons you wrote.',
    });
    expect(reviewActions([], { verdict: '', text: '' })).toEqual({ problem: 'Add an annotation or a verdict first.' });
  });
});
