/**
 * Removing an annotation or a pinned piece of evidence, and undoing it. Both are entries in the case's activity log:
 * the removed item is kept aside in the case (`removedAnnotations`, `unpinnedEvidence`), so the undo puts back the
 * same item — its author, its time, its text — in its place, and a verifier folding the log gets the same case.
 */
import type { Act, CaseAction } from './case-actions';
import type { Case } from './case-types';

export type RemovalAction = Extract<
  CaseAction,
  { action: 'annotation.removed' | 'annotation.restored' | 'evidence.unpinned' | 'evidence.repinned' }
>;

/** Items by time, the earliest first (where a restored item goes back). */
const byTime = <T extends { readonly time: string }>(items: ReadonlyArray<T>) =>
  [...items].sort((a, b) => a.time.localeCompare(b.time));

/** Moves the item `id` from `from` to `to`; throws, naming it, when `from` lacks it. */
function move<T extends { readonly id: string; readonly time: string }>(
  from: ReadonlyArray<T>,
  to: ReadonlyArray<T>,
  id: string,
  missing: string,
): readonly [T[], T[]] {
  const item = from.find((x) => x.id === id);
  if (!item) throw new Error(missing);
  return [from.filter((x) => x !== item), byTime([...to.filter((x) => x.id !== id), item])];
}

/** The case after removing or restoring an annotation or a pin. */
export function applyRemoval(state: Case, act: Act & RemovalAction): Case {
  const id = act.payload.id;
  switch (act.action) {
    case 'annotation.removed': {
      const [annotations, removed] = move(
        state.annotations,
        state.removedAnnotations ?? [],
        id,
        `No annotation ${id}.`,
      );
      return { ...state, annotations, removedAnnotations: removed };
    }
    case 'annotation.restored': {
      const gone = `Annotation ${id} was not removed.`;
      const [removed, annotations] = move(state.removedAnnotations ?? [], state.annotations, id, gone);
      return { ...state, annotations, removedAnnotations: removed };
    }
    case 'evidence.unpinned': {
      const [pinned, unpinned] = move(
        state.pinnedEvidence,
        state.unpinnedEvidence ?? [],
        id,
        `No pinned evidence ${id}.`,
      );
      return { ...state, pinnedEvidence: pinned, unpinnedEvidence: unpinned };
    }
    case 'evidence.repinned': {
      const gone = `Evidence ${id} was not unpinned.`;
      const [unpinned, pinned] = move(state.unpinnedEvidence ?? [], state.pinnedEvidence, id, gone);
      return { ...state, pinnedEvidence: pinned, unpinnedEvidence: unpinned };
    }
  }
}
