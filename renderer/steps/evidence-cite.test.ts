import { describe, expect, it } from 'vitest';
import { countOf } from './evidence-cite';

describe('counts as the steps write them', () => {
  it('writes one in the singular and any other number in the plural, the plural given where it is not +s', () => {
    expect(countOf(1, 'link')).toBe('1 link');
    expect(countOf(0, 'link')).toBe('0 links');
    expect(countOf(8232, 'decision')).toBe('8,232 decisions');
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });
});
