/**
 * The renderer drives a pull from Marquez a page a request: each page's progress is heard, the last page's pull is
 * the answer, and Cancel forgets the pull in the main process at once, the page being read then dropped.
 */
import { describe, expect, it } from 'vitest';
import type { IpcApi, IpcChannel, IpcRequest } from '../../shared/ipc/contract';
import type { MarquezPull } from '../../shared/ipc/marquez-channels';
import { setApi } from '../api';
import { pagedPull, type PullProgress } from './marquez-paged-pull';

const PULL = { read: 250, kept: 250, jobs: ['ns:job'], pages: 3, keyKept: false } as unknown as MarquezPull;

/** A main process holding 250 events, 100 a page; `onAsk` hears each request (and may hold the answer). */
function fakeMain(onAsk?: (channel: IpcChannel, asked: number) => Promise<void> | void) {
  const asked: Array<{ channel: IpcChannel; request: unknown }> = [];
  let read = 0;
  let forgotten = false;
  setApi({
    invoke: async <K extends IpcChannel>(channel: K, request: IpcRequest<K>) => {
      asked.push({ channel, request });
      await onAsk?.(channel, asked.length);
      if (channel === 'marquez:pullCancel') {
        forgotten = true;
        return { cancelled: true };
      }
      if (forgotten) throw new Error('This pull from Marquez was cancelled.');
      read = Math.min(250, read + 100);
      const pages = Math.ceil(read / 100);
      return { pullId: 'p-1', pages, read, totalCount: 250, ...(read === 250 && { pull: PULL }) };
    },
  } as IpcApi);
  return asked;
}

describe('a pull from Marquez, paged by the renderer', () => {
  it('hears every page and answers with the last page’s pull', async () => {
    const asked = fakeMain();
    const heard: PullProgress[] = [];
    const pull = await pagedPull({ url: 'http://m' }, (p) => heard.push(p));
    expect(pull).toBe(PULL);
    expect(heard).toEqual([
      { pages: 1, read: 100, totalCount: 250 },
      { pages: 2, read: 200, totalCount: 250 },
      { pages: 3, read: 250, totalCount: 250 },
    ]);
    expect(asked.map((a) => a.request)).toEqual([{ start: { url: 'http://m' } }, { pullId: 'p-1' }, { pullId: 'p-1' }]);
  });

  it('cancels at once while a page is read: the pull is forgotten and nothing is answered', async () => {
    const controller = new AbortController();
    let answer: () => void = () => {};
    const asked = fakeMain((channel, n) => {
      if (n === 2) {
        controller.abort();
        return new Promise<void>((resolve) => (answer = resolve));
      }
    });
    const heard: PullProgress[] = [];
    const pulling = pagedPull({ url: 'http://m' }, (p) => heard.push(p), controller.signal);
    await expect.poll(() => asked.map((a) => a.channel)).toContain('marquez:pullCancel');
    answer();
    expect(await pulling).toBeUndefined();
    expect(heard).toEqual([{ pages: 1, read: 100, totalCount: 250 }]);
    expect(asked.filter((a) => a.channel === 'marquez:pullNext')).toHaveLength(2);
  });
});
