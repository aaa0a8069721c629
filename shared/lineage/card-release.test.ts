/**
 * The wording of the release answers that cannot be given because the version at inference is a gap: the card's
 * row reads "Gap: <kind>." then this explanation, so it must be one sentence, not a label glued to another one.
 */
import { describe, expect, it } from 'vitest';
import { noVersionToFollow } from './card-release';

describe('noVersionToFollow', () => {
  it('gives the version’s reason and its consequence in one sentence', () => {
    const stop = noVersionToFollow({
      gap: 'missing-record',
      explanation: 'No run in the evidence wrote the dataset the feature was read from.',
    });
    expect(stop.gap).toBe('missing-record');
    expect(stop.explanation).toBe(
      'No run in the evidence wrote the dataset the feature was read from, so there is no version to follow.',
    );
  });

  it('keeps a reason that names something after a colon as one sentence ending once', () => {
    const { explanation } = noVersionToFollow({
      gap: 'untracked-transformation',
      explanation: 'etl.orders reports the code it ran (abc) but no source code location: no commit holds it.',
    });
    expect(explanation).not.toMatch(/: [A-Z]/);
    expect(explanation.match(/\./g)?.length).toBe(2); // the job's dotted name, and the sentence's end
    expect(explanation).toMatch(/no commit holds it, so there is no version to follow\.$/);
  });
});
