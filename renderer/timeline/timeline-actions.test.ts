import { describe, expect, it } from 'vitest';
import { caseActions } from '../palette/app-actions';
import { useInvestigation } from '../stores/investigation-store';
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
