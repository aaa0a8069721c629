import { describe, expect, it } from 'vitest';
import type { ImportJob } from './import-store';
import { importsEnded, newImportWatch, selectLastImport, useLastImports } from './last-import-store';
import { summarizeImport } from './import-summary';

const running = (id: string, caseId?: string): ImportJob => ({
  id,
  name: `${id}.json`,
  size: 1,
  ...(caseId && { caseId }),
});
const skipped = (id: string, caseId?: string): ImportJob => ({
  ...running(id, caseId),
  end: { status: 'skipped', reason: 'not evidence' },
});

describe('importsEnded', () => {
  it('ends a case’s import once none of its files runs, with every file that ended, once', () => {
    const watch = newImportWatch();
    expect(importsEnded(watch, [skipped('1', 'A'), running('2', 'A'), skipped('3', 'B')])).toEqual(
      new Map([['B', [{ id: '3', name: '3.json', end: { status: 'skipped', reason: 'not evidence' } }]]]),
    );
    // File 1 cleared from the list before file 2 ended: still counted in A's import.
    const ended = importsEnded(watch, [skipped('2', 'A'), skipped('3', 'B')]);
    expect([...ended.keys()]).toEqual(['A']);
    expect(ended.get('A')?.map((f) => f.id)).toEqual(['1', '2']);
    expect(importsEnded(watch, [skipped('2', 'A'), skipped('3', 'B')]).size).toBe(0);
  });

  it('keeps the imports into no case apart from those into a case', () => {
    const ended = importsEnded(newImportWatch(), [skipped('1'), running('2', 'A')]);
    expect([...ended.keys()]).toEqual(['']);
  });
});

describe('useLastImports', () => {
  it('keeps the last summary per case until dismissed', () => {
    const first = summarizeImport([{ name: 'a', end: { status: 'cancelled' } }], '2026-03-01T10:00:00Z');
    const second = summarizeImport([{ name: 'b', end: { status: 'skipped', reason: 'x' } }], '2026-03-01T11:00:00Z');
    const { record, dismiss } = useLastImports.getState();
    record('A', first);
    record('A', second);
    record(undefined, first);
    expect(selectLastImport('A')(useLastImports.getState())).toEqual(second);
    expect(selectLastImport(undefined)(useLastImports.getState())).toEqual(first);
    dismiss('A');
    expect(selectLastImport('A')(useLastImports.getState())).toBeUndefined();
    expect(selectLastImport(undefined)(useLastImports.getState())).toEqual(first);
  });
});
