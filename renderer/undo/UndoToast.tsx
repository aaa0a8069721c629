import { useEffect, useState } from 'react';
import { undoAction } from './undo-action';
import { selectUndoError, selectUndoOffer, useUndo } from './undo-store';
import './undo-toast.css';

/** How long the toast stays (the undo stays on Ctrl/⌘+Z until the next removal or the case is left). */
const SHOWN_MS = 10_000;

const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable);

/**
 * The last removal, with "Undo": shown for ten seconds after an annotation, a pin or a source is removed (longer
 * while pointed at or focused). Ctrl/⌘+Z
 * undoes it too, except in a text field (where it undoes typing). Leaving the case (or the Sources screen) ends the
 * offer.
 */
export function UndoToast() {
  const offer = useUndo(selectUndoOffer);
  const error = useUndo(selectUndoError);
  const { undoLast, dismiss } = useUndo.getState();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!undoAction.keyTest?.(event) || inTextField(event.target) || !useUndo.getState().offer) return;
      event.preventDefault();
      undoAction.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      useUndo.getState().dismiss();
    };
  }, []);
  // The toast hides after SHOWN_MS; the offer it showed stays on Ctrl/⌘+Z. While the pointer is on it or focus in it,
  // it stays (WCAG 2.2.1: a reader, a keyboard user or a slow machine is not timed out of the Undo button).
  const current = offer ?? error;
  const [expired, setExpired] = useState<unknown>();
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!current || held) return;
    const timer = setTimeout(() => setExpired(current), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [current, held]);
  if (!current || expired === current) return null;
  return (
    <div
      className="undo-toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {offer ? (
        <>
          <span>{offer.label}.</span>
          <button type="button" onClick={() => void undoLast()} aria-keyshortcuts="Control+Z Meta+Z">
            Undo
          </button>
        </>
      ) : (
        <span>{error}</span>
      )}
      <button type="button" className="undo-toast-close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
