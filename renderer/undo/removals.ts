/**
 * Removing an annotation or a pinned piece of evidence from the open case, each an entry in its hash-chained log,
 * with the undo offered (the toast's "Undo", Ctrl/⌘+Z): the undo is an entry too, putting back the same item.
 */
import type { CaseAction } from '../../shared/case/case-actions';
import type { Annotation, PinnedEvidence } from '../../shared/case/case-types';
import { useCaseLog } from '../stores/case-log-store';
import { useUndo } from './undo-store';

/** A text cut to `max` characters, for a toast. */
const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Records `removal`; once it is in the log, offers `undo`, recorded on the same case only. */
async function removeWithUndo(removal: CaseAction, undo: CaseAction, label: string): Promise<void> {
  const log = useCaseLog.getState();
  const caseId = log.caseId;
  if (!(await log.record(removal))) return;
  useUndo.getState().offerUndo({
    label,
    undo: async () => useCaseLog.getState().caseId === caseId && useCaseLog.getState().record(undo),
  });
}

export function removeAnnotation(a: Annotation): Promise<void> {
  const id = { id: a.id };
  return removeWithUndo(
    { action: 'annotation.removed', payload: id },
    { action: 'annotation.restored', payload: id },
    `Removed the annotation “${short(a.text)}”`,
  );
}

export function unpinEvidence(p: PinnedEvidence): Promise<void> {
  const id = { id: p.id };
  return removeWithUndo(
    { action: 'evidence.unpinned', payload: id },
    { action: 'evidence.repinned', payload: id },
    `Unpinned “${short(p.label)}”`,
  );
}
