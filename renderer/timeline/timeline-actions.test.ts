import { describe, expect, it } from 'vitest';
import { caseActions } from '../palette/app-actions';
import { useInvestigation } from '../stores/investigation-store';
import { movedIndex } from './TimelineList';
import { showTimelineAction } from './timeline-actions';
import { useTimelineView } from './timeline-store';

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('the evidence timeline as an action', () => {
  it('is in the palette of a case, with its shortcut', () => {
    const action = caseActions('case-1', [], undefined).find((a) => a.name === 'view:timeline');
    expect(action).toMatchObject({ label: 'Show the evidence timeline', keys: 'Alt+T', group: 'View' });
  });

  it('Alt+T shows it (by key, or by physical key where Alt types a symbol); T alone or Ctrl+Alt+T does not', () => {
    expect(showTimelineAction.keyTest!(key('t', { altKey: true }))).toBe(true);
    expect(showTimelineAction.keyTest!({ ...key('†', { altKey: true }), code: 'KeyT' })).toBe(true);
    expect(showTimelineAction.keyTest!(key('t'))).toBe(false);
    expect(showTimelineAction.keyTest!(key('t', { altKey: true, ctrlKey: true }))).toBe(false);
  });

  it('shows it; going to a step from the palette leaves it for that step, even the current one', () => {
    useTimelineView.getState().reset();
    showTimelineAction.perform();
    expect(useTimelineView.getState().open).toBe(true);
    const current = useInvestigation.getState().step;
    caseActions('case-1', [], undefined)
      .find((a) => a.name === `goToStep:${current}`)!
      .perform();
    expect(useTimelineView.getState().open).toBe(false);
    expect(useInvestigation.getState().step).toBe(current);
  });
});

describe('moving in the timeline’s list', () => {
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
