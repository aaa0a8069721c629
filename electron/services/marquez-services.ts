/**
 * The handler of `marquez:pull` (shared/ipc/marquez-channels.ts): a window of a Marquez server's lineage events read
 * page by page through marquez-client.ts, the jobs asked for and their upstream closure kept, returned as one NDJSON
 * input file named by the server and the window. An API key is kept in this process's memory per server until the
 * app quits, never written, never returned, and cut out of any error message. `marquez:pullNext` reads the same pull
 * a page a request, so that the renderer shows its progress and can stop it (`marquez:pullCancel`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseTimestamp } from '../../shared/importers/timestamps.js';
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import type { MarquezPull, MarquezPullRequest } from '../../shared/ipc/marquez-channels.js';
import {
  apiRoot,
  listJobs,
  pullLineageEvents,
  readLineagePage,
  type MarquezOptions,
} from '../marquez/marquez-client.js';
import { filters, upstreamClosure } from '../marquez/upstream-closure.js';

/** The server's API root as a source may name it: no user, password, query or fragment. */
function shownServer(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return apiRoot(parsed.toString());
}

const isoOf = (text: string | undefined) => {
  const t = text === undefined || text.trim() === '' ? undefined : parseTimestamp(text);
  return t?.ok ? t.iso : undefined;
};

/** The name of the pulled file: the server, the window and the jobs asked for. */
function pulledName(request: MarquezPullRequest): string {
  const after = isoOf(request.after) ?? 'the first';
  const before = isoOf(request.before) ?? 'the last';
  const jobs = filters(request) ? ` upstream of ${[request.namespace || '*', request.job || '*'].join(':')}` : '';
  return `${shownServer(request.url)} lineage events ${after} to ${before}${jobs}.ndjson`;
}

/** An error's message with the key cut out. */
const hidden = (error: unknown, apiKey: string | undefined) => {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(apiKey ? message.split(apiKey).join('***') : message);
};

/** The kept events of a window read whole, as `marquez:pull` answers. */
function pulled(
  request: MarquezPullRequest,
  events: ReadonlyArray<Record<string, unknown>>,
  read: { readonly events: number; readonly totalCount?: number; readonly pages: number },
  keyKept: boolean,
): MarquezPull {
  const kept = upstreamClosure(events, request);
  const text = kept.events.map((e) => `${JSON.stringify(e)}\n`).join('');
  return {
    file: {
      name: pulledName(request),
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      size: Buffer.byteLength(text, 'utf8'),
      text,
    },
    read: read.events,
    ...(read.totalCount !== undefined && { totalCount: read.totalCount }),
    kept: kept.events.length,
    jobs: kept.jobs,
    pages: read.pages,
    keyKept,
  };
}

/** A pull the renderer pages: its request, client options, window, and what it read so far. */
interface PagedPull {
  readonly request: MarquezPullRequest;
  readonly opts: MarquezOptions;
  readonly window: { readonly after?: string; readonly before?: string };
  readonly events: Array<Record<string, unknown>>;
  pages: number;
  totalCount?: number;
}

/** The most pulls paged at once: a window closed mid-pull leaves its pull behind; the oldest is then forgotten. */
export const MAX_PAGED_PULLS = 4;

type MarquezHandlers = Pick<IpcHandlers, 'marquez:pull' | 'marquez:pullNext' | 'marquez:pullCancel' | 'marquez:jobs'>;

export function createMarquezHandlers(fetchImpl?: typeof fetch): MarquezHandlers {
  const keys = new Map<string, string>();
  const paged = new Map<string, PagedPull>();
  /** The client's options for a request: its key kept (or forgotten, when empty) for the server. */
  const optionsFor = (request: { readonly url: string; readonly apiKey?: string }): MarquezOptions => {
    const server = shownServer(request.url);
    if (request.apiKey === '') keys.delete(server);
    else if (request.apiKey !== undefined) keys.set(server, request.apiKey);
    const apiKey = keys.get(server);
    return { url: request.url, ...(apiKey && { apiKey }), ...(fetchImpl && { fetch: fetchImpl }) };
  };
  return {
    async 'marquez:jobs'(request) {
      const opts = optionsFor(request);
      try {
        return { namespaces: await listJobs(opts), keyKept: opts.apiKey !== undefined };
      } catch (error) {
        throw hidden(error, opts.apiKey);
      }
    },
    async 'marquez:pull'(request) {
      const opts = optionsFor(request);
      const after = isoOf(request.after);
      const before = isoOf(request.before);
      const events: Array<Record<string, unknown>> = [];
      let pages = 0;
      let read: { events: number; totalCount?: number };
      try {
        read = await pullLineageEvents(opts, { ...(after && { after }), ...(before && { before }) }, (page) => {
          pages++;
          events.push(...page);
        });
      } catch (error) {
        throw hidden(error, opts.apiKey);
      }
      return pulled(request, events, { ...read, pages }, opts.apiKey !== undefined);
    },
    async 'marquez:pullNext'(request) {
      let pullId: string;
      let pull: PagedPull | undefined;
      if ('start' in request) {
        const opts = optionsFor(request.start);
        const after = isoOf(request.start.after);
        const before = isoOf(request.start.before);
        pullId = randomUUID();
        pull = {
          request: request.start,
          opts,
          window: { ...(after && { after }), ...(before && { before }) },
          events: [],
          pages: 0,
        };
        paged.set(pullId, pull);
        for (const oldest of paged.keys()) if (paged.size > MAX_PAGED_PULLS) paged.delete(oldest);
      } else {
        pullId = request.pullId;
        pull = paged.get(pullId);
        if (!pull) throw new Error('This pull from Marquez is no longer running (cancelled, finished or forgotten).');
      }
      let page;
      try {
        page = await readLineagePage(pull.opts, pull.window, pull.events.length);
      } catch (error) {
        paged.delete(pullId);
        throw hidden(error, pull.opts.apiKey);
      }
      // Cancelled while the page was read: nothing more is kept.
      if (paged.get(pullId) !== pull) throw new Error('This pull from Marquez was cancelled.');
      pull.pages++;
      pull.events.push(...page.events);
      if (page.totalCount !== undefined) pull.totalCount = page.totalCount;
      const read = {
        events: pull.events.length,
        pages: pull.pages,
        ...(pull.totalCount !== undefined && { totalCount: pull.totalCount }),
      };
      const step = {
        pullId,
        pages: read.pages,
        read: read.events,
        ...(read.totalCount !== undefined && { totalCount: read.totalCount }),
      };
      if (!page.last) return step;
      paged.delete(pullId);
      return { ...step, pull: pulled(pull.request, pull.events, read, pull.opts.apiKey !== undefined) };
    },
    async 'marquez:pullCancel'({ pullId }) {
      return { cancelled: paged.delete(pullId) };
    },
  };
}
