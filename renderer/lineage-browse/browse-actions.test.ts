import { describe, expect, it } from 'vitest';
import { caseActions } from '../palette/app-actions';
import { showTimelineAction } from '../timeline/timeline-actions';
import { useTimelineView } from '../timeline/timeline-store';
import { useInvestigation } from '../stores/investigation-store';
import { showLineageAction } from './browse-actions';
import { useLineageBrowse } from './browse-store';

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('the lineage browser as an action', () => {
  it('is in the palette of a case with no decision, with its shortcut', () => {
    const action = caseActions('case-1', [], undefined, false).find((a) => a.name === 'view:lineage');
    expect(action).toMatchObject({ keys: 'Alt+L', group: 'View' });
  });

  it('Alt+L shows it (by key, or by physical key where Alt types a symbol); L alone or Ctrl+Alt+L does not', () => {
    expect(showLineageAction.keyTest!(key('l', { altKey: true }))).toBe(true);
    expect(showLineageAction.keyTest!({ ...key('¬', { altKey: true }), code: 'KeyL' })).toBe(true);
    expect(showLineageAction.keyTest!(key('l'))).toBe(false);
    expect(showLineageAction.keyTest!(key('l', { altKey: true, ctrlKey: true }))).toBe(false);
  });

  it('takes the place of the timeline and the timeline of it; going to a step leaves either', () => {
    useTimelineView.getState().reset();
    showTimelineAction.perform();
    showLineageAction.perform();
    expect([useLineageBrowse.getState().open, useTimelineView.getState().open]).toEqual([true, false]);
    showTimelineAction.perform();
    expect([useLineageBrowse.getState().open, useTimelineView.getState().open]).toEqual([false, true]);
    showLineageAction.perform();
    const current = useInvestigation.getState().step;
    caseActions('case-1', [], undefined)
      .find((a) => a.name === `goToStep:${current}`)!
      .perform();
    expect([useLineageBrowse.getState().open, useTimelineView.getState().open]).toEqual([false, false]);
  });
});
