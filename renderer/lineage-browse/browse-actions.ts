/** The lineage browser as a registered action: Alt+L on the case screen, and the command palette. */
import type { PaletteAction } from '../palette/palette-actions';
import type { KeyLike } from '../steps/step-actions';
import { useTimelineView } from '../timeline/timeline-store';
import { useLineageBrowse } from './browse-store';

export const showLineageAction: PaletteAction = {
  name: 'view:lineage',
  label: 'Browse the lineage (any dataset or job, no decision needed)',
  group: 'View',
  keys: 'Alt+L',
  keywords: 'lineage graph dataset job field upstream downstream search browse',
  // By key or by physical key: Alt+L types a symbol on macOS.
  keyTest: (e: KeyLike) =>
    e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key.toLowerCase() === 'l' || e.code === 'KeyL'),
  perform: () => {
    useTimelineView.getState().hide();
    useLineageBrowse.getState().show();
  },
};
