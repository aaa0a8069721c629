import { describe, expect, it } from 'vitest';
import { movedIndex } from './list-keys';

describe('moving in a list (the decisions, the timeline)', () => {
  it('moves by one, a page, or to either end, never past them', () => {
    expect(movedIndex('ArrowDown', 4, 10, 3)).toBe(5);
    expect(movedIndex('ArrowUp', 0, 10, 3)).toBe(0);
    expect(movedIndex('PageDown', 8, 10, 3)).toBe(9);
    expect(movedIndex('PageUp', 4, 10, 3)).toBe(1);
    expect(movedIndex('Home', 4, 10, 3)).toBe(0);
    expect(movedIndex('End', 4, 10, 3)).toBe(9);
  });

  it('selects the first entry on the first move when none is selected, and ignores other keys', () => {
    expect(movedIndex('ArrowDown', -1, 10, 3)).toBe(0);
    expect(movedIndex('ArrowUp', -1, 10, 3)).toBe(0);
    expect(movedIndex('Enter', 4, 10, 3)).toBeUndefined();
    expect(movedIndex('ArrowDown', -1, 0, 3)).toBeUndefined();
  });
});
