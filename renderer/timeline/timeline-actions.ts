/** The evidence timeline as a registered action: Alt+T on the case screen, and the command palette. */
import type { PaletteAction } from '../palette/palette-actions';
import type { KeyLike } from '../steps/step-actions';
import { useTimelineView } from './timeline-store';

export const showTimelineAction: PaletteAction = {
  name: 'view:timeline',
  label: 'Show the evidence timeline',
  group: 'View',
  keys: 'Alt+T',
  keywords: 'chronology events history commits deployments audit onset',
  // By key or by physical key: Alt+T types a symbol on macOS.
  keyTest: (e: KeyLike) =>
    e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key.toLowerCase() === 't' || e.code === 'KeyT'),
  perform: () => useTimelineView.getState().show(),
};
