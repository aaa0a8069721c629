/**
 * A pull from Marquez read a page a request (`marquez:pullNext`), the renderer driving the loop: each page's
 * progress (pages read, events so far, the total the server reported) is heard as it comes, and a pull stopped by
 * its signal is forgotten in the main process (`marquez:pullCancel`) before its next page is asked for.
 */
import type { MarquezPull, MarquezPullRequest } from '../../shared/ipc/marquez-channels';
import { getApi } from '../api';

export interface PullProgress {
  readonly pages: number;
  readonly read: number;
  readonly totalCount?: number;
}

/**
 * The pull, or `undefined` when `signal` stopped it: the main process forgets it at once (the page being read is
 * dropped when it arrives), and the progress heard last is what it had read.
 */
export async function pagedPull(
  request: MarquezPullRequest,
  onProgress: (progress: PullProgress) => void,
  signal?: AbortSignal,
): Promise<MarquezPull | undefined> {
  const api = getApi();
  let pullId: string | undefined;
  const cancel = () =>
    pullId === undefined ? Promise.resolve() : api.invoke('marquez:pullCancel', { pullId }).then(() => undefined);
  const onAbort = () => void cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let step = await api.invoke('marquez:pullNext', { start: request });
    pullId = step.pullId;
    for (;;) {
      if (signal?.aborted) {
        await cancel();
        return undefined;
      }
      const { pages, read, totalCount } = step;
      onProgress({ pages, read, ...(totalCount !== undefined && { totalCount }) });
      if (step.pull) return step.pull;
      try {
        step = await api.invoke('marquez:pullNext', { pullId });
      } catch (error) {
        if (signal?.aborted) return undefined;
        throw error;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
