import { afterEach, describe, expect, it } from 'vitest';
import type { IpcApi } from '../../shared/ipc/contract';
import { setApi } from '../api';
import { caseFileCaseActions, openCaseFileActions } from './case-file-actions';
import { useCaseFile } from './case-file-store';

const fileText = JSON.stringify({
  format: 'lineage-investigator.case-file.v1',
  content: { caseId: 'case-3', evidence: [] },
  activity: [],
  signatures: [],
});

function fakeApi(calls: unknown[]): IpcApi {
  return {
    invoke: async (channel: string, request: unknown) => {
      calls.push([channel, request]);
      return {
        verdict: {
          ok: false,
          problems: ["the file carries no signature: not even the investigator's"],
          signatures: [],
          investigatorEntries: 0,
          reviewerEntries: 0,
          evidenceRecords: 0,
        },
        localFingerprint: `sha256:${'c'.repeat(64)}`,
      };
    },
  } as IpcApi;
}

afterEach(() => useCaseFile.getState().close());

describe('the case file’s palette actions', () => {
  it('"Open a case file…" opens the chosen file read-only with the main process’s verification', async () => {
    const calls: unknown[] = [];
    setApi(fakeApi(calls));
    const [open] = openCaseFileActions(async () => ({ name: 'refused-loan.case.json', text: fileText }));
    expect(open?.group).toBe('Case');
    open!.perform();
    await expect.poll(() => useCaseFile.getState().opened?.name).toBe('refused-loan.case.json');
    expect(calls).toEqual([['caseFile:open', { text: fileText }]]);
    expect(useCaseFile.getState().opened?.verdict.problems).toEqual([
      "the file carries no signature: not even the investigator's",
    ]);
  });

  it('a file that is not a case file is named with what is wrong, and nothing is opened', async () => {
    const calls: unknown[] = [];
    setApi(fakeApi(calls));
    const [open] = openCaseFileActions(async () => ({ name: 'notes.json', text: '{"format":"other"}' }));
    open!.perform();
    await expect.poll(() => useCaseFile.getState().error).toMatch(/^notes\.json: the format field is "other"/);
    expect(useCaseFile.getState().opened).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('a dismissed chooser opens nothing', async () => {
    const [open] = openCaseFileActions(async () => null);
    open!.perform();
    await new Promise((r) => setTimeout(r, 10));
    expect(useCaseFile.getState()).toMatchObject({ opened: undefined, error: undefined, busy: false });
  });

  it('offers export and merge in a case, with unique names', () => {
    const names = [...caseFileCaseActions(), ...openCaseFileActions()].map((a) => a.name);
    expect(names).toEqual(['caseFile:export', 'caseFile:merge', 'caseFile:open']);
  });
});
