import { describe, expect, it } from 'vitest';
import { subjectLimit, unconfirmedRecovery } from './blast-radius';
import type { OnsetEstimate } from './engine-types';

/** Onset rates neither side of the onset: the case where the later changes are not taken as a recovery. */
const unrated = { rateBefore: undefined, rateAfter: undefined } as unknown as OnsetEstimate;

describe('the blast radius’s notes count in words', () => {
  it('a merge naming one subject, or three', () => {
    expect(subjectLimit('m-1', ['u-1']).notes).toEqual([
      'the merge m-1 names 1 subject of the decision log: only their decisions count',
    ]);
    expect(subjectLimit('m-1', ['u-1', 'u-2', 'u-3']).notes[0]).toContain('names 3 subjects of the decision log');
  });

  it('one later change is not taken as the end of the radius; two are not', () => {
    const one = unconfirmedRecovery([{ changeId: 'c-1' }], unrated, undefined);
    expect(one).toContain('1 later change of the same job or target (first: c-1) is not taken');
    const two = unconfirmedRecovery([{ changeId: 'c-1' }, { changeId: 'c-2' }], unrated, undefined);
    expect(two).toContain('2 later changes of the same job or target (first: c-1) are not taken');
  });
});
