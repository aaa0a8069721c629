import { describe, expect, it } from 'vitest';
import { summarize } from './stats';

describe('summarize', () => {
  it('takes the median of odd and even counts', () => {
    expect(summarize([5, 1, 3]).median).toBe(3);
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
    expect(summarize([4, 1, 3, 2])).toMatchObject({ min: 1, max: 4, n: 4 });
  });
});
