/** Undoing the last removal as a registered action: Ctrl+Z (⌘Z on macOS) outside text fields, and the palette. */
import type { PaletteAction } from '../palette/palette-actions';
import type { KeyLike } from '../steps/step-actions';
import { useUndo } from './undo-store';

export const undoAction: PaletteAction = {
  name: 'edit:undo',
  label: 'Undo the last removal',
  group: 'Case',
  keys: 'Ctrl+Z',
  keywords: 'undo restore annotation pin source removed',
  keyTest: (e: KeyLike) =>
    (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'z' || e.code === 'KeyZ'),
  perform: () => void useUndo.getState().undoLast(),
};
