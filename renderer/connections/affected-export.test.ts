/**
 * The affected decisions' CSV of a case read in place is asked for chunk by chunk: each request carries the offset
 * of what was written, the file is the chunks in order (the header once), the progress counts the decisions
 * written, and a cancelled export asks for no further chunk. The affected subjects' CSV is asked for the same way.
 */
import { describe, expect, it } from 'vitest';
import type {
  ConnectionAffectedCsvRequest,
  ConnectionAffectedSubjectsCsvRequest,
} from '../../shared/ipc/connection-affected-channels';
import type { IpcApi, IpcChannel, IpcRequest } from '../../shared/ipc/contract';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection';
import { setApi } from '../api';
import { connectionAffectedCsv, connectionAffectedSubjectsCsv } from './affected-export';

const selection: AffectedSelection = {
  by: 'versions',
  model: 'offer-eligibility',
  versionKind: 'feature_version',
  versions: ['fv-2'],
};

/** A main process holding `total` affected decisions, answering `chunk` of them a request; the requests it got. */
function fakeMain(total: number, chunk: number, onAsked?: (asked: number) => void) {
  const asked: ConnectionAffectedCsvRequest[] = [];
  setApi({
    invoke: async <K extends IpcChannel>(channel: K, request: IpcRequest<K>) => {
      expect(channel).toBe('connections:affectedCsv');
      const r = request as ConnectionAffectedCsvRequest;
      asked.push(r);
      onAsked?.(asked.length);
      const rows = Math.max(0, Math.min(chunk, total - r.offset));
      const lines = Array.from({ length: rows }, (_, i) => `d-${r.offset + i}\r\n`).join('');
      return { csv: (r.offset === 0 ? 'decision_id\r\n' : '') + lines, rows, done: rows < chunk };
    },
  } as IpcApi);
  return asked;
}

describe('the chunked CSV export of a case read in place', () => {
  it('joins the chunks in order, asking from where the last one ended, counting progress', async () => {
    const asked = fakeMain(5, 2);
    const progress: number[] = [];
    const { blob, decisions } = await connectionAffectedCsv({
      connectionId: 'conn-1',
      selection,
      featureName: 'eligibility_flag',
      onProgress: (n) => progress.push(n),
    });
    expect(decisions).toBe(5);
    expect(asked.map((r) => r.offset)).toEqual([0, 2, 4]);
    expect(asked.every((r) => r.id === 'conn-1' && r.featureName === 'eligibility_flag')).toBe(true);
    expect(asked[0]?.selection).toEqual(selection);
    expect(progress).toEqual([2, 4, 5]);
    const lines = (await blob.text()).trimEnd().split('\r\n');
    expect(lines).toEqual(['decision_id', 'd-0', 'd-1', 'd-2', 'd-3', 'd-4']);
    expect(blob.type).toBe('text/csv;charset=utf-8');
  });

  it('asks for one more, empty, chunk when the decisions fill the last one exactly', async () => {
    const asked = fakeMain(4, 2);
    const { blob, decisions } = await connectionAffectedCsv({ connectionId: 'c', selection, featureName: 'f' });
    expect(decisions).toBe(4);
    expect(asked.map((r) => r.offset)).toEqual([0, 2, 4]);
    expect((await blob.text()).split('\r\n')).toHaveLength(6);
  });

  it('stops asking once cancelled, and says it was aborted', async () => {
    const controller = new AbortController();
    const asked = fakeMain(10, 2, (n) => n === 2 && controller.abort());
    await expect(
      connectionAffectedCsv({ connectionId: 'c', selection, featureName: 'f', signal: controller.signal }),
    ).rejects.toThrow(/abort/i);
    expect(asked).toHaveLength(2);
  });
});

describe('the chunked subjects CSV of a case read in place', () => {
  it('asks its own channel from where the last chunk ended, counting the subjects written', async () => {
    const asked: ConnectionAffectedSubjectsCsvRequest[] = [];
    setApi({
      invoke: async <K extends IpcChannel>(channel: K, request: IpcRequest<K>) => {
        expect(channel).toBe('connections:affectedSubjectsCsv');
        const r = request as ConnectionAffectedSubjectsCsvRequest;
        asked.push(r);
        const rows = Math.max(0, Math.min(3, 7 - r.offset));
        const lines = Array.from({ length: rows }, (_, i) => `s-${r.offset + i},1\r\n`).join('');
        return { csv: (r.offset === 0 ? 'subject_id,decisions\r\n' : '') + lines, rows, done: rows < 3 };
      },
    } as IpcApi);
    const progress: number[] = [];
    const { blob, subjects } = await connectionAffectedSubjectsCsv({
      connectionId: 'conn-2',
      selection,
      onProgress: (n) => progress.push(n),
    });
    expect(subjects).toBe(7);
    expect(asked.map((r) => [r.id, r.offset])).toEqual([
      ['conn-2', 0],
      ['conn-2', 3],
      ['conn-2', 6],
    ]);
    expect(progress).toEqual([3, 6, 7]);
    expect((await blob.text()).trimEnd().split('\r\n')).toEqual([
      'subject_id,decisions',
      ...Array.from({ length: 7 }, (_, i) => `s-${i},1`),
    ]);
  });
});
