import { describe, expect, it } from 'vitest';
import { actionForKey } from './step-actions';
import type { StepId } from './step-ids';

const key = (over: Partial<{ key: string; code: string; altKey: boolean; ctrlKey: boolean; shiftKey: boolean }>) => ({
  key: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...over,
});

describe('step actions', () => {
  it('Alt+3 goes to Trace and Alt+7 to Document', () => {
    const visited: StepId[] = [];
    actionForKey(key({ key: '3', altKey: true }))?.perform({ setStep: (s) => visited.push(s) });
    actionForKey(key({ key: '≠', code: 'Digit7', altKey: true }))?.perform({ setStep: (s) => visited.push(s) });
    expect(visited).toEqual(['trace', 'document']);
  });

  it('ignores digits without Alt, with other modifiers, and Alt+8', () => {
    expect(actionForKey(key({ key: '3' }))).toBeUndefined();
    expect(actionForKey(key({ key: '3', altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(actionForKey(key({ key: '8', altKey: true }))).toBeUndefined();
  });
});
