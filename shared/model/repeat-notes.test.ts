/**
 * The notes on records read again say where each was read: its line, its JSON pointer, or the whole document (a JSON
 * file that is one record has the pointer "", which printed as "first at , …").
 */
import { describe, expect, it } from 'vitest';
import { place, repeatNotes } from './repeat-notes';

describe('where a repeated record was read', () => {
  it('is its line, its pointer, or the whole document', () => {
    expect(place({ sourceId: 'a', line: 7 })).toBe('line 7');
    expect(place({ sourceId: 'a', pointer: '/runs/3' })).toBe('at /runs/3');
    expect(place({ sourceId: 'a', pointer: '' })).toBe('(the whole document)');
  });

  it('never leaves a place empty in a note', () => {
    const [note] = repeatNotes(
      [
        {
          kind: 'deployment',
          identity: 'dep-1',
          first: { sourceId: 'one', pointer: '' },
          again: { sourceId: 'two', pointer: '' },
          differs: false,
          counted: false,
        },
      ],
      { one: 'deploy.json', two: 'deploy-copy.json' },
    );
    expect(note).toBe(
      'deploy-copy.json: 1 deployment already read from deploy.json, the same identity and content (first (the whole ' +
        'document), dep-1, read before at deploy.json (the whole document)): counted once',
    );
    expect(note).not.toMatch(/ at ,| at \)/);
  });
});
