/**
 * The last removal that can be undone (an annotation, a pin, a source): what it removed, in words for the toast, and
 * how to put it back. One at a time: a new removal replaces the offer; undoing or dismissing it ends it. A removal
 * held until its undo is no longer offered (a source's records) is made final when the offer ends without an undo.
 */
import { create } from 'zustand';

export interface UndoOffer {
  /** What was removed, as the toast says it: "Removed the annotation “Merged without review”". */
  readonly label: string;
  /** Puts it back; resolves to whether it did. */
  readonly undo: () => Promise<boolean>;
  /** Makes the removal final: the offer ended (replaced or dismissed) without an undo. */
  readonly settle?: () => void;
}

export interface UndoState {
  readonly offer?: UndoOffer;
  readonly error?: string;
  readonly offerUndo: (offer: UndoOffer) => void;
  readonly dismiss: () => void;
  /** Undoes the offered removal (nothing when there is none). */
  readonly undoLast: () => Promise<void>;
}

export const useUndo = create<UndoState>()((set, get) => ({
  offer: undefined,
  error: undefined,
  offerUndo: (offer) => {
    get().offer?.settle?.();
    set({ offer, error: undefined });
  },
  dismiss: () => {
    get().offer?.settle?.();
    set({ offer: undefined, error: undefined });
  },
  undoLast: async () => {
    const offer = get().offer;
    if (!offer) return;
    set({ offer: undefined });
    if (!(await offer.undo())) set({ error: `Could not undo: ${offer.label}.` });
  },
}));

export const selectUndoOffer = (s: UndoState) => s.offer;
export const selectUndoError = (s: UndoState) => s.error;
