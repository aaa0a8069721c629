import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useReviewer } from '../case/reviewer-store';
import { createCase, readActivity } from '../db/case-log';
import { db } from '../db/instance';
import { useCaseLog } from '../stores/case-log-store';
import { removeAnnotation, unpinEvidence } from './removals';
import { undoAction } from './undo-action';
import { useUndo } from './undo-store';

const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const annotations = () => useCaseLog.getState().case!.annotations.map((a) => a.text);

beforeEach(async () => {
  useReviewer.getState().setName('Maria Keller');
  await createCase(db, { id: 'c1', title: 'Refused offer', description: '', sourceIds: [], owner: 'Maria Keller' });
  await useCaseLog.getState().load('c1');
  const { record } = useCaseLog.getState();
  const notes: ReadonlyArray<readonly [string, string]> = [
    ['a-1', 'Merged without review'],
    ['a-2', 'Deployed on a Friday'],
  ];
  for (const [id, text] of notes)
    await record({
      action: 'annotation.added',
      payload: { id, target: { kind: 'change', id: 'c-9' }, tags: [], text },
    });
  await record({
    action: 'evidence.pinned',
    payload: { id: 'p-1', label: 'The deployment', evidence: { sourceId: 'deploys.jsonl', line: 4 } },
  });
});
afterEach(async () => {
  useUndo.getState().dismiss();
  useCaseLog.getState().reset();
  await db.cases.clear();
  await db.activity.clear();
});

describe('undoing a removal', () => {
  it('puts the removed annotation back through the registered action; both steps are in the stored log', async () => {
    const before = useCaseLog.getState().case!.annotations;
    await removeAnnotation(before[0]!);
    expect(annotations()).toEqual(['Deployed on a Friday']);
    expect(useUndo.getState().offer?.label).toBe('Removed the annotation “Merged without review”');

    undoAction.perform();
    await expect.poll(() => useCaseLog.getState().case!.annotations).toEqual(before);
    expect(useUndo.getState().offer).toBeUndefined();
    const stored = await readActivity(db, 'c1');
    expect(stored.slice(-2).map((e) => [e.action, e.actor])).toEqual([
      ['annotation.removed', 'Maria Keller'],
      ['annotation.restored', 'Maria Keller'],
    ]);
    expect(useCaseLog.getState().chain).toEqual({ ok: true, entries: stored.length });
  });

  it('undoes only the last removal, once, and not on another case', async () => {
    await removeAnnotation(useCaseLog.getState().case!.annotations[1]!);
    await unpinEvidence(useCaseLog.getState().case!.pinnedEvidence[0]!);
    await useUndo.getState().undoLast();
    expect(useCaseLog.getState().case!.pinnedEvidence.map((p) => p.id)).toEqual(['p-1']);
    expect(annotations()).toEqual(['Merged without review']);
    await useUndo.getState().undoLast(); // nothing offered any more
    expect(annotations()).toEqual(['Merged without review']);

    await removeAnnotation(useCaseLog.getState().case!.annotations[0]!);
    await createCase(db, { id: 'c2', title: 'Other', description: '', sourceIds: [], owner: 'Maria Keller' });
    await useCaseLog.getState().load('c2');
    await useUndo.getState().undoLast();
    expect(useUndo.getState().error).toBe('Could not undo: Removed the annotation “Merged without review”.');
    expect((await readActivity(db, 'c2')).map((e) => e.action)).toEqual(['case.opened']);
  });

  it('runs on Ctrl+Z and ⌘Z, not with Shift or Alt', () => {
    expect(undoAction.keyTest!(key('z', { ctrlKey: true }))).toBe(true);
    expect(undoAction.keyTest!(key('z', { metaKey: true }))).toBe(true);
    expect(undoAction.keyTest!(key('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(undoAction.keyTest!(key('z', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(undoAction.keyTest!(key('z'))).toBe(false);
  });
});
